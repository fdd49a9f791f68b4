"""How many years a change the deal dates at both ends took: "Over how many years did the
number of UK advanced therapy companies nearly triple?" is answered by "from 22 companies in
2012 to 64 in 2017": 2012 to 2017 is 5 years.

A fallback: asked only where no unit says it in words ("over the five years from April 2017"
needs no working), of the top units' first "from ... <year> to ... <year>".
"""

from __future__ import annotations

import re

from assistant.arithmetic import WITHIN_SENTENCE, Working

__all__ = ["asks_year_span", "year_span"]

_ASKS_RE = re.compile(r"\b(?:over|across|in|within|after)\s+how many years\b|"
                      r"\bover (?:what|which) (?:period|span|timeframe|time frame|number of "
                      r"years)\b|\bhow many years (?:did|does|do|had|has|have|was|were|it)\b",
                      re.IGNORECASE)
# "2016/17 to 2021/22" spans five years as 2016 to 2021 does; a financial year against a
# calendar one ("2020 to 2021/22") is left alone, its length being unclear
_YEAR = r"((?:19|20)\d\d(?:/\d\d)?)(?![/\d])"
# "from 22 companies in 2012 to 64 in 2017", "between 2012 and 2017"
_IN = WITHIN_SENTENCE
_FROM_TO_RE = re.compile(rf"\bfrom\b{_IN}{{0,60}}?\b{_YEAR}{_IN}{{0,60}}?\bto\b{_IN}{{0,60}}?"
                         rf"\b{_YEAR}|\bbetween\s+{_YEAR}\s+and\s+{_YEAR}", re.IGNORECASE)


def asks_year_span(question: str) -> bool:
    """Does ``question`` ask over how many years something happened?"""
    return bool(_ASKS_RE.search(question))


def year_span(text: str) -> Working | None:
    """The years between the two ends of the first dated "from ... to ..." in ``text``."""
    for m in _FROM_TO_RE.finditer(text):
        ends = m.group(1, 2) if m.group(1) else m.group(3, 4)
        if ("/" in ends[0]) != ("/" in ends[1]):
            continue
        start, end = (int(y[:4]) for y in ends)
        if end > start:
            n = end - start
            years = f"{n} year{'s' if n > 1 else ''}"
            return Working(m.group(0), f"{ends[0]} to {ends[1]} is {years}")
    return None
