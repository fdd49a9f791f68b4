"""The largest or smallest sum anywhere in the deal: "What's the single largest money figure
anywhere in the deal?", "What are the biggest and the smallest sums of money it mentions?".

No passage says which sum is the largest, and the retrieved passages hold a handful of the
deal's sums: every unit's sums are compared (in pounds, or in dollars where the question asks
for those), and the unit stating the extreme is quoted around it.
"""

from __future__ import annotations

import re
from enum import Enum

from assistant.arithmetic import Figure, figures_in
from assistant.scoring import Candidate

__all__ = ["Ends", "asked_ends", "extreme_sums"]


class Ends(str, Enum):
    LARGEST = "largest"
    SMALLEST = "smallest"
    BOTH = "both"


_LARGE = r"largest|biggest|highest|greatest"
_SMALL = r"smallest|lowest|tiniest"
# "the largest (single) money figure", "the biggest and the smallest sums of money"
_ASKED_RE = re.compile(rf"\b(?P<w>{_LARGE}|{_SMALL})\b(?: and (?:the )?(?P<v>{_LARGE}|{_SMALL}))?"
                       r"\s+(?:single\s+)?(?:(?:money|cash|pound|dollar|monetary)\s+)?"
                       r"(?:figures?|sums?|amounts?)\b", re.IGNORECASE)
# ... of the whole deal, not of one programme ("the largest sum in the £146m programme")
_WHOLE_RE = re.compile(r"\banywhere\b|\b(?:whole|entire)\s+(?:deal|document|text)\b|"
                       r"\b(?:it|the deal|the document|the text)\s+(?:mentions|gives|quotes|"
                       r"states|cites|contains)\b|\bin the (?:deal|document)\s*[?,.]?$",
                       re.IGNORECASE)


def asked_ends(question: str) -> Ends | None:
    """Which end(s) of the deal's sums a question asks for; None for any other question."""
    m = _ASKED_RE.search(question)
    if m is None or not _WHOLE_RE.search(question):
        return None
    words = {w.lower() for w in (m.group("w"), m.group("v")) if w}
    large = any(re.fullmatch(_LARGE, w) for w in words)
    small = any(re.fullmatch(_SMALL, w) for w in words)
    return Ends.BOTH if large and small else Ends.LARGEST if large else Ends.SMALLEST


def extreme_sums(ends: Ends, units: list[Candidate],
                 currency: str = "£") -> list[tuple[Candidate, Figure]]:
    """The unit (first in the document) and sum at each end asked for: largest first."""
    found = [(c, f) for c in units for f in figures_in(c.text) if f.currency == currency]
    if not found:
        return []
    top = max(found, key=lambda cf: cf[1].value)  # max/min keep the first of ties
    low = min(found, key=lambda cf: cf[1].value)
    return {Ends.LARGEST: [top], Ends.SMALLEST: [low], Ends.BOTH: [top, low]}[ends]
