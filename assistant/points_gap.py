"""The gap between two percentages, in percentage points.

"How many percentage points bigger is the targeted cut in hospital stay than the targeted gain
in theatre utilisation?" is answered by "12 per cent more theatre utilisation and reducing
patient stay ... by 25 per cent": 25 per cent − 12 per cent = 13 percentage points. "By how
many percentage points did the Budget lift the credit?" by "from 11 to 12 per cent" (the first
end takes the second's "per cent"). Sums and counts are worked elsewhere (``figures_in`` reads
no percentages); a percentage point is a difference of rates, never a count of points.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.arithmetic import Working
from retrieval.text import find_amounts

__all__ = ["asks_points_gap", "points_gap"]

# "how many (more) percentage points", "by how many points", "the gap in percentage points"
_POINTS_ASKED_RE = re.compile(r"\bhow many (?:more |fewer )?(?:percentage )?points\b|"
                              r"\bby how many (?:percentage )?points\b|"
                              r"\b(?:gap|difference|step) in percentage points\b|"
                              r"\bpercentage[- ]point (?:gap|difference)\b", re.IGNORECASE)
# "from 11 to 12 per cent": a bare number before "to N per cent" is a percentage too
_BARE_FROM_RE = re.compile(r"\bfrom (\d+(?:\.\d+)?) to (?=\d+(?:\.\d+)? ?(?:per ?cent|%))",
                           re.IGNORECASE)
# a sentence or clause (a point inside a number, "2.4", ends neither)
_SENTENCE_RE = re.compile(r"(?:[^.;]|\.(?=\d))+")


def asks_points_gap(question: str) -> bool:
    """Does ``question`` ask how far apart two percentages are, in points?"""
    return bool(_POINTS_ASKED_RE.search(question))


def points_gap(text: str) -> Working | None:
    """The gap between the two percentages of the first sentence of ``text`` that states two
    different ones (and no more), or None."""
    for m in _SENTENCE_RE.finditer(text):
        found = _percentages(m.group())
        if len(found) == 2 and found[0][1] != found[1][1]:
            (t1, v1), (t2, v2) = sorted(found, key=lambda f: -f[1])
            gap = (v1 - v2).normalize()
            points = f"{gap:f} percentage point{'' if gap == 1 else 's'}"
            # (the quote is anchored on a percentage as the text writes it: not "11 per cent")
            return Working(t1 if t1 in text else t2, f"{t1} − {t2} = {points}")
    return None


def _percentages(sentence: str) -> list[tuple[str, Decimal]]:
    """(as written, value) of each percentage ``sentence`` states, in order."""
    found = [(a.text.strip(), a.value) for a in find_amounts(sentence) if a.is_percent]
    bare = _BARE_FROM_RE.search(sentence)
    if bare and found:
        unit = re.sub(r"^\d+(?:\.\d+)?\s?", "", found[0][0])  # "per cent" or "%"
        written = f"{bare.group(1)}%" if unit == "%" else f"{bare.group(1)} {unit}"
        found.insert(0, (written, Decimal(bare.group(1))))
    return found
