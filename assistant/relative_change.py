"""A change the deal states from one figure to another, as a share of where it started: "In
percentage terms, how much does public R&D investment grow between 2016/17 and 2021/22?" ("from
around £9.5bn in 2016/17 to £12.5bn in 2021/22": about 31.6%, roughly 32%), "In relative terms,
how big a rise is moving the credit from 11 to 12 per cent?" (one percentage point, about 9.1%,
roughly 9%). The percentage is written by ``arithmetic.percent_text``.
"""

from __future__ import annotations

import re
from assistant.arithmetic import Working, figures_in, format_value, percent_text
from retrieval.text import Amount, find_amounts

__all__ = ["asks_relative", "relative_change"]

_RELATIVE_RE = re.compile(r"\bin (?:relative|percentage|per ?cent(?:age)?) terms\b|"
                          r"\bby (?:roughly |about |around |approximately )?what "
                          r"(?:percentage|per ?cent|proportion)\b|"
                          r"\bwhat (?:percentage|per ?cent) (?:rise|increase|growth|fall|drop|"
                          r"cut|change)\b|"
                          # "what's that as a percentage increase on the old rate?"
                          r"\bas an? (?:percentage|per ?cent|proportional) (?:rise|increase|"
                          r"growth|fall|drop|cut|change)\b|"
                          # "what relative increase in the rate is that?"
                          r"\b(?:relative|proportional) (?:rise|increase|growth|fall|drop|cut|"
                          r"change)\b", re.IGNORECASE)
# "from around £9.5bn in 2016/17 to £12.5bn", "from 11 per cent to 12 per cent", "from 22
# companies in 2012 to 64 in 2017"
_FROM_TO_RE = re.compile(r"\bfrom (?P<a>[^;:]{1,40}?) to (?P<b>[^;:]{1,30})", re.IGNORECASE)
# "to 2.4 per cent of GDP by 2027 and 3 per cent over the longer term", "to 2.4 per cent ...,
# and then to 3 per cent": a target, then the one after it (each end must open on a figure)
_STAGED_RE = re.compile(r"\bto (?P<a>(?:around |about )?[£$€]?\d[^;:]{0,40}?),? and (?:then )?"
                        r"(?:to )?(?P<b>(?:around |about )?[£$€]?\d[^;:]{0,30})", re.IGNORECASE)
# "creating nearly 100 high-value jobs, in addition to the 600 staff already there": a count
# added to the one already there (the base follows "in addition to")
_ADDED_RE = re.compile(r"(?P<b>\b(?:nearly |almost |about |around |over |some )?\d[\d,]*)\b"
                       r"[^.;£$€\d]{1,60}?\bin addition to (?:the |its |their )?"
                       r"(?P<a>\d[\d,]*)\b[^.;]{0,40}?\balready\b", re.IGNORECASE)


def asks_relative(question: str) -> bool:
    """Does ``question`` ask a change as a share of where it started?"""
    return bool(_RELATIVE_RE.search(question))


def relative_change(text: str) -> Working | None:
    """The relative change of the first "from A to B" (else "to A ... and then B") in ``text``
    whose two ends are figures of one kind (money in one currency, two percentages, two counts),
    or of a count added to the one already there; else None."""
    added = _ADDED_RE.search(text)
    if added is not None:
        a, b = figures_in(added.group("a")), figures_in(added.group("b"))
        if a and b and a[0].value:
            share = percent_text(b[0].value * 100 / a[0].value)
            more, base = added.group("b").strip(), added.group("a")
            # (the quote holds both counts: the anchor runs from one to the other)
            return Working(text[added.start("b"):added.end("a")].strip(),
                           f"{more} on top of {base} is a rise of {share}")
    for m in [*_FROM_TO_RE.finditer(text), *_STAGED_RE.finditer(text)]:
        a = _first(m.group("a"))
        b = _first(m.group("b"))
        if a is None or b is None or not a.value or (a.currency, a.is_percent) != (
                b.currency, b.is_percent):
            continue
        change = (b.value - a.value) * 100 / a.value
        gap = abs(b.value - a.value).normalize()
        by = f"{gap:f} percentage point{'' if gap == 1 else 's'}" if a.is_percent \
            else format_value(gap, a.currency)
        way = "rise" if change >= 0 else "fall"
        return Working(a.text.strip(), f"{b.text.strip()} against {a.text.strip()} is a {way} "
                                      f"of {by}, {percent_text(abs(change))}")
    return None


def _first(text: str) -> Amount | None:
    amounts = [x for x in find_amounts(text) if not re.fullmatch(r"(?:19|20)\d\d", x.text.strip())]
    return amounts[0] if amounts else None
