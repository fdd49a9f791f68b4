"""What a dated table schedules in a period: "List everything the implementation plan has
scheduled for 2018", "What happens in November 2017, going by the timeline?".

Every row of the table whose date cell falls in the period, in the table's order, each quoted
whole: a list question about a period is answered by all of its rows, not by the one row that
best matches the question's words (which names one milestone of several).
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from assistant.dates_between import month_number, month_year
from assistant.evidence import MONTHS
from assistant.scoring import Candidate
from dealqa.types import AnswerType, Passage, UnitKind

__all__ = ["Period", "asks_schedule", "asked_period", "dated_only", "dated_table",
           "relevant_table", "row_date", "rows_in_period"]

# "in 2018", "for November 2017", "during 2018", "dated August 2017" (not "2021/22", a financial
# year)
_PERIOD_RE = re.compile(rf"\b(?:in|for|during|throughout|across|over|dated)\s+(?:({MONTHS})\.?\s+)?"
                        r"((?:19|20)\d\d)\b(?!/)", re.IGNORECASE)
# ... or part of a year: "for the start of 2018", "in early 2018", "in the autumn of 2017"
_PARTS = {"start": (1, 3), "beginning": (1, 3), "early": (1, 3), "first quarter": (1, 3),
          "spring": (3, 5), "middle": (5, 8), "mid": (5, 8), "summer": (6, 8),
          "autumn": (9, 11), "end": (10, 12), "late": (10, 12), "last quarter": (10, 12),
          "first half": (1, 6), "second half": (7, 12), "latter half": (7, 12),
          "second quarter": (4, 6), "third quarter": (7, 9), "fourth quarter": (10, 12),
          "first six months": (1, 6), "last six months": (7, 12), "final quarter": (10, 12),
          "first month": (1, 1), "opening month": (1, 1), "last month": (12, 12),
          "final month": (12, 12)}
# (longest first: "middle" before "mid")
_PART_RE = re.compile(r"\b(?:in|for|during|by|at|over)\s+(?:the\s+)?("
                      + "|".join(sorted(_PARTS, key=len, reverse=True))
                      + r")(?:\s+of|-)?\s*(?:the\s+year\s+)?((?:19|20)\d\d)\b(?!/)",
                      re.IGNORECASE)
# The question asks what the deal's dated table holds then: "Which milestone in the timeline
# falls in October 2017?", "What is scheduled for January 2018?"
_SCHEDULE_RE = re.compile(r"\b(?:timeline|table|milestones?|schedul\w*|implementation plan|"
                          r"events?|happens?|happening|takes? place|falls?|planned|"
                          r"key (?:deal )?activities)\b", re.IGNORECASE)
MIN_ROWS = 2  # one row in the period: the ordinary answer already quotes it


class Period(NamedTuple):
    year: int
    month: int | None = None  # the month asked for, or the first of a part of the year
    last: int | None = None  # the last month of a part of the year ("the start of 2018")

    @property
    def label(self) -> str:
        if self.month is None:
            return str(self.year)
        if self.last is None:
            return f"{calendar.month_name[self.month]} {self.year}"
        return (f"{calendar.month_name[self.month]} to {calendar.month_name[self.last]} "
                f"{self.year}")


def asked_period(question: str) -> Period | None:
    """The period (a year, a month, or part of a year) a question asks about, or None."""
    if m := _PART_RE.search(question):
        first, last = _PARTS[" ".join(m.group(1).lower().split())]
        # "the first month of 2018" is one month: January 2018, not a span
        return Period(int(m.group(2)), first, last if last != first else None)
    m = _PERIOD_RE.search(question)
    if m is None:
        return None
    return Period(int(m.group(2)), month_number(m.group(1)) if m.group(1) else None)


def asks_schedule(question: str) -> bool:
    """Does ``question`` ask what the deal's dated table holds in a period it names?"""
    return bool(_SCHEDULE_RE.search(question))


def row_date(p: Passage, i: int) -> tuple[int, int] | None:
    """(year, month) of unit ``i`` of ``p`` when it is a table row opening with one ("Aug
    2017\tStrategy launched"), else None."""
    u = p.units[i]
    if u.kind is not UnitKind.TABLE_ROW:
        return None
    return month_year(p.unit_text(u).split("\t", 1)[0])


# What came of something: "What did the review conclude?", "What was the outcome?".
_OUTCOME_RE = re.compile(r"\b(?:conclude[sd]?|found|find|show(?:s|ed|n)?|decide[sd]?|"
                         r"recommend\w*|outcomes?|results?|achieve[sd]?|won|wins?)\b",
                         re.IGNORECASE)


# A start asked about: "When do Wave 2 projects start?", "... kick off?", "... get under way?"
# (not "the strategy this deal begins to implement": "begin to" starts another verb).
_START_RE = re.compile(r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|commenc\w*|kick(?:s|ed)? "
                       r"off|get(?:s|ting)? going|(?:get|got|gets|getting) under ?way)\b"
                       r"(?! to\b)", re.IGNORECASE)


def dated_only(question: str, answer_type: AnswerType, c: Candidate) -> bool:
    """``c`` is a dated row ("Nov 2017\tResponse to the Accelerated Access Review") chosen for a
    question it cannot answer: a row says when something happens, not who does it nor what
    came of it ("Who led the review?", "What did the review conclude?"); and asked when
    something starts, a row dating something else ("Nov 2017\tIndustrial Strategy including
    ... ISCF Wave 2" for "When do Wave 2 projects start?")."""
    if row_date(c.passage, c.unit_index) is None:
        return False
    if answer_type is AnswerType.DATE:
        return bool(_START_RE.search(question)) and not _START_RE.search(c.text)
    return answer_type is AnswerType.ENTITY or bool(_OUTCOME_RE.search(question))


def _in_period(dated: tuple[int, int] | None, period: Period) -> bool:
    if dated is None or dated[0] != period.year:
        return False
    return period.month is None or period.month <= dated[1] <= (period.last or period.month)


def rows_in_period(p: Passage, period: Period) -> list[int]:
    """Indexes of ``p``'s table rows dated in ``period``."""
    return [i for i in range(len(p.units)) if _in_period(row_date(p, i), period)]


def relevant_table(cands: list[Candidate], ratio: float) -> Passage | None:
    """The table of the most relevant dated row among ``cands`` (within ``ratio`` of the best
    candidate's relevance), or None."""
    top = max(c.relevance for c in cands)
    rows = [c for c in cands if c.relevance >= ratio * top and row_date(c.passage, c.unit_index)]
    return max(rows, key=lambda c: c.relevance).passage if rows else None


def dated_table(cands: list[Candidate], period: Period,
                ratio: float) -> tuple[Passage, list[int]] | None:
    """``relevant_table`` and its rows in ``period``, when it has at least MIN_ROWS."""
    table = relevant_table(cands, ratio)
    found = rows_in_period(table, period) if table is not None else []
    return (table, found) if len(found) >= MIN_ROWS else None
