"""The parts of a total the question states: two figures the deal gives in different places
that add up exactly to it, quoted and shown as a sum (``arithmetic.compute``) so a reader can
check them against the cited passages.
"""

from __future__ import annotations

import re

from assistant.arithmetic import Figure, figures_in
from assistant.scoring import Candidate

__all__ = ["asks_parts", "find_parts"]

# "How does the £162m add up?", "Which two amounts make up the £162m?": the parts of a total
# the question states.
_PARTS_RE = re.compile(r"\b(?:add(?:s|ed)? up|make(?:s)? (?:up|that up|it up)|made up of|"
                       r"break(?:s)? down|broken down|consist(?:s)? of|compris\w*|"
                       r"come(?:s)? from|components?|constituent)\b", re.IGNORECASE)
PARTS_SCAN = 15  # units searched for the parts (the retrieved passages' best)


def asks_parts(question: str) -> Figure | None:
    """The money total whose parts the question asks for, or None."""
    stated = [f for f in figures_in(question) if f.currency]
    return stated[0] if len(stated) == 1 and _PARTS_RE.search(question) else None


def find_parts(total: Figure, cands: list[Candidate]) -> tuple[tuple[Candidate, Figure],
                                                                 tuple[Candidate, Figure]] | None:
    """Two figures, stated in different places of the best units, that add up exactly to
    ``total`` (£146m + £16m = £162m); the best-ranked pair first. None when none do."""
    found = [(c, f) for c in cands[:PARTS_SCAN] for f in figures_in(c.text)
             if f.currency == total.currency and f.value < total.value]
    for i, (c1, f1) in enumerate(found):
        for c2, f2 in found[i + 1:]:
            if f1.value + f2.value == total.value and f1.value != f2.value:
                return (c1, f1), (c2, f2)
    return None
