"""The period or date a figure belongs to: "in 2021/22", "by 2020", "over 10 years" ...

A year next to a figure is a period, never a count ("£2.3bn in 2021/22"). Phrases are looked
for right after the figure first (the usual place: "£950m over the five years from April
2017"), then anywhere in its clause.
"""

from __future__ import annotations

import re

__all__ = ["find_period"]

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_SEASON = r"(?:spring|summer|autumn|winter|early|mid-|mid|late|the\s+end\s+of)"
_YEAR = r"(?:19|20)\d\d(?:\s?[/–-]\s?\d\d(?:\d\d)?)?"
_NUMBER = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
           r"twenty|thirty|fifty)")
_PERIOD_RE = re.compile(
    "|".join([
        rf"\bover\s+(?:the\s+)?(?:next\s+)?{_NUMBER}\s+years(?:\s+from\s+(?:{_MONTH}\s+)?{_YEAR})?",
        rf"\b(?:the\s+)?next\s+{_NUMBER}\s+years",
        rf"\bwith\s+effect\s+from\s+(?:\d{{1,2}}\s+)?(?:{_MONTH}\s+)?{_YEAR}",
        rf"\b(?:in|by|from|until|before|during|for|throughout)\s+"
        rf"(?:(?:\d{{1,2}}\s+)?{_MONTH}\s+|{_SEASON}\s*)?{_YEAR}\b",
        rf"\b(?:{_MONTH})\s+{_YEAR}\b",
        r"\b(?:per\s+annum|a\s+year|each\s+year|every\s+year|annually)\b",
        r"\bover\s+the\s+(?:longer|long|medium)\s+term\b",
        r"\b(?:this|next)\s+year\b",
        rf"\b{_YEAR}\b",
    ]),
    re.IGNORECASE,
)


def _first(text: str, start: int = 0, end: int | None = None) -> str:
    m = _PERIOD_RE.search(text, start, len(text) if end is None else end)
    return " ".join(m.group().split()) if m else ""


def find_period(sentence: str, fig_end: int, clause: tuple[int, int]) -> str:
    """The period phrase for the figure ending at ``fig_end`` in ``sentence``, or ''.

    Only the figure's clause is read: a date elsewhere in the sentence usually belongs to
    another figure ("train 3,000 engineers by 2025 and ... provide £18m").
    """
    return _first(sentence, fig_end, clause[1]) or _first(sentence, clause[0], clause[1])
