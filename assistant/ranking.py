"""Things the question lists, put in order of their figures: "Rank these from smallest to
largest: the Nexus innovation centre, Novo Nordisk's Oxford research centre and AstraZeneca's
Cambridge facility".

The deal states each thing's figure in its own place and never ranks them; the answer quotes
each figure (chosen by ``figure_pairs.pick_listed``, as for a sum of listed things) and sets
them in the order asked.
"""

from __future__ import annotations

import re
from typing import Sequence

from assistant.arithmetic import Figure, bounded

__all__ = ["asks_ranking", "order_working"]

_HIGH = r"largest|biggest|most|highest|greatest|top"
_LOW = r"smallest|fewest|least|lowest"
# "rank these from smallest to largest", "in order from fewest to most", "biggest first",
# "order them by size", "in order of size"
_RANK_RE = re.compile(
    rf"\b(?:rank|order|sort)\w*\b[^?]{{0,60}}?\b(?:from (?:the )?(?:{_HIGH}|{_LOW})\b|"
    rf"by (?:size|value|amount|number|headcount)|of (?:size|value|amount))"
    rf"|\b(?:{_HIGH}|{_LOW}) first\b", re.IGNORECASE)
# Which end comes first: "from the biggest", "largest first" (else the smallest).
_DIRECTION_RE = re.compile(rf"\bfrom (?:the )?(?P<w>{_HIGH}|{_LOW})\b|"
                           rf"\b(?P<f>{_HIGH}|{_LOW}) first\b", re.IGNORECASE)


def asks_ranking(question: str) -> bool | None:
    """True when ``question`` asks for listed things largest first, False smallest first,
    None when it asks for no ranking."""
    if _RANK_RE.search(question) is None:
        return None
    m = _DIRECTION_RE.search(question)
    word = m and (m.group("w") or m.group("f"))
    return bool(word and re.fullmatch(_HIGH, word, re.IGNORECASE))


def order_working(picked: Sequence[tuple[str, Figure]], descending: bool) -> str | None:
    """"£40m (the Nexus innovation centre) < £115m (Novo Nordisk's centre) < ...", from each
    side's words and figure; None when the figures are of different kinds (money and jobs)."""
    if len({f.kind for _, f in picked}) != 1:
        return None
    ranked = sorted(picked, key=lambda p: p[1].value, reverse=descending)
    sign = " > " if descending else " < "
    return sign.join(f"{bounded(f)} ({side.strip().rstrip('.')})" for side, f in ranked)
