"""Which unit dates a fact: the event it came with, where the calendar gives nothing ("Alongside
the deal, MSD announced ..."), and the calendar date over "this year" where the deal restates
the fact with one."""

from __future__ import annotations

import re

from assistant.evidence import has_calendar_date
from assistant.question import QuestionAnalysis
from assistant.scoring import Candidate, same_fact
from dealqa.types import AnswerType

__all__ = ["EVENT_DATE_RE", "TIMED_BY_RE", "asks_past_when", "asks_future_when", "on_calendar"]

# A question about when something past happened, and a time given by the event it came with.
# ("When does the key commitments page say the company committed?": a past act as reported)
_PAST_WHEN_RE = re.compile(r"\bwhen (?:did|was|were|had|has|have)\b|"
                           r"\bwhen (?:does|do) [^?]{1,60}?\b(?:say|state|report)s? [^?]{0,40}?"
                           r"\b[a-z]{3,}ed\b", re.IGNORECASE)
# "Alongside the deal, MSD announced ...", "During the development of the strategy, Seqirus
# have committed to ...": dated by another event
EVENT_DATE_RE = re.compile(r"\b(?:alongside|since|ahead of|prior to|following|after|before|"
                           r"during(?: the (?:development|preparation|drafting|writing) of)?) "
                           r"(?:the|this) (?:sector deal|deal|report|review|strategy|budget|"
                           r"white paper|publication|announcement|launch)\b", re.IGNORECASE)
_RELATIVE_YEAR_RE = re.compile(r"\b(?:this|last|next) year\b", re.IGNORECASE)


# ... and about when something will or would happen, which the deal may time by what it waits
# for: "with the intention to float or sell once it has established a track record", "Exact
# membership will be announced ahead of the first meeting".
_FUTURE_WHEN_RE = re.compile(r"\bwhen (?:will|would|could|should|might|is|are)\b", re.IGNORECASE)
TIMED_BY_RE = re.compile(r"\b(?:once|as soon as|ahead of|in time for|by the time|upon) "
                         r"(?:it|they|the|its|their|this|these|a|an)\b", re.IGNORECASE)


# "Does it plan to hold the fund for good, or sell at some point - and when?": a bare "when"
# asked of a plan, not of something past.
_BARE_WHEN_RE = re.compile(r"\bwhen\s*\?\s*$", re.IGNORECASE)
_PAST_RE = re.compile(r"\b(?:did|was|were|had)\b", re.IGNORECASE)


def asks_future_when(question: str) -> bool:
    """"When would the fund be floated?", "When will its members be announced?"."""
    return bool(_FUTURE_WHEN_RE.search(question)) or bool(
        _BARE_WHEN_RE.search(question)) and not _PAST_RE.search(question)


def asks_past_when(question: str) -> bool:
    """"When did MSD announce ...?", "When was the network launched?"."""
    return bool(_PAST_WHEN_RE.search(question))


def on_calendar(a: QuestionAnalysis, best: Candidate, cands: list[Candidate]) -> Candidate:
    """``best``, or where it dates the fact only relatively ("announced in February this
    year"), the deal's restatement of the same fact with its calendar date ("announced in
    February 2017"), wherever it ranked: the reader needs the date itself."""
    if a.answer_type is not AnswerType.DATE or not _RELATIVE_YEAR_RE.search(best.text):
        return best
    return next((c for c in cands if c is not best and not _RELATIVE_YEAR_RE.search(c.text)
                 and has_calendar_date(c.text) and same_fact(c.text, best.text)), best)
