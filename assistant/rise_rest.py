"""How much of a rise the deal states from one figure to another is left once a part of it is
set aside: "Public R&D climbs from about £9.5bn to £12.5bn. How much of that climb is not
accounted for by the White Paper's extra £2.3bn?" is answered from "a further increase ... of
£2.3bn in 2021/22, raising total public investment in R&D from around £9.5bn in 2016/17 to
£12.5bn in 2021/22": the rise is £12.5bn − £9.5bn = £3bn, and £3bn − £2.3bn = £0.7bn.

Asked only in so many words ("how much of that rise is not ...", "... over and above ..."); the
rise and the part are worked from one unit, the part being a sum the question gives or the
unit's other sum.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.arithmetic import WITHIN_SENTENCE, Working, bounded, figures_in, format_value

__all__ = ["asks_rise_rest", "rise_rest"]

_RISE = r"(?:rise|increase|climb|growth|uplift|jump|boost|gain)"
_ASKS_RE = re.compile(rf"\bhow much of (?:that|the|this|its) (?:[\w-]+ )?{_RISE}\b[^?]*?\b(?:not "
                      r"(?:accounted for|explained|covered|made up)|over and above|beyond|on top "
                      r"of|outside|apart from|other than|besides|left (?:after|once|when))\b",
                      re.IGNORECASE)
# "from around £9.5bn in 2016/17 to £12.5bn in 2021/22", within one sentence
_IN = WITHIN_SENTENCE
_FROM_TO_RE = re.compile(rf"\bfrom\b{_IN}{{0,40}}?(?P<a>[£$€]\s?\d[\d.,]*\s?(?:bn|m|billion|"
                         rf"million)?){_IN}{{0,60}}?\bto\b{_IN}{{0,20}}?(?P<b>[£$€]\s?\d[\d.,]*"
                         r"\s?(?:bn|m|billion|million)?)", re.IGNORECASE)


def asks_rise_rest(question: str) -> bool:
    """Does ``question`` ask how much of a rise is left once a part is set aside?"""
    return bool(_ASKS_RE.search(question))


def rise_rest(question: str, text: str) -> Working | None:
    """The rise ``text`` states from one sum to another, less the part: a sum ``question``
    gives (not either end), else ``text``'s other sum; None where the part is not smaller."""
    m = _FROM_TO_RE.search(text)
    if m is None:
        return None
    ends = [f for f in figures_in(text) if f.start in (m.start("a"), m.start("b"))]
    if len(ends) != 2 or ends[0].currency != ends[1].currency or ends[1].value <= ends[0].value:
        return None
    low, high = ends
    values = {low.value, high.value}
    given = [f for f in figures_in(question) if f.currency == low.currency
             and f.value not in values]
    stated = [f for f in figures_in(text) if f.currency == low.currency
              and f.value not in values]
    parts = given or stated
    if len(parts) != 1:
        return None
    part = parts[0]
    rise = high.value - low.value
    if part.value >= rise:
        return None
    # the anchor: the from-to and the part when the unit states it, so one quote shows all
    inside = next((f for f in stated if f.value == part.value), None)
    start = min(m.start(), inside.start) if inside else m.start()
    end = max(m.end(), inside.end) if inside else m.end()
    billions = high.text.lower().endswith(("bn", "billion"))
    # (a figure given roughly, "around £9.5bn", makes what is worked from it rough too)
    about = "about " if low.bound or high.bound or part.bound else ""
    said = about + _money(rise, low.currency, billions)
    rest = about + _money(rise - part.value, low.currency, billions)
    return Working(text[start:end], f"{bounded(high)} − {bounded(low)} = {said}, and {said} − "
                                    f"{bounded(part)} = {rest}")


def _money(value: Decimal, currency: str, billions: bool) -> str:
    """A sum written in billions where the figures it is worked from are ("£0.7bn", not
    "£700m"), down to a tenth of a billion."""
    if billions and Decimal(10) ** 8 <= value < Decimal(10) ** 9:
        return f"{currency}{format((value / Decimal(10) ** 9).normalize(), 'f')}bn"
    return format_value(value, currency)

