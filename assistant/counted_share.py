"""A share the deal states as two counts: "What percentage of the network's regional transplant
centres get upfront nurse funding?" is answered by "22 regional transplant centres, 10 of which
receive upfront research nurse funding": 10 ÷ 22 = about 45.5% (roughly 45%).

The part and the whole are counted in one unit ("N things, M of which ...", "M of the N
things", "M out of N things"), and the things counted are ones the question names; the unit
states no percentage of its own (that one answers as stated).
"""

from __future__ import annotations

import re

from assistant.arithmetic import Figure, figures_in
from assistant.scoring import Candidate
from retrieval.text import find_amounts, tokenize

__all__ = ["pick_counted_share", "pick_summed_share"]

SCAN = 3  # the most relevant units looked at
_WORDS = r"(?P<noun>[a-z][\w-]*(?: [a-z][\w-]*){0,4}?)"
_SHARE_RES = (
    # "22 regional transplant centres, 10 of which receive ..."
    re.compile(rf"\b(?P<whole>\d[\d,]*) {_WORDS},? (?P<part>\d[\d,]*) of (?:which|whom|them)\b"),
    # "10 of the 22 regional centres", "10 out of 22 centres"
    re.compile(rf"\b(?P<part>\d[\d,]*) (?:out )?of (?:the |these |those |its |their )?"
               rf"(?P<whole>\d[\d,]*) {_WORDS}\b"),
)


def pick_counted_share(question: str, cands: list[Candidate]
                       ) -> tuple[Candidate, Figure, Figure] | None:
    """(unit, part, whole) from the first of the top ``SCAN`` units counting a part of things
    the question names; None if none does."""
    asked = set(tokenize(question))
    for c in cands[:SCAN]:
        if any(a.is_percent for a in find_amounts(c.text)):
            continue
        figures = {f.start: f for f in figures_in(c.text) if not f.currency}
        for rx in _SHARE_RES:
            for m in rx.finditer(c.text):
                part, whole = figures.get(m.start("part")), figures.get(m.start("whole"))
                if part and whole and part.value < whole.value \
                        and set(tokenize(m.group("noun"))) & asked:
                    return c, part, whole
    return None


# "What share of Vertex's UK staff work at its Oxford site?": the whole is the sum of the counts
# the unit gives for each part ("... in London with 128 employees and growing its Oxford R&D
# site to 140 employees"), the part the one stated with the place or part asked about.
_SHARE_AT_RE = re.compile(r"\b(?:what|which) (?:share|percentage|proportion|fraction|per ?cent|"
                          r"part) of (?P<whole>[^?]+?) (?:work|works|are|is|sit|sits|are based|"
                          r"is based|are employed|is employed)\b[^?]*?\b(?:at|in) "
                          r"(?P<part>[^?]+)", re.IGNORECASE)
_NOUN_AFTER_RE = re.compile(r"\s+([a-z][a-z-]+)")


def pick_summed_share(question: str, cands: list[Candidate]
                      ) -> tuple[Candidate, Figure, list[Figure]] | None:
    """(unit, part, the counts adding up to the whole) from the first of the top ``SCAN`` units
    counting one kind of thing in parts, one of them stated with the part the question asks
    about; None if none does."""
    m = _SHARE_AT_RE.search(question)
    if m is None:
        return None
    part_words = set(tokenize(m.group("part"))) - set(tokenize(m.group("whole")))
    for c in cands[:SCAN]:
        if any(a.is_percent for a in find_amounts(c.text)):
            continue
        counts = [f for f in figures_in(c.text) if not f.currency]
        nouns = {n.group(1) if (n := _NOUN_AFTER_RE.match(c.text, f.end)) else "" for f in counts}
        if len(counts) < 2 or len(nouns) != 1 or "" in nouns:
            continue  # counts of one kind of thing, each naming it
        tied = [f for i, f in enumerate(counts)
                if part_words & set(tokenize(c.text[counts[i - 1].end if i else 0:f.end]))]
        if len(tied) == 1:
            return c, tied[0], counts
    return None
