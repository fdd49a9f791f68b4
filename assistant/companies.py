"""A company asked for is named as a company: "Which company will operate the new Vaccines
Development and Manufacturing Centre?" is not answered by "two new national centres - the
Medicines Manufacturing Innovation Centre and ...": a centre, a fund or a programme the deal
sets up is no company, whatever capitals it has.
"""

from __future__ import annotations

import re

from assistant.evidence import GENERIC_NAMES, MARKED_NAME_RE
from assistant.name_match import NAME_WITH_AND, POSSESSIVE_RE

__all__ = ["asks_company", "names_company"]

# (not a kind of company: "Which kind of companies benefit?" is answered "knowledge-intensive")
_COMPANY_ASKED_RE = re.compile(r"\bwhich (?!(?:kinds?|types?|sorts?|categor\w+) of\b)"
                               r"(?:[a-z-]+ ){0,2}?(?:compan(?:y|ies)|firms?|businesses|"
                               r"drugmakers?|manufacturers?|makers?|biotechs?)\b", re.IGNORECASE)
# The last word of a name that is a body, a place or a scheme, not a company ("... Innovation
# Centre", "... Industry Partnership", "Industrial Strategy Challenge Fund").
_NOT_COMPANY = frozenset(
    "centre center centres catapult programme program fund funds network networks council "
    "board review strategy deal collaborative partnership institute university trust agency "
    "hub hubs alliance academy service authority department committee commission premium "
    "project projects pathway plan paper budget".split())
# A name, "and" inside it too ("the Cell and Gene Therapy Catapult": one name, a catapult).
_NAME_RUN_RE = re.compile(NAME_WITH_AND)


def asks_company(question: str) -> bool:
    return bool(_COMPANY_ASKED_RE.search(question))


def names_company(text: str, exclude: frozenset[str]) -> bool:
    """``text`` names something that may be a company: a name with a word not in ``exclude``
    (the question's own words) whose last word is not a body's or a scheme's."""
    for m in _NAME_RUN_RE.finditer(text):
        before = text[:m.start()].rstrip()
        words = m.group().split()
        if (not before or before[-1] in ".!?:;•◦▶►") and not MARKED_NAME_RE.fullmatch(words[0]):
            # (a capital opening a sentence is no name, as in ``evidence.has_name``: "The",
            # "This"; the rest may still be one)
            words = words[1:]
        new = [w for w in words if POSSESSIVE_RE.sub("", w).lower() not in exclude | GENERIC_NAMES
               and w.lower() not in ("and", "of", "for", "&")]
        if new and POSSESSIVE_RE.sub("", words[-1]).lower() not in _NOT_COMPANY:
            return True
    return False
