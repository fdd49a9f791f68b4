"""Sums and differences the deal implies but does not state ("how much more ... than ...").

The answer quotes both figures verbatim and then shows the working, e.g.
"£66m − £12m = £54m", so a reader can check it against the cited passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from retrieval.text import find_amounts

__all__ = ["Operation", "Figure", "detect_operation", "figures_in", "compute"]


class Operation(str, Enum):
    SUM = "sum"
    DIFFERENCE = "difference"


_DIFFERENCE = re.compile(
    r"\b(how (?:much|many) (?:more|less|fewer|bigger|larger|smaller)|by how much|difference|"
    r"gap between|not covered|left over|remain(?:s|ing)?|(?:rise|grow|increase|fall|drop|change)"
    r"s? (?:from .{1,40} )?between|more than .{1,60} than)\b", re.IGNORECASE)
# "In total" alone is not a sum ("how much has X raised in total?" asks for one figure): a sum
# needs two things put together.
_SUM = re.compile(
    r"\b(together|combined|in all|altogether|add(?:ed)? up|sum of|total of .{1,60} and|"
    r"counting .{1,60} too|plus|both .{1,60} and)\b", re.IGNORECASE)
_COUNT = re.compile(r"(?<![£$€\d.,/])\b\d{1,3}(?:,\d{3})+\b|(?<![£$€\d.,/])\b\d+\b(?![.,]\d)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: Decimal
    currency: str  # "£", "$", "€"; "" for a count

    @property
    def kind(self) -> str:
        return self.currency or "count"


def detect_operation(question: str) -> Operation | None:
    if _DIFFERENCE.search(question):
        return Operation.DIFFERENCE
    if _SUM.search(question):
        return Operation.SUM
    return None


def figures_in(text: str) -> list[Figure]:
    """Money amounts and plain counts (not years, not percentages) in ``text``."""
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for a in find_amounts(text):
        if a.currency and not a.is_percent:
            out.append(Figure(a.start, a.end, a.text.strip(), a.value, a.currency))
        taken.append((a.start, a.end))
    for m in _COUNT.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or _YEAR.match(m.group()):
            continue
        if re.match(r"\s?(?:per cent|percent|%|/\d|m\b|bn\b|k\b)", text[m.end() : m.end() + 9]):
            continue
        out.append(Figure(m.start(), m.end(), m.group(), Decimal(m.group().replace(",", "")), ""))
    return sorted(out, key=lambda f: f.start)


def _fmt(value: Decimal, currency: str) -> str:
    if not currency:
        return f"{int(value):,}" if value == value.to_integral_value() else f"{value:,}"
    for suffix, unit in (("bn", Decimal(10) ** 9), ("m", Decimal(10) ** 6)):
        if abs(value) >= unit:
            v = format((value / unit).normalize(), "f")
            return f"{currency}{v}{suffix}"
    return f"{currency}{value:,.0f}"


def compute(op: Operation, a: Figure, b: Figure) -> str | None:
    """"£66m − £12m = £54m" (larger first for a difference); None when units differ."""
    if a.kind != b.kind:
        return None
    if op is Operation.SUM:
        return f"{a.text} + {b.text} = {_fmt(a.value + b.value, a.currency)}"
    hi, lo = (a, b) if a.value >= b.value else (b, a)
    return f"{hi.text} − {lo.text} = {_fmt(hi.value - lo.value, a.currency)}"
