"""When a stated run of time ends: "new contracts worth more than £950m over the five years from
April 2017" run to about April 2022. Asked when they end, or whether they are still running in a
year the question gives, the deal's start and length are quoted and the end worked out.
"""

from __future__ import annotations

import re

from assistant.arithmetic import Working
from assistant.dates_between import MONTH_NAMES, add_months, month_number
from assistant.evidence import CALENDAR_YEAR_RE
from commitments.figures import number_value

__all__ = ["asks_end", "period_end"]

_END_ASK_RE = re.compile(
    r"\b(?:when|what year|which year|what month|which month|what date)\b[^?]*\b(?:end|ends|"
    r"ended|finish|finishes|run out|runs out|expire|expires|conclude|concludes|close|closes|"
    r"wrap up|come to an end|run (?:its|their) course|lapse|lapses|be over)\b|"
    r"\b(?:until|till|up to) (?:roughly |about |around |approximately )?"
    r"(?:when|what (?:year|date|month))\b|\bhow long (?:will|do|does) [^?]+ (?:run|last)\b|"
    r"\bstill (?:be )?(?:running|in force|going|in place|under way|underway|active|live)\b",
    re.IGNORECASE)
_NUMBER = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty"
# "over the five years from April 2017", "a 15-year partnership from 2016"
_RUN_RE = re.compile(
    rf"\b(?:over|for|across) (?:the |a )?(?:next |first )?(?P<n>{_NUMBER})[- ](?P<unit>years?|"
    rf"months?) (?:from|starting(?: in| from)?|beginning(?: in)?) (?P<start>(?:(?P<month>"
    rf"{'|'.join(MONTH_NAMES)}) )?(?P<year>(?:19|20)\d\d))\b", re.IGNORECASE)


def asks_end(question: str) -> bool:
    """Does ``question`` ask when a run of time ends, or whether it is still running?"""
    return bool(_END_ASK_RE.search(question))


def period_end(question: str, text: str) -> Working | None:
    """The end of the first run of time ``text`` states from a start date ("April 2017 + 5
    years = April 2022"), set against a year the question gives; None where it states none."""
    m = _RUN_RE.search(text)
    if m is None:
        return None
    n = int(number_value(m.group("n")))
    months = n * 12 if m.group("unit").lower().startswith("year") else n
    year, month = int(m.group("year")), m.group("month")
    end_year, end_month = add_months(year, month_number(month) if month else 1, months)
    end_month = MONTH_NAMES[end_month - 1] if month else ""
    end = f"{end_month} {end_year}".strip()
    working = f"{m.group('start')} + {n} {m.group('unit')} = {end}"
    asked = [int(y) for y in CALENDAR_YEAR_RE.findall(question) if int(y) != year]
    if len(asked) == 1:
        running = year <= asked[0] < end_year or asked[0] == end_year and month
        working += (f", so still running in {asked[0]}" if running
                    else f", so not running in {asked[0]}")
    return Working(m.group(0), working)
