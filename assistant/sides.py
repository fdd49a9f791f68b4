"""The two sides of a question joining two facts ("Which is larger: A or B?", "How long between
A and B?", "Which city is home to both A and B?"), and how well a unit fits one side.

Shared by comparisons (``figure_pairs.py``), time between events (``dates_between.py``) and what
two things have in common (``in_common.py``): each finds one unit per side, then joins them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.evidence import GENERIC_NAMES, NAME_RUN_RE
from assistant.name_match import POSSESSIVE_RE, acronym_in
from assistant.scoring import Candidate, TermStats, context_units, terms
from commitments.places import find_places
from retrieval.text import tokenize

__all__ = ["ALTERNATIVES_RE", "MIN_SIDE_COVERAGE", "context_terms", "listed_sides",
           "names_in_side", "names_side", "side_fit", "two_sides"]

# "Which is the larger sum: A or B?", "Which came first, A or B?": two alternatives after the
# question's opening.
# ("A, or B - and by how many years?": B ends before the dash that adds to the ask)
ALTERNATIVES_RE = re.compile(r"[:,–—-]\s+(?P<a>[^:?]+?),? or (?P<b>[^?,]+?)"
                             r"(?=\s+[–—-]\s+and\b|\s*[?,]|$)", re.IGNORECASE)
MIN_SIDE_COVERAGE = 0.3  # IDF-weighted share of a side's words the unit for it must hold


def two_sides(question: str, patterns: Sequence[re.Pattern[str]]) -> tuple[str, str] | None:
    """The two things a question sets side by side (groups ``a`` and ``b`` of the first of
    ``patterns`` that matches), or None."""
    for rx in patterns:
        m = rx.search(question)
        if m:
            return m.group("a").strip(), _TRAILING_ASK_RE.sub("", m.group("b")).strip()
    return None


# The ask after the second side is not part of it: "... than the government has committed to
# medicines manufacturing, and by at least how much?"
_TRAILING_ASK_RE = re.compile(r",?\s+and\s+(?:by\s+)?(?:at least |at most |roughly |about |around |"
                              r"approximately )?how (?:much|many|far)\b.*$", re.IGNORECASE)


# A list is set apart by a dash, a colon or a sentence's end: "Add together the three pots -
# medicines manufacturing, viral vectors and early diagnostics."
# (a list in brackets is one of its own: "the three pound figures ... (Leeds, Oxfordshire and the
# Cambridge rail proposals)")
_SEGMENT_RE = re.compile(r"\s[-–—]\s|[:;?()]|\.(?:\s|$)")
MAX_ITEM_WORDS = 8  # a listed thing is a short phrase, not a clause
# The ask before a list's first thing: "Roughly how many new jobs do ", "How much will ".
# ("Tot up the money for ", "Add up the funding going to ": the ask in the imperative)
_ASKING_LEAD_RE = re.compile(r"^(?:\w+ )?how (?:much|many)\b[^,]*?\b(?:do|does|did|will|would|"
                             r"are|is|were|was)\s+|^(?:please )?(?:(?:tot|add|sum|total) up|"
                             r"work out|calculate) (?:the )?(?:[\w-]+ ){0,3}?(?:for|of|on|to)\s+",
                             re.IGNORECASE)

# The words before a list's first thing when the ask comes first: "... if you count ",
# "..., counting ".
_COUNTING_LEAD_RE = re.compile(r"\b(?:if (?:you|we) (?:count|add(?: up| together)?|include)|"
                               r"counting|adding(?: up| together)?)\s+", re.IGNORECASE)


def listed_sides(question: str, max_words: int = MAX_ITEM_WORDS) -> list[str] | None:
    """Three or more things a question lists ("A, B and C"), each a side with its own figure:
    "If EIS/VCT, the Enterprise Capital Fund route and overseas backing all deliver, what do
    those three release together?" -> ["If EIS/VCT", "the Enterprise Capital Fund route",
    "overseas backing all deliver"]; None where it lists fewer. ``max_words``: the longest
    piece that is a thing listed, not a clause."""
    for segment in _SEGMENT_RE.split(question):
        pieces = [p.strip() for p in segment.split(",")]
        for end, piece in enumerate(pieces):
            # ("A, B, and C": the comma before "and" ends the list too)
            serial = re.match(r"and\s+", piece) is not None
            last = re.split(r"\s+and\s+", re.sub(r"^and\s+", "", piece), maxsplit=1)
            if end < 1 or len(last) < 2 and not (serial and end >= 2):
                continue
            items = [*pieces[:end], *last]
            lead = _ASKING_LEAD_RE.match(items[0])
            if lead and len(items[0].split()) > max_words:
                # "How many jobs do the Liverpool plant, ...": the first thing follows the ask
                items[0] = items[0][lead.end():]
            # the run of short pieces that ends in "B and C"
            start = max((i + 1 for i, p in enumerate(items[:end])
                         if len(p.split()) > max_words), default=0)
            if start and (counted := _COUNTING_LEAD_RE.search(items[start - 1])):
                # "... how much is aimed at it if you count A, B and C?": A follows the ask
                items[start - 1] = items[start - 1][counted.end():]
                start -= 1
            items = [i for i in items[start:] if i]
            if len(items) >= 3 and all(len(i.split()) <= max_words for i in items):
                return items
    return None


def context_terms(c: Candidate) -> frozenset[str]:
    """The terms of ``c``, the units before it that may name its subject, and its headings."""
    return terms(" ".join([*c.passage.section,
                           *(c.passage.unit_text(u) for u in context_units(c))]))


def side_fit(stats: TermStats, want: Sequence[str], c: Candidate) -> float:
    """How well ``c`` states one side (its words ``want``): in its own words first, then in
    the words around it."""
    return stats.coverage(want, terms(c.text)) + 0.5 * stats.coverage(want, context_terms(c))


def names_in_side(side: str) -> list[set[str]]:
    """The words of each name ``side`` gives, places aside ("BioClavis in Glasgow":
    BioClavis's)."""
    return [toks for _, toks in _side_names(side)]


def _side_names(side: str) -> list[tuple[str, set[str]]]:
    """(each name as written, its words), places aside."""
    places = {p.lower() for p in find_places(side)}
    return [(n, set(toks)) for n in NAME_RUN_RE.findall(side)
            if n.lower() not in GENERIC_NAMES and n.lower() not in places
            and (toks := tokenize(n))]


def names_side(side: str, c: Candidate) -> bool:
    """``c`` (with the units before it and its headings) names what ``side`` names; a side
    naming nothing is matched by its words elsewhere (``figure_pairs``). An acronym is named
    by its words spelt out in ``c`` itself ("the NIHR's contracts": "the National Institute
    for Health Research ... new contracts")."""
    have = context_terms(c)
    return all(toks <= have or len(POSSESSIVE_RE.sub("", n)) >= MIN_ACRONYM
               and acronym_in(n, c.text) for n, toks in _side_names(side))


MIN_ACRONYM = 3  # a two-letter acronym's initials turn up by chance
