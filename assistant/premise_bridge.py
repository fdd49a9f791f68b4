"""Bridges through a premise: the question's opening statement introduces its subject only by
kind ("... was won at a lab in one particular city."), and the question asks about it by that
kind ("What rail commitment does the deal make for that city?").

The passage saying which city is not the passage about the rail commitment, so one retrieval
cannot answer. The statement becomes a question by asking for what it leaves open ("... was won
at a lab in which city?"), that answer's quote gives the name (Cambridge), and the question is
asked again with the name in place of "that city". The steps are those of ``assistant.bridge``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.bridge import ORG_KINDS, bridge_name, new_names
from assistant.count_nouns import plural
from assistant.question_parts import split_premise
from commitments.places import find_places
from retrieval.text import tokenize

__all__ = ["PremiseBridge", "find_premise_bridge", "premise_names", "premise_ask"]

# The kinds a premise can leave open: organisations and people (as a bridge's description
# can stand for), the bodies a deal sets up, and places.
_ORGS = ORG_KINDS + ("centre", "network", "programme", "fund", "scheme", "council")
_PLACES = tuple("city town region county area place nation country cluster".split())


def _plural(word: str) -> str:
    """The word or its plural, as a pattern: "company" -> (?:company|companies)."""
    return rf"(?:{re.escape(word)}|{re.escape(plural(word))})"


# Roles an organisation of any kind plays: "Immunocore got $40m from a foundation. What is that
# same funder doing ...?" refers back to the foundation.
_ROLES = ("funder", "backer", "donor", "sponsor")
_KINDS = {k: re.compile(rf"^{_plural(k)}$", re.IGNORECASE) for k in _ORGS + _PLACES + _ROLES}
_KIND = "(?:" + "|".join(_plural(k) for k in _ORGS + _PLACES) + ")"
_ORG_KIND = "(?:" + "|".join(_plural(k) for k in _ORGS) + ")"
_REF_KIND = "(?:" + "|".join(_plural(k) for k in _ORGS + _PLACES + _ROLES) + ")"
_COUNTS = {"two": 2, "three": 3}
# "that city", "this body's", "those two companies", "those two".
_REFERENCE_RE = re.compile(
    rf"\b(?:(?:that|this)\s+(?:same\s+)?(?P<kind>{_REF_KIND})(?P<own>['’]s)?"
    rf"|(?:those|these)\s+(?P<n>two|three)(?:\s+(?P<kinds>{_REF_KIND}))?)\b", re.IGNORECASE)
# "one particular city", "a particular university", "another body's", "two world-leading UK
# companies": the premise's indefinite, with up to three describing words before the kind.
_INDEFINITE = (r"\b(?P<det>a|an|one|another|two|three)\s+(?:particular\s+|specific\s+|single\s+)?"
               r"(?P<desc>(?:(?!(?:with|of|in|at|for|from|by|to|and)\s)[\w-]+\s+){{0,3}}?)"
               r"(?P<kind>{kind})\b")


@dataclass(frozen=True)
class PremiseBridge:
    """``first``: the premise asked as a question; ``start``/``end``: the reference in the
    question the subject's name takes; ``count``: how many subjects ("those two")."""

    question: str
    first: str
    kind: str
    start: int
    end: int
    ask_start: int  # where the question after the premise begins
    count: int = 1
    qualifiers: tuple[str, ...] = ()  # (see assistant.bridge.Bridge)

    def name_in(self, quotes: list[str]) -> str | None:
        return premise_names(self, quotes)

    def asked_with(self, name: str) -> str:
        return premise_ask(self, name)


def _singular(word: str) -> str:
    return next((k for k, pat in _KINDS.items() if pat.match(word)), word.lower())


def find_premise_bridge(question: str) -> PremiseBridge | None:
    """The premise's open subject and the question's reference to it; None for a question
    without both ("What does the deal say about that city?" after no premise)."""
    premise, ask = split_premise(question)
    if not premise:
        return None
    ref = _REFERENCE_RE.search(ask)
    if ref is None:
        return None
    word = ref.group("kind") or ref.group("kinds")
    # (a role stands for an organisation of any kind; "those two" without a kind, for any kind)
    kind = _singular(word) if word else None
    kind_re = _ORG_KIND if kind in _ROLES else _plural(kind) if kind else _KIND
    ind = re.search(_INDEFINITE.format(kind=kind_re), premise, re.IGNORECASE)
    if ind is None:
        return None
    count = _COUNTS.get((ref.group("n") or "").lower(), 1)
    if count > 1 and _COUNTS.get(ind.group("det").lower()) != count:
        return None  # "those two" must pick up "two ... companies"
    which = f"which {ind.group('det').lower()} " if count > 1 else "which "
    if ind.start() == 0:
        which = which.capitalize()
    first = premise[: ind.start()] + which + premise[ind.start("desc"):]
    first = re.sub(r"[.!]\s*$", "", first.strip()) + "?"
    offset = len(question.rstrip()) - len(ask)
    end = ref.end() - (len(ref.group("own")) if ref.group("own") else 0)
    return PremiseBridge(question, first, _singular(ind.group("kind")), offset + ref.start(),
                         offset + end, offset, count)


def premise_names(bridge: PremiseBridge, quotes: list[str]) -> str | None:
    """The name(s) the first answer's quotes give for the open subject: a place for a place
    kind, else names as ``bridge_name`` chooses them (one carrying the kind first, in any
    quote: "Which university ...?" may be answered by a list of signatures whose third
    names it); several joined with "and"."""
    quote = " ; ".join(quotes)  # no name runs on from one quote into the next
    if bridge.kind in _PLACES:
        asked = set(tokenize(bridge.question))
        places = [p for p in find_places(quote) if not set(tokenize(p)) <= asked]
        return places[0] if places else None
    if bridge.count == 1:
        return bridge_name(bridge, quote)  # type: ignore[arg-type]  (the fields it reads)
    names = list(dict.fromkeys(name for _, name in new_names(bridge.question, quote)))
    return " and ".join(names[: bridge.count]) if len(names) >= bridge.count else None


def premise_ask(bridge: PremiseBridge, name: str) -> str:
    """The question after the premise, with the name in place of its reference: the premise
    would pull the search back to the passage that gave the name."""
    q = bridge.question
    return f"{q[bridge.ask_start: bridge.start]}{name}{q[bridge.end:]}".strip()
