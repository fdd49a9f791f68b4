"""Where entries stand in a dated table: "What is the final milestone in the implementation
plan?", "What were the next two steps after phase one was announced?", "Put these in date
order: the Annual Review, the start of ISCF Wave 1 projects and the board's first meeting."

A table whose rows open with a month and year ("Aug 2017\tStrategy launched") is a timeline:
its rows are in date order, so "first", "last", "next" and "in order" are read off its
positions, not off the words a row shares with the question (which name the row the question
starts from, not the one it asks for).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum

from assistant.arithmetic import Operation, detect_operation
from assistant.dates_between import (MONTH_NAMES, add_months, month_number, month_year,
                                     months_apart)
from assistant.evidence import MONTHS
from assistant.name_match import acronym_in, has_run, stemmed_words
from assistant.period_rows import relevant_table, row_date
from assistant.scoring import Candidate, TermStats, terms
from assistant.sides import ALTERNATIVES_RE, listed_sides
from dealqa.types import Passage
from retrieval.text import money_amounts, tokenize

__all__ = ["WHOLE_TABLE", "Position", "TimelineAsk", "Timeline", "asked_position", "named_row",
           "table_naming_words", "timeline_rows"]

MIN_ROWS = 3  # fewer dated rows make a list, not a timeline
NAMED_SHARE = 0.5  # a row is named when the question holds this share of its weighted words
ANCHOR_SHARE = 0.34  # the row a question starts from ("after the board first meets")
SIDE_SHARE = 0.25  # a row one of several listed things names ("the £16m viral vector money")


class Position(str, Enum):
    FIRST = "first"
    LAST = "last"
    AFTER = "after"
    BEFORE = "before"
    ORDER = "order"
    SPAN = "span"  # "the earliest and latest dates": both ends
    COUNT = "count"  # "how many milestones does the table list?": every row, counted
    COUNT_AFTER = "count_after"  # "how many milestones come after phase one?"
    COUNT_BEFORE = "count_before"
    MONEY = "money"  # "which entries carry a pound figure?": the rows giving a sum
    NAMING = "naming"  # "which milestones involve the Challenge Fund?": the rows naming it
    DATED = "dated"  # "how many milestones fall in November 2017?": the rows of that period
    OFFSET = "offset"  # "which milestone is a full year after phase one?": the rows then
    GAP = "gap"  # "the longest stretch between two consecutive milestones": the rows around it


@dataclass(frozen=True)
class TimelineAsk:
    position: Position
    count: int | None = None  # "the next two steps": 2; None: the rows of the next date
    subject: str = ""  # what the rows asked for name ("the Industrial Strategy Challenge Fund")
    period: tuple[int, int | None] | None = None  # DATED: (year, month or None for all year)
    months: int = 0  # OFFSET: months after the row the question starts from (< 0: before)
    total: bool = False  # DATED: the sums its rows give, added ("what do they come to?")
    # DATED: months of the same year named with the period's ("the October and November 2017
    # milestones")
    also_months: tuple[int, ...] = ()
    longest: bool = True  # GAP: the longest gap between dates in a row (else the shortest)

    def period_label(self) -> str:
        """ "November 2017", "2018"."""
        if self.period is None:
            return ""
        year, month = self.period
        if month and self.also_months:
            names = [MONTH_NAMES[m - 1] for m in (*self.also_months, month)]
            return f"{', '.join(names[:-1])} and {names[-1]} {year}"
        return f"{MONTH_NAMES[month - 1]} {year}" if month else str(year)

    def offset_label(self) -> str:
        """ "a year after", "6 months before"."""
        n, unit = (abs(self.months) // 12, "year") if self.months % 12 == 0 \
            else (abs(self.months), "month")
        amount = f"a {unit}" if n == 1 else f"{n} {unit}s"
        return f"{amount} {'before' if self.months < 0 else 'after'}"


_ENTRY = (r"(?:milestones?|steps?|entr(?:y|ies)|items?|events?|activit(?:y|ies)|rows?|"
          r"deadlines?|things?)")
_ENTRY_RE = re.compile(rf"\b{_ENTRY}\b", re.IGNORECASE)
# "the longest stretch between two consecutive milestones", "the biggest gap between entries"
_GAP_RE = re.compile(r"\b(longest|biggest|largest|widest|shortest|smallest)\s+(?:stretch|gap|"
                     r"interval|wait|pause|lull|spell)\b[^?]*\b(?:between|from one)\b",
                     re.IGNORECASE)
_SHORT = {"shortest", "smallest"}
_NAME_AFTER_START_RE = re.compile(r"(?<=[\w,;:'’)-] )[A-Z]")
_SUMS_RE = re.compile(r"\b(?:pound|money|cash)\b|\b(?:sums?|amounts?)\b|£", re.IGNORECASE)
_MILESTONE_RE = re.compile(r"\bmilestones?\b", re.IGNORECASE)  # a timetable's, by its word
_NAMES_TABLE = r"[^?]*\b(?:timeline|timetable|table|schedule|implementation plan)\b"
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_EXTREME_RE = re.compile(
    rf"\b(first|earliest|opening|final|last|latest|closing)\s+(?P<n>(?:one|two|three|four|five|"
    rf"\d)\s+)?(?:(?:listed|scheduled|dated|planned)\s+)?{_ENTRY}\b|"
    r"\b(?:comes?|came|is|was|falls?)\s+(first|last|earliest|latest)"
    r"\s+(?:on|in)\s+the\s+(?:timeline|timetable|table|implementation plan|schedule)\b|"
    # "the earliest date in the table" (not "the closing date for applications")
    rf"\b(first|earliest|final|last|latest)\s+dates?\b(?={_NAMES_TABLE})", re.IGNORECASE)
# "The timetable ends with a review of the deal - in which month?"
_ENDS_WITH_RE = re.compile(r"\b(?:(ends?|finish(?:es)?|closes?|concludes?)|starts?|begins?|"
                           r"opens?) (?:off )?with\b", re.IGNORECASE)
# "Which entry closes the deal's implementation timeline?"
_CLOSES_RE = re.compile(
    rf"\b(?:which|what)\s+{_ENTRY}\s+(?:(closes|ends|finishes|concludes)|opens|starts|begins)"
    r"\s+(?:off\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:timeline|timetable|table|plan|"
    r"schedule)\b", re.IGNORECASE)
# "Where does the implementation timeline begin?", "When does the timetable end?"
_TABLE_BOUNDS_RE = re.compile(r"\b(?:where|when|how) (?:does|did|do) (?:the |its |this )?"
                              r"(?:[\w'’-]+ ){0,2}?(?:timeline|timetable|schedule) "
                              r"(?:(end|finish|close|conclude)s?|begin|start|open)\b",
                              re.IGNORECASE)
# ("the next dated milestone", "the next two scheduled steps": a word may qualify the entry)
_NEXT_RE = re.compile(
    rf"\b(next|following|subsequent|preceding|previous|prior)\s+(?:(one|two|three|four|five|\d)"
    rf"\s+)?(?:(?:dated|scheduled|planned|key|major|listed|timetabled)\s+)?{_ENTRY}\b",
    re.IGNORECASE)
_RIGHT_AFTER_RE = re.compile(
    r"\b(?:straight|immediately|directly|right|just)\s+(after|before)\b|\bwhat\s+(?:comes|came|"
    r"happens|happened|follows|followed)\s+next\b", re.IGNORECASE)
_ORDER_RE = re.compile(
    r"\b(?:date|chronological|time)\s+order\b|\bearliest\s+to\s+latest\b|\bin\s+(?:what|the)\s+"
    r"order\b|\bput\b[^?.]*\bin\s+order\b", re.IGNORECASE)
# "What are the earliest and latest dates on the implementation timeline?": both ends, where the
# question names the table (not "the first and last companies to move in").
# ("from its first entry to its last": the table may be named before)
_SPAN_RE = re.compile(rf"\b(?:first|earliest|opening|start(?:ing)?)(?:\s+{_ENTRY})?\s+(?:and|to)\s+"
                      r"(?:its\s+|the\s+)?(?:last|latest|final|closing|end(?:ing)?)\b",
                      re.IGNORECASE)
_TABLE_RE = re.compile(_NAMES_TABLE, re.IGNORECASE)
_EARLY = {"first": Position.FIRST, "earliest": Position.FIRST, "opening": Position.FIRST}
_BACKWARD = {"preceding", "previous", "prior", "before"}
# The words a position question asks with, which name no row.
_ASKING_WORDS = frozenset(tokenize("first earliest opening final last latest closing next "
                                   "following subsequent preceding previous prior straight "
                                   "immediately directly right after before order date "
                                   "chronological timeline timetable table schedule listed "
                                   "milestone step entry item event activity row deadline "
                                   "thing put implementation plan"))


@dataclass(frozen=True)
class Timeline:
    passage: Passage
    rows: list[int]  # indexes into passage.units, in date order
    anchor: int | None = None  # the row "after X" / "before X" starts from

    def anchor_label(self) -> str:
        """ "“Phase one of the Life Sciences Sector Deal announced” (Dec 2017)"."""
        if self.anchor is None:
            return ""
        date, _, what = self.passage.unit_text(self.passage.units[self.anchor]).partition("\t")
        return f"“{what.strip()}” ({date.strip()})"


# "How many milestones does the timetable list?", "How many entries in the deal's timetable
# come after phase one was announced?" (the table named: "how many steps" alone is not its rows)
_HOW_MANY_RE = re.compile(rf"\bhow many\s+(?:of (?:the |its |this )?(?:deal's |plan's |"
                          rf"timetable's |timeline's |table's )?)?(?:(?:dated|scheduled|listed|"
                          rf"separate|key|major)\s+)?{_ENTRY}\b", re.IGNORECASE)
_COUNT_FROM_RE = re.compile(r"\b(?:come|comes|came|fall|falls|are|is|were|was|dated|scheduled|"
                            r"listed|happen|happens)\s+(after|before|since|following)\b",
                            re.IGNORECASE)


# "Which entries in the timetable carry a pound figure?", "Which rows of the table announce
# money, and how much?"
_MONEY_ROWS_RE = re.compile(rf"\b(?:which|what)\s+(?:of\s+the\s+)?{_ENTRY}\b[^?]*?\b"
                            r"(?:carry|carries|mention|mentions|announce|announces|give|gives|"
                            r"include|includes|"
                            r"have|has|with|put|puts|state|states|involve|involves)\s+(?:a\s+|"
                            r"any\s+)?(?:money|funding|pound|£|sums?|figures?|amounts?|cash)\b",
                            re.IGNORECASE)

# "Which milestones on the timetable involve the Industrial Strategy Challenge Fund, and when
# does each fall?"
_NAMING_ROWS_RE = re.compile(rf"\b(?:which|what)\s+(?:of\s+the\s+)?{_ENTRY}\b[^?]*?\b(?:involve|"
                             r"involves|mention|mentions|concern|concerns|name|names|relate to|"
                             r"relates to|are about|is about|feature|features) (?P<what>(?:the )?"
                             r"(?-i:[A-Z])[^?,;]*?)(?=\s*(?:[?,;]|$| and\b))", re.IGNORECASE)


# "How many milestones fall in November 2017?", "Which steps are scheduled for 2018?": the
# rows of a month or a year.
_ROWS_ASKED_RE = re.compile(rf"\b(?:how many|which|what|count|name|list)\b[^?]*?\b{_ENTRY}\b",
                            re.IGNORECASE)
_PERIOD_RE = re.compile(rf"\b(?:in|during|for|dated|within)\s+(?:(?:the )?(?:month of )?"
                        rf"({MONTHS})\.?\s+)?((?:19|20)\d\d)\b(?!\s*/)", re.IGNORECASE)
# "pencilled in for a full year after phase one was announced", "six months before the
# Annual Review": a stated time from a row.
_NUMBER_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten "
                                             "eleven twelve".split(), start=1)}
_NUMBER_WORDS |= {"an": 1, "a": 1, "the": 1}  # "a full year after", "the month before"
_OFFSET_RE = re.compile(rf"\b({'|'.join(_NUMBER_WORDS)}|\d{{1,2}})\s+(?:full\s+|whole\s+|"
                        r"calendar\s+)?(years?|months?)\s+(after|later than|on from|before|"
                        r"ahead of|earlier than)\b", re.IGNORECASE)


def _period(question: str) -> tuple[int, int | None] | None:
    m = _PERIOD_RE.search(question)
    if m is None:
        # ("in September, October or November 2017": the last month's year)
        m = _IN_JOINED_MONTHS_RE.search(question)
        return (int(m.group(3)), month_number(m.group(2))) if m else None
    return int(m.group(2)), month_number(m.group(1)) if m.group(1) else None


# "the October and November 2017 milestones", "in September, October or November 2017"
_JOINED_MONTHS_RE = re.compile(rf"\b((?:(?:{MONTHS})\.?(?:\s*,\s*|\s+(?:and|or|&)\s+))+)"
                               rf"({MONTHS})\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_IN_JOINED_MONTHS_RE = re.compile(rf"\b(?:in|during|for|within)\s+(?:the )?"
                                  rf"{_JOINED_MONTHS_RE.pattern}", re.IGNORECASE)


def _also_months(question: str) -> tuple[int, ...]:
    """The months named before a month and year, joined to it ("October and November 2017":
    October)."""
    m = _JOINED_MONTHS_RE.search(question)
    return tuple(month_number(w) for w in re.findall(MONTHS, m.group(1), re.IGNORECASE)) \
        if m else ()


def _offset(question: str) -> int | None:
    m = _OFFSET_RE.search(question)
    if m is None:
        return None
    n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1).lower()]
    months = n * (12 if m.group(2).lower().startswith("year") else 1)
    return -months if m.group(3).lower() in ("before", "ahead of", "earlier than") else months


def asked_position(question: str) -> TimelineAsk | None:
    """What a question asks of a timeline's order, or None."""
    named = _TABLE_RE.match(question) or _MILESTONE_RE.search(question)
    # (a month named anywhere will do: "two November 2017 entries")
    if named and (period := _period(question) or month_year(question)) \
            and _ENTRY_RE.search(question) and detect_operation(question) is Operation.SUM:
        # "The timetable has two November 2017 entries with pound figures. What do they come
        # to when added together?": that period's rows, their sums added
        return TimelineAsk(Position.DATED, period=period, total=True,
                           also_months=_also_months(question))
    if named and _SUMS_RE.search(question) and detect_operation(question) is Operation.SUM \
            and not _NAME_AFTER_START_RE.search(question):
        # "What do all the pound sums in the implementation plan's timetable add up to?": the
        # rows giving a sum, their sums added (not where it names whose: "every Challenge Fund
        # sum in the table" is some rows' only)
        return TimelineAsk(Position.MONEY, total=True)
    # (a period dating the row a question starts from is not the one asked for: "Once phase
    # one was announced in December 2017, what were the next two steps?")
    if _ROWS_ASKED_RE.search(question) and (period := _period(question)) \
            and (_TABLE_RE.match(question) or _HOW_MANY_RE.search(question)) \
            and not any(r.search(question) for r in (_NEXT_RE, _RIGHT_AFTER_RE, _COUNT_FROM_RE)):
        return TimelineAsk(Position.DATED, period=period, also_months=_also_months(question))
    if _ROWS_ASKED_RE.search(question) and (months := _offset(question)):
        return TimelineAsk(Position.OFFSET, months=months)
    if (m := _GAP_RE.search(question)) and (_TABLE_RE.match(question)
                                             or _MILESTONE_RE.search(question)):
        return TimelineAsk(Position.GAP, longest=m.group(1).lower() not in _SHORT)
    if _MONEY_ROWS_RE.search(question) and _TABLE_RE.match(question):
        return TimelineAsk(Position.MONEY)
    if (m := _NAMING_ROWS_RE.search(question)) and _TABLE_RE.match(question):
        return TimelineAsk(Position.NAMING, subject=m.group("what").strip())
    if _HOW_MANY_RE.search(question) and _TABLE_RE.match(question):
        m = _COUNT_FROM_RE.search(question)
        word = m.group(1).lower() if m else ""
        return TimelineAsk(Position.COUNT if not word else Position.COUNT_BEFORE
                           if word in _BACKWARD else Position.COUNT_AFTER)
    if _SPAN_RE.search(question) and _TABLE_RE.match(question):
        return TimelineAsk(Position.SPAN)
    if m := _NEXT_RE.search(question):
        word, n = m.group(1).lower(), (m.group(2) or "").lower()
        count = int(n) if n.isdigit() else _COUNTS.get(n)
        return TimelineAsk(Position.BEFORE if word in _BACKWARD else Position.AFTER, count)
    if m := _RIGHT_AFTER_RE.search(question):
        word = (m.group(1) or "after").lower()
        return TimelineAsk(Position.BEFORE if word in _BACKWARD else Position.AFTER)
    if m := _EXTREME_RE.search(question):
        if ALTERNATIVES_RE.search(question):
            return None  # "Which came first, A or B?": two dates compared, not the plan's first
        word = next(g for g in m.groups() if g)
        # ("the last two milestones": that many rows from the end)
        n = (m.group("n") or "").strip().lower()
        count = int(n) if n.isdigit() else _COUNTS.get(n)
        return TimelineAsk(_EARLY.get(word.lower(), Position.LAST), count)
    if m := _ENDS_WITH_RE.search(question) or _CLOSES_RE.search(question) \
            or _TABLE_BOUNDS_RE.search(question):
        return TimelineAsk(Position.LAST if m.group(1) else Position.FIRST)
    if _ORDER_RE.search(question):
        return TimelineAsk(Position.ORDER)
    return None


# Asks about the whole table (it is named, and each of its rows is looked at).
WHOLE_TABLE = frozenset({Position.COUNT, Position.COUNT_AFTER, Position.COUNT_BEFORE,
                         Position.MONEY, Position.NAMING, Position.DATED, Position.GAP})


# An acronym a row may give a name by ("ISCF" for the Industrial Strategy Challenge Fund).
_ACRONYM_RE = re.compile(r"\b[A-Z]{3,6}\b")


def _dated_rows(p: Passage) -> list[int]:
    return [i for i in range(len(p.units)) if row_date(p, i)]


def _shares(p: Passage, rows: list[int], question: str) -> dict[int, float]:
    """Each row's share of its words the question holds, each word weighted by how few rows
    hold it ("Sector Deal" names four rows, "Oversight" one)."""
    words = {i: set(tokenize(p.unit_text(p.units[i]).split("\t", 1)[-1])) for i in rows}
    asked = set(tokenize(question)) - _ASKING_WORDS
    held = {}
    for i, ws in words.items():
        weight = {w: math.log(1 + len(rows) / sum(w in o for o in words.values())) for w in ws}
        total = sum(weight.values())
        held[i] = sum(v for w, v in weight.items() if w in asked) / total if total else 0.0
    return held


def _anchor(p: Passage, rows: list[int], question: str) -> int | None:
    """The row a question starts from: the one holding most of its words, where the question
    gives its month and year ("Once phase one was announced in December 2017") among those."""
    shares = _shares(p, rows, question)
    dated = month_year(question)
    best = max(rows, key=lambda i: (shares[i] + (0.5 if dated and row_date(p, i) == dated
                                                 else 0.0)))
    return best if shares[best] >= ANCHOR_SHARE else None


def _rows_of_sides(p: Passage, rows: list[int], sides: list[str]) -> list[int] | None:
    """"Line up these three ...: the deal's phase one, the £16m viral vector money and the
    Accelerated Access Review response": for each thing listed, the row holding most of its
    words (a share of them will do: each thing is named in few words), in date order; None
    unless each finds its own row."""
    picked = set()
    for side in sides:
        shares = _shares(p, rows, side)
        best = max(rows, key=lambda i: shares[i])
        if shares[best] < SIDE_SHARE or best in picked:
            return None
        picked.add(best)
    return [i for i in rows if i in picked] if picked else None


def _gap_rows(p: Passage, rows: list[int], longest: bool) -> list[int]:
    """The rows of the two dates, one after the other, furthest apart (``longest``) or closest
    (the first such pair); [] for a table of one date."""
    dates = sorted({row_date(p, i) for i in rows})
    if len(dates) < 2:
        return []
    months = [months_apart(a, b) for a, b in zip(dates, dates[1:])]
    k = months.index(max(months) if longest else min(months))
    return [i for i in rows if row_date(p, i) in (dates[k], dates[k + 1])]


def gap_months(p: Passage, rows: list[int]) -> int:
    """Months from the first of ``rows`` to the last."""
    return months_apart(row_date(p, rows[0]), row_date(p, rows[-1]))


def _next_rows(p: Passage, rows: list[int], start: int, count: int | None) -> list[int]:
    """Up to ``count`` rows after position ``start`` of ``rows`` (all of the next date's rows
    when ``count`` is None)."""
    later = rows[start + 1:]
    if count is not None or not later:
        return later[:count]
    return [i for i in later if row_date(p, i) == row_date(p, later[0])]


def timeline_rows(ask: TimelineAsk, question: str, cands: list[Candidate],
                  ratio: float) -> Timeline | None:
    """The timeline among the relevant ``cands`` (a dated table row within ``ratio`` of the
    best relevance) and the indexes of its rows that answer ``ask``, in date order."""
    p = relevant_table(cands, ratio)
    rows = _dated_rows(p) if p is not None else []
    if len(rows) < MIN_ROWS:
        return None
    anchor = None
    if ask.position in (Position.FIRST, Position.LAST) and ask.count:
        found = rows[:ask.count] if ask.position is Position.FIRST else rows[-ask.count:]
    elif ask.position in (Position.FIRST, Position.LAST, Position.SPAN):
        ends = {row_date(p, rows[0]) if ask.position is not Position.LAST else None,
                row_date(p, rows[-1]) if ask.position is not Position.FIRST else None}
        found = [i for i in rows if row_date(p, i) in ends]
    elif ask.position is Position.COUNT:
        found = rows
    elif ask.position is Position.MONEY:
        found = [i for i in rows if money_amounts(p.unit_text(p.units[i]))]
    elif ask.position is Position.DATED and ask.period is not None:
        year, month = ask.period
        # (``rows`` are the dated rows: each has a date)
        found = [i for i in rows if row_date(p, i)[0] == year
                 and (month is None or row_date(p, i)[1] in (month, *ask.also_months))]
    elif ask.position is Position.GAP:
        found = _gap_rows(p, rows, ask.longest)
    elif ask.position is Position.OFFSET:
        anchor = _anchor(p, rows, question)
        if anchor is None:
            return None
        then = add_months(*row_date(p, anchor), ask.months)
        found = [i for i in rows if row_date(p, i) == then]
    elif ask.position is Position.NAMING:
        # (by its words in a row, or its initials: "ISCF" is the Challenge Fund)
        what = re.sub(r"^the\s+", "", ask.subject, flags=re.IGNORECASE)
        found = [i for i in rows if has_run(stemmed_words(what), stemmed_words(
            text := p.unit_text(p.units[i]))) or any(acronym_in(acr, what)
                                                     for acr in _ACRONYM_RE.findall(text))]
    elif ask.position in (Position.COUNT_AFTER, Position.COUNT_BEFORE):
        anchor = _anchor(p, rows, question)
        if anchor is None:
            return None
        # (rows of the anchor's own month are neither before nor after it)
        at = row_date(p, anchor)  # (year, month)
        found = [i for i in rows if (row_date(p, i) > at if ask.position is Position.COUNT_AFTER
                                     else row_date(p, i) < at)]
    elif ask.position is Position.ORDER:
        found = _rows_of_sides(p, rows, listed_sides(question) or [])
        if found is None:
            shares = _shares(p, rows, question)
            found = [i for i in rows if shares[i] >= NAMED_SHARE]
        if len(found) < 2:
            return None
    else:
        anchor = _anchor(p, rows, question)
        if anchor is None:
            return None
        k = rows.index(anchor)
        if ask.position is Position.AFTER:
            found = _next_rows(p, rows, k, ask.count)
        else:
            found = _next_rows(p, rows[::-1], len(rows) - 1 - k, ask.count)[::-1]
    return Timeline(p, found, anchor) if found else None


# "according to the timeline", "in the deal's timetable", "going by the implementation plan"
_TIMELINE_NAMED_RE = re.compile(r"\b(?:according to|in|on|per|going by|from) (?:the |its |this )?"
                                r"(?:deal's |implementation )?(?:timeline|timetable|"
                                r"implementation plan)\b", re.IGNORECASE)


def table_naming_words(question: str) -> set[str]:
    """The words by which ``question`` names the timeline ("In the implementation timetable,
    ..."): they say where to look, not which row ("Implementation plan ... agreed by board"
    is no answer to which month the deal's review falls in)."""
    return {t for m in _TIMELINE_NAMED_RE.finditer(question) for t in tokenize(m.group())}


def named_row(question: str, rows: list[Candidate], stats: TermStats,
              names: tuple[str, ...] | None = None) -> Candidate | None:
    """A question naming the timeline ("In which month's Budget was the rate rise announced,
    according to the timeline?"): of the timeline's ``rows``, the one holding most of the
    question's words, where it holds a word of the question no other row holds ("Budget", not
    "announced"); None where the question names no timeline or no row is so singled out.

    With ``names`` (the question's proper names), a question that does not name the timeline
    gets the row too, where it holds one of those names whole and no other row does: "...
    published alongside the Budget, and in which month?" is the "Nov 2017  Budget and ..." row."""
    if names is None and not _TIMELINE_NAMED_RE.search(question):
        return None
    asked = [t for t in dict.fromkeys(tokenize(_TIMELINE_NAMED_RE.sub("", question)))
             if stats.known(t)]
    held = [terms(c.text) for c in rows]
    scored = sorted(((stats.coverage(asked, row), i) for i, row in enumerate(held)),
                    reverse=True)
    if not scored or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    best = scored[0][1]
    if names is not None:
        # a whole name only that row holds ("Budget"; not "Edge" of "Alderley Edge" in
        # "leading-edge")
        whole = [set(toks) for n in names if (toks := tokenize(n))]
        return rows[best] if any(w <= held[best] and sum(w <= row for row in held) == 1
                                 for w in whole) else None
    own = set(asked) & held[best]
    if not any(sum(t in row for row in held) == 1 for t in own):
        return None
    return rows[best]
