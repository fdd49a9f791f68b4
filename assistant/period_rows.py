"""What a dated table schedules in a period: "List everything the implementation plan has
scheduled for 2018", "What happens in November 2017, going by the timeline?".

Every row of the table whose date cell falls in the period, in the table's order, each quoted
whole: a list question about a period is answered by all of its rows, not by the one row that
best matches the question's words (which names one milestone of several).
"""

from __future__ import annotations

import re

from assistant.dates_between import month_number, month_year
from assistant.evidence import MONTHS
from assistant.scoring import Candidate
from dealqa.types import Passage, Unit, UnitKind

__all__ = ["asked_period", "rows_in_period", "dated_table"]

# "in 2018", "for November 2017", "during 2018" (not "2021/22", a financial year)
_PERIOD_RE = re.compile(rf"\b(?:in|for|during|throughout|across|over)\s+(?:({MONTHS})\.?\s+)?"
                        r"((?:19|20)\d\d)\b(?!/)", re.IGNORECASE)
MIN_ROWS = 2  # one row in the period: the ordinary answer already quotes it


def asked_period(question: str) -> tuple[int, int | None] | None:
    """(year, month or None) of the period a question asks about, or None."""
    m = _PERIOD_RE.search(question)
    if m is None:
        return None
    return int(m.group(2)), month_number(m.group(1)) if m.group(1) else None


def _row_date(row: str) -> tuple[int, int] | None:
    """(year, month) of a table row's first cell ("Aug 2017\tStrategy launched")."""
    return month_year(row.split("\t", 1)[0])


def _in_period(p: Passage, u: Unit, period: tuple[int, int | None]) -> bool:
    dated = _row_date(p.unit_text(u))
    if dated is None:
        return False
    year, month = period
    return dated[0] == year and (month is None or dated[1] == month)


def rows_in_period(p: Passage, period: tuple[int, int | None]) -> list[int]:
    """Indexes of ``p``'s table rows dated in ``period``."""
    return [i for i, u in enumerate(p.units)
            if u.kind is UnitKind.TABLE_ROW and _in_period(p, u, period)]


def dated_table(cands: list[Candidate], period: tuple[int, int | None],
                ratio: float) -> tuple[Passage, list[int]] | None:
    """The table of the most relevant dated row among ``cands`` (within ``ratio`` of the best
    candidate's relevance) and its rows in ``period``, when it has at least MIN_ROWS."""
    top = max(c.relevance for c in cands)
    rows = [c for c in cands if c.relevance >= ratio * top and c.unit.kind is UnitKind.TABLE_ROW
            and _row_date(c.text)]
    if not rows:
        return None
    best = max(rows, key=lambda c: c.relevance)
    found = rows_in_period(best.passage, period)
    return (best.passage, found) if len(found) >= MIN_ROWS else None
