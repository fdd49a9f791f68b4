"""Questions about a place as a whole: "What does the deal mention in Scotland?", "Is anything
happening in Wales?". Retrieval ranks passages about the nation by name, but the deal speaks
of its towns (BioClavis in Glasgow, biotechnology in Fife). Such a question is answered by the
units naming the place or a place inside it (the gazetteer's containment, see
``commitments.places``), each quoted around the place it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.evidence import GENERIC_NAMES, MARKED_NAME_RE, NAME_RUN_RE
from assistant.name_match import POSSESSIVE_RE
from assistant.question_parts import split_premise
from commitments.places import find_places, lies_in
from dealqa.types import AnswerType, Passage, UnitKind
from retrieval.text import tokenize

__all__ = ["asks_organisations", "body_units", "named_there", "scoped_place", "units_in"]

# A nation's adjective names it too: "Scottish Enterprise", "the Welsh government".
_ADJECTIVES = {"scotland": "Scottish", "wales": "Welsh", "england": "English"}
# Words that say nothing beyond "what does the deal do there?".
_GENERIC = frozenset(tokenize(
    "what which whats is are was were does do did will would could can there the this deal "
    "sector life sciences say says said mention mentions mentioned happen happens happening "
    "plan plans planned invest investing investment investments list lists listed include "
    "includes included any anything something everything in for about around across within "
    "region regions area areas offer offers support supports going on doing commitment "
    "commitments project projects announced announce announcement announcements activity "
    "activities development developments specifically particular tell me us please "
    # ("List everything the deal places in Wales": what it puts there)
    "place places placed locate locates located put puts site sited "
    # ("Pull together what the deal says about Scotland", "... about Wales, across its
    # chapters": the whole deal, gathered)
    "pull together gather collect summarise summarize overview round up chapter chapters "
    "section sections part parts whole entire document relating related regarding "
    "concerning talk talks cover covers"))

# "Which organisations does the deal mention with a presence at Stevenage?", "Which Greater
# Manchester organisations are involved somewhere in the deal?": every name the deal gives
# there, asked of the place as a whole (each unit naming the place names its firm or body).
_ORGANISATIONS_RE = re.compile(r"\b(?:companies|firms|organi[sz]ations|businesses|bodies|"
                               r"institutions|employers)\b", re.IGNORECASE)
# ... with words that only say they are there
_PRESENCE = frozenset(tokenize(
    "companies firms organisations organizations businesses bodies institutions employers "
    "presence present based located operating operate operations active involved involvement "
    "somewhere setting set up growing grow expanding expand own site sites footprint have has"))
# ... or asked of the whole deal in so many words ("Pulling the whole document together, which
# companies are doing new work with Greater Manchester health partners?"): the rest is read
# from them
_WHOLE_DEAL_RE = re.compile(r"\b(?:the (?:whole|entire) (?:deal|document)|across the (?:deal|"
                            r"document)|anywhere in the (?:deal|document))\b", re.IGNORECASE)

# "What is relevant to us locally?": the asker's own place, asked about as a whole.
_LOCAL_WORDS = frozenset(tokenize("locally nearby near here our we relevant applies apply "
                                  "available local"))
_LOCAL_RE = re.compile(r"\b(?:locally|nearby|near (?:us|here)|in our (?:area|region|city|town|"
                       r"county|patch)|on our doorstep|around here)\b", re.IGNORECASE)


def scoped_place(question: str, answer_type: AnswerType) -> str | None:
    """The place a question asks about as a whole, or None: it names one place and asks
    nothing more specific of it."""
    organisations = asks_organisations(question, answer_type)
    if answer_type not in (AnswerType.DESCRIPTION, AnswerType.LIST) and not organisations:
        return None
    places = find_places(question)
    if len(places) != 1:  # several places are asked about together, not as one area
        return None
    if organisations and _WHOLE_DEAL_RE.search(question):
        return places[0]
    asked = split_premise(question)[1]
    if _LOCAL_RE.search(asked) and not set(tokenize(asked)) - _GENERIC - _LOCAL_WORDS:
        # "We're a gene therapy SME in Stevenage. What in the deal is relevant to us locally?":
        # the question asks only what the deal does in the asker's place ("Is there a company
        # I might collaborate with locally?" asks more).
        return places[0]
    rest = set(tokenize(question)) - set(tokenize(places[0])) - _GENERIC
    if organisations:
        rest -= _PRESENCE
    return None if rest else places[0]


def asks_organisations(question: str, answer_type: AnswerType) -> bool:
    """Does ``question`` ask which firms or bodies (of a place, see ``scoped_place``)?"""
    return answer_type in (AnswerType.ENTITY, AnswerType.LIST) \
        and bool(_ORGANISATIONS_RE.search(question))


def named_there(text: str) -> list[str]:
    """The names in ``text`` that are neither places nor generic ones ("MSD", "The Medicines
    Company"), as written, in order; none where it names only places ("pioneering investments
    in Manchester, Leeds, Sheffield, Glasgow and South Wales")."""
    out: list[str] = []
    for m in NAME_RUN_RE.finditer(text):
        words = POSSESSIVE_RE.sub("", m.group()).split()
        before = text[:m.start()].rstrip()
        if (not before or before[-1] in ".!?:;•◦▶►") and not MARKED_NAME_RE.fullmatch(words[0]):
            words = words[1:]  # a capital that only starts a sentence: "The", "Alongside"
        name = " ".join(words)
        if name and name.lower() not in GENERIC_NAMES and find_places(name) != [name]:
            out.append(m.group())
    return out


def body_units(passages: Sequence[Passage],
               skip_sections: frozenset[str]) -> Iterator[tuple[Passage, int, str]]:
    """(passage, unit index, unit text) for each unit but headings, in document order, outside
    the sections named in ``skip_sections``: the whole deal, for questions about all of it."""
    for p in passages:
        if p.section and p.section[0].lower() in skip_sections:
            continue
        for i, u in enumerate(p.units):
            if u.kind is not UnitKind.HEADING:
                yield p, i, p.unit_text(u)


def units_in(passages: Sequence[Passage], area: str,
             skip_sections: frozenset[str]) -> Iterator[tuple[Passage, int, str]]:
    """(passage, unit index, the place named) for each unit that names ``area`` or a place
    inside it, in document order, outside the sections named in ``skip_sections``."""
    adjective = _ADJECTIVES.get(area.lower())
    for p, i, text in body_units(passages, skip_sections):
        named = next((n for n in find_places(text) if lies_in(n, area)), None)
        if named is None and adjective and re.search(rf"\b{adjective}\b", text):
            named = adjective  # "a £3.3m ... grant from Scottish Enterprise" is in Scotland
        if named is not None:
            yield p, i, named
