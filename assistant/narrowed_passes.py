"""The type check a question's support must pass, narrowed by what the question asks of the
type: a deadline, a year, a length of time, a calendar date, a frequency, a period; what a
target requires; a size. ``Selector.choose`` tries the passes in order, the narrowest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.asks import (asks_by_when, asks_deadline, asks_duration, asks_frequency,
                            asks_period, asks_requirement, asks_when, asks_year)
from assistant.dating import EVENT_DATE_RE, TIMED_BY_RE, asks_future_when, asks_past_when
from assistant.evidence import (SIZE_RE, has_calendar_date, has_deadline, has_duration,
                                has_frequency, has_year)
from assistant.question import QuestionAnalysis
from dealqa.types import AnswerType

__all__ = ["Pass", "narrowed_passes"]

Pass = Callable[[str], bool]

_REQUIRES_RE = re.compile(r"\b(?:requir\w*|need(?:s|ed)? to|will need|depend\w* on|"
                          r"contingent on|provided that|only if)\b", re.IGNORECASE)


def narrowed_passes(a: QuestionAnalysis, passes: list[Pass]) -> list[Pass]:
    """``passes`` (every type asked, then the main one) with narrower ones put first or in
    their place, as the question asks; the list may be changed in place."""
    if a.answer_type is AnswerType.DATE and asks_deadline(a.question):
        # "What is the application deadline for Wave 2?" is answered by a date something
        # must happen by, not by the date Wave 2 was announced: where no unit gives one,
        # the deal does not say.
        passes = [_both(passes[0], has_deadline)]
    elif a.answer_type is AnswerType.DATE and asks_by_when(a.question):
        # "By what year should the move have produced its jobs?": "... creating 50 new jobs
        # by 2020" over "announced in February 2017", where the deal gives both.
        passes.insert(0, _both(passes[0], has_deadline))
    elif a.answer_type is AnswerType.DATE and asks_year(a.question):
        # "What were the founding year and current membership of the NHSA?" is answered by
        # a year ("in 2015", "this year"), not by "future waves of the sector deal"; where
        # no unit gives one, the deal does not say.
        passes = [_both(passes[0], has_year)]
    elif a.answer_type is AnswerType.DATE and asks_duration(a.question) \
            and not asks_period(a.question):
        # "How long has the UK invested ...?" is answered by a length of time ("a 20-year
        # history"), not by any date a more wordy unit mentions ("this year"); a "when" later
        # in it is a clause ("How far ahead does it look when picking its challenges?").
        passes.insert(0, _both(passes[0], has_duration))
    elif a.answer_type is AnswerType.DATE and asks_when(a.question):
        # "... starting when?": a calendar date ("from April 2017") over a relative one
        # ("over the next five years") where the deal gives both.
        passes.insert(0, _both(passes[0], has_calendar_date))
    elif a.answer_type is AnswerType.DATE and asks_frequency(a.question):
        # "How often does it meet?" is answered by a frequency, not by a date ("Jan 2018:
        # the board's first meeting"); where no unit gives one, the deal does not say.
        passes = [_both(passes[0], has_frequency)]
    elif a.answer_type is AnswerType.DATE and asks_period(a.question):
        # "Over what period ...?": "over the five years from April 2017" (a duration and
        # its start) over "over the next five years".
        # (then any duration, "over the next 20 years", before a unit merely dated)
        dated = passes[0]
        passes.insert(0, _both(dated, has_duration))
        passes.insert(0, _both(dated, lambda t: has_calendar_date(t) and has_duration(t)))
    if a.answer_type is AnswerType.DATE and asks_past_when(a.question):
        # "When did MSD announce ...?" may be answered by the event it came with ("Alongside
        # the deal, MSD announced ..."), where no unit dates it on the calendar (last).
        passes.append(lambda t: bool(EVENT_DATE_RE.search(t)))
    if a.answer_type is AnswerType.DATE and asks_future_when(a.question):
        # "When would the £2.5bn fund be floated?": "... once it has established a track
        # record", where no unit gives a date (last).
        passes.append(lambda t: bool(TIMED_BY_RE.search(t)))
    if asks_requirement(a.question):
        # "What will it take for the target to bring in £80bn?": the unit that says what it
        # requires ("... and will require government and private sector collaboration").
        passes.insert(0, _both(passes[0], _REQUIRES_RE.search))
    if a.size_first and not a.wants_size:
        # "How big is the CryoHub?": its floor area where the deal gives one ("a 4,500 sq ft
        # CryoHub"); "How big is the Housing Deal?": its money.
        passes.insert(0, _both(passes[0], SIZE_RE.search))
    return passes


def _both(check: Pass, narrower: Callable[[str], object]) -> Pass:
    """``check`` narrowed: a text passing it and ``narrower`` too."""
    return lambda t: check(t) and bool(narrower(t))
