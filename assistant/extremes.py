"""Which item of a listed programme gets the most or the least: "Which items in the £146m
programme get the least money?".

The deal lists a programme's parts with their sums ("£66m on a Vaccines Development &
Manufacturing Centre;", "£12m on a Medicines Manufacturing Innovation Centre;", ...) and never
says which is largest or smallest; the answer compares the items' sums and quotes the item (or
the items tied) at the extreme.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant.arithmetic import Figure, figures_in
from assistant.listing import is_lead_in, list_group
from assistant.scoring import Candidate, terms
from dealqa.types import UnitKind

__all__ = ["Extreme", "asks_extreme", "claimed_item", "extreme_items"]

MIN_ITEMS = 3  # two items are compared, not ranked (assistant/arithmetic.py)
MIN_CLAIM_TERMS = 2  # rarer words a claim shares with the list item it names
_MOST = ("most", "largest", "biggest", "highest", "greatest")
# "Which items ... get the least money?", "What is the largest single line?"
# ... but not a ranking the deal states as a description: "the world's second largest influenza
# vaccine manufacturer" names a company, it asks for no comparison of sums
_EXTREME_RE = re.compile(r"\b(?:which|what)\b[^?]*?\b(?:the )?(?<!second )(?<!third )"
                         r"(?<!fourth )(?<!fifth )(?<!'s )(?<!’s )(?P<w>most|least|largest|"
                         r"biggest|smallest|highest|lowest|greatest)\b(?! (?:of the|likely|"
                         r"important|recent|advanced|innovative|productive|attractive)\b)",
                         re.IGNORECASE)
# ... of things set side by side: "which ...", "the largest line": not "the largest award a
# company can win", a figure the deal may not give at all
_AMONG_RE = re.compile(r"\bwhich\b|\b(?:items?|lines?|parts?|elements?|components?|strands?)\b",
                       re.IGNORECASE)
# An item ending "...; and" is the last of its list: the bullet after it is the next point.
_LAST_ITEM_RE = re.compile(r"\band\s*$")


class Extreme(NamedTuple):
    """The item units at the extreme (ties together), their sum, and how many were ranked."""

    items: list[int]
    figure: Figure
    ranked: int


# "Is it true that collaborative R&D gets the biggest slice of the £146m programme?": a claim
# that one item is at the extreme, checked by ranking them all
_CLAIM_RE = re.compile(r"^(?:is it (?:true|right|correct|the case) that|does|do|did|is|are|was)"
                       r"\b[^?]*?\b(?:gets?|receives?|takes?|has|have|is|are) (?:the )?"
                       r"(?P<w>most|least|largest|biggest|smallest|highest|lowest|greatest) "
                       r"(?:slice|share|part|portion|chunk|amount|sum|item|line)\b", re.IGNORECASE)


def asks_extreme(question: str) -> str | None:
    """"most" or "least" when ``question`` asks which of several gets the most or the least,
    or claims one of them does."""
    m = _CLAIM_RE.search(question.strip())
    if m is None:
        m = _EXTREME_RE.search(question)
        if m is None or not _AMONG_RE.search(question):
            return None
    return "most" if m.group("w").lower() in _MOST else "least"


def claimed_item(c: Candidate, question_terms: frozenset[str], common) -> int | None:
    """The unit of the list ``c`` leads into or belongs to that the question names (it shares
    MIN_CLAIM_TERMS of its rarer words with ``question_terms``, the most of any item): the
    item a claim says is at the extreme, quoted beside the one that is. None for none."""
    p = c.passage
    first = c.unit_index + 1 if is_lead_in(c) else c.unit_index
    if not 0 <= first < len(p.units):
        return None
    lo, hi = list_group(p, first)
    shared = {j: len({t for t in terms(p.unit_text(p.units[j])) if not common(t)}
                     & question_terms) for j in range(lo, hi + 1)}
    best = max(shared, key=shared.get, default=None)
    return best if best is not None and shared[best] >= MIN_CLAIM_TERMS else None


def extreme_items(c: Candidate, which: str, stated: frozenset[str] = frozenset()
                  ) -> Extreme | None:
    """The items of the list ``c`` leads into or belongs to whose sum is the ``which`` of
    them all, when at least MIN_ITEMS items state one sum each, in one currency; else None.
    Sums the question states (``stated``: "the £146m programme") must be its lead-in's: "the
    largest award from the £16m" is not ranked among another list's items."""
    p = c.passage
    if is_lead_in(c):
        first = c.unit_index + 1
    elif c.unit.kind is UnitKind.BULLET:
        first = c.unit_index
    else:
        return None
    lo, hi = list_group(p, first)
    lead = p.unit_text(p.units[lo - 1]) if lo > 0 else ""
    if any(figure not in lead for figure in stated):
        return None
    items: list[tuple[int, Figure]] = []
    for j in range(lo, hi + 1):
        text = p.unit_text(p.units[j])
        sums = [f for f in figures_in(text) if f.currency]
        if len(sums) > 1:
            return None  # "a £2.5bn fund ... unlocking £7.5bn": which sum ranks it is unclear
        if sums:
            items.append((j, sums[0]))
        if _LAST_ITEM_RE.search(text) and j >= first:
            break  # "£25m to support collaborative R&D; and": the list's last item
    if len(items) < MIN_ITEMS or len({f.currency for _, f in items}) > 1:
        return None
    pick = max if which == "most" else min
    best = pick(f.value for _, f in items)
    figure = next(f for _, f in items if f.value == best)
    return Extreme([j for j, f in items if f.value == best], figure, len(items))
