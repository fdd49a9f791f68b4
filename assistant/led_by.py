"""A work named by the person the deal says led it: "Sir John Bell's strategy" is the "Life
Sciences Industrial Strategy, led by Professor Sir John Bell". People ask by the person; the deal
dates, funds and quotes the work by its own name, which the question then needs to find it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.name_match import NAME_WITH_AND
from dealqa.types import Passage

__all__ = ["LedBy"]

_TITLES = r"(?:Professor|Prof\.?|Sir|Dame|Dr\.?|Lord|Lady|Baroness|Baron)"
# "the ambitious Life Sciences Industrial Strategy, led by Professor Sir John Bell"
_LED_BY_RE = re.compile(rf"({NAME_WITH_AND}),? (?:led|chaired|written|authored) by "
                        rf"(?:{_TITLES}\s+)*(?P<first>[A-Z][a-z]+) (?P<last>[A-Z][a-z'’-]+)")


class LedBy:
    """``restate(question)``: the question with each "<person>'s <kind>" the deal names as led
    by that person put as the work's own name."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        works: dict[tuple[str, str], str] = {}
        for p in passages:
            for m in _LED_BY_RE.finditer(p.text):
                works[m.group("first"), m.group("last")] = re.sub(r"^(?:The|A|An)\s+", "",
                                                                  m.group(1))
        self._works: list[tuple[re.Pattern[str], str]] = []
        for (first, last), work in works.items():
            kind = re.escape(work.split()[-1])
            # "Sir John Bell's strategy", "Bell's August 2017 life sciences strategy"
            self._works.append((re.compile(
                rf"(?:\bthe\s+)?(?:{_TITLES}\s+)*(?:{re.escape(first)}\s+)?\b{re.escape(last)}"
                rf"['’]s\s+(?P<mods>(?:[\w-]+\s+){{0,3}}?){kind}\b", re.IGNORECASE), work))

    def restate(self, question: str) -> str:
        for asked, work in self._works:
            own = set(work.lower().split())

            def named(m: re.Match[str], work: str = work, own: set[str] = own) -> str:
                # (what the question adds, "August 2017", stays; the work's own words go)
                mods = [w for w in m.group("mods").split() if w.lower() not in own]
                return " ".join(["the", *mods, work])

            question = asked.sub(named, question)
        return question
