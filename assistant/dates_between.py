"""Time between two dated events ("How long is the gap between the strategy's launch and the
Annual Review?", "Which came first: A or B?"): one month-and-year per event, both quoted, and
the months between them shown, so a reader can check the working against the cited passages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.evidence import GENERIC_NAMES, MONTH_YEAR_RE, RELATIVE_YEAR_RE, YEAR_OFFSET
from assistant.name_match import NAME_WITH_AND, POSSESSIVE_RE, stages_by_number
from assistant.plain_words import load_plain_words
from assistant.scoring import Candidate, TermStats, terms
from assistant.sides import (ALTERNATIVES_RE, MIN_SIDE_COVERAGE, context_terms, listed_sides,
                             side_fit, two_sides)
from commitments.figures import NUMBER_WORDS, number_value
from retrieval.text import tokenize

__all__ = ["SCAN", "Dated", "asks_between", "date_order", "event_sides", "is_dated",
           "listed_events", "month_number", "month_year", "months_between", "named_units",
           "pick_dates", "MONTH_NAMES", "add_months", "months_apart"]

# A side named only around its dated sentence must be named there this fully.
CONTEXT_SIDE_COVERAGE = 0.6
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "in date order", "chronologically": two events asked to be ordered (not "in order to").
_IN_ORDER = r"(?:in (?:date |time |chronological )?order(?! to\b)|by date|chronologically)"
_ORDER_VERB = r"^(?:please )?(?:put|place|arrange|sort|order)"
_PRECEDES = r"(?:predate|pre-date|precede|postdate|post-date)s?"
_THAN = r"\bhow (?:long|many (?:months|years|weeks)) (?:earlier|later|sooner) than\b"
_ASKS_RE = re.compile(
    r"\bhow (?:long|soon|quickly|many (?:months|years|weeks))\b[^?]*\b(?:between|after|before|"
    r"from|separates?|apart|until|till)\b|\bhow far apart\b"
    r"|\b(?:gap|time) between\b|\bwhich (?:came|happened|was|were|is|did)\b[^?]{0,20}"
    r"\b(?:first|earlier|sooner|later|last)\b|\bwhich came first\b"
    r"|\bbefore or after\b|\bafter or before\b|\bin (?:the|that|this) same (?:month|year|week)\b"
    # "How long had the agreement been in place when phase one was announced?"
    r"|\bhow long (?:had|has|have|would|will) [^?]+? been\b[^?]*\bwhen\b"
    r"|\bby the time\b"
    # "How many years earlier than the R&D target is BBI Group's deadline?"
    rf"|{_THAN}"
    # "From A to B, how many years is that?"
    r"|^(?:from|between) [^?,]+? (?:to|until|till|and) [^?,]+, how (?:long|many (?:months|"
    r"years|weeks))\b"
    # "Did A predate B, and by how long?"
    rf"|\b{_PRECEDES}\b[^?]*\bby how (?:long|much|many (?:months|years))\b"
    # "Count the months from A to B.", "Which starts earlier: A or B?"
    r"|\bcount (?:up )?(?:the )?(?:months|years|weeks)\b"
    r"|\bwhich (?:one )?[a-z]+s (?:first|earlier|sooner|later)\b(?=[^?]*\bor\b)"
    # "Which started growing its UK presence earlier: A, or B?", "Which clock started earlier:
    # A, or B?"
    r"|\bwhich (?:one |[a-z]+ )?[a-z]+ed (?:[\w'’-]+ ){0,4}?(?:first|earlier|sooner|later)\b"
    r"(?=[^?]*\bor\b)"
    # "Which should be up and running sooner: A or B?"
    r"|\bwhich (?:should|will|would|could|is likely to|is due to) (?:[\w'’-]+ ){0,5}?(?:first|"
    r"earlier|sooner|later)\b(?=[^?]*\bor\b)"
    # "Put these in order and give their months: A and B."
    r"|\b(?:put|place|arrange|sort|list) (?:these|them|the two|both)(?: [a-z]+)? in (?:date |time |"
    r"chronological )?order\b|\bin (?:what|which) order\b"
    # "Put the viral vectors funding and the Wave 1 pot in date order, with their months."
    rf"|{_ORDER_VERB} [^?]+? {_IN_ORDER}\b",
    re.IGNORECASE)
_SIDES_RE = (
    re.compile(r"\bbetween (?P<a>[^?]+?) and (?P<b>[^?]+)", re.IGNORECASE),
    # "How many months separate the board's first meeting from the start of ...?"
    re.compile(r"\bseparates? (?P<a>[^?]+?) (?:from|and) (?P<b>[^?]+)", re.IGNORECASE),
    # "How far apart are A and B?", "How many months were A and B apart?"
    re.compile(r"\bapart (?:are|were|is|was) (?P<a>[^?]+?) and (?P<b>[^?]+)", re.IGNORECASE),
    re.compile(r"\b(?:are|were) (?P<a>[^?]+?) and (?P<b>[^?]+?) apart\b", re.IGNORECASE),
    # "The strategy and the first phase of the deal: how many months apart were they published?"
    re.compile(r"^(?P<a>[^?:]+?) and (?P<b>[^?:]+?): how (?:long|far|many (?:months|years|weeks))"
               r" apart\b", re.IGNORECASE),
    # "How long after the Budget does the higher credit kick in?", "How soon after ...?"
    re.compile(r"\bhow (?:long|soon|quickly|many (?:months|years|weeks)) (?:after|before) "
               r"(?P<a>[^?]+?) "
               r"(?:does|did|do|will|would|is|was|are|were|can|could|had|has|have) "
               r"(?P<b>[^?]+)",
               re.IGNORECASE),
    # "Counting from the board's first meeting, how many months until the annual review?",
    # "How long is it from the launch until the review?"
    # "Once phase one is announced, how many months until the projects begin?"
    re.compile(r"\b(?:from|once|after) (?P<a>[^?,]+?),? how (?:long|many (?:months|years|weeks)) "
               r"(?:[\w'’]+ ){0,4}?(?:until|till) (?P<b>[^?]+)", re.IGNORECASE),
    re.compile(r"\b(?:how (?:long|many (?:months|years|weeks))|count (?:up )?(?:the )?(?:months|"
               r"years|weeks)) (?:[\w'’]+ ){0,3}?from (?P<a>[^?]+?) "
               r"(?:until|till|to) (?P<b>[^?]+)", re.IGNORECASE),
    # "From BBI Group's announcement to the year its jobs are due, how many years is that?"
    re.compile(r"^(?:from|between) (?P<a>[^?,]+?) (?:to|until|till|and) (?P<b>[^?,]+), how "
               r"(?:long|many (?:months|years|weeks))\b", re.IGNORECASE),
    # "By the time the deal was published, how many years had Vertex been growing here?"
    re.compile(r"^by the time (?P<b>[^?,]+?), (?:(?:for )?(?:about |roughly |around )?how "
               r"(?:long|many (?:months|years|weeks)) (?:had|has|have|did|was|were) )?"
               r"(?P<a>[^?]+)", re.IGNORECASE),
    re.compile(rf"{_THAN} (?P<a>[^?]+?) (?:is|was|are|were|does|did|do|will|would) "
               r"(?P<b>[^?]+)", re.IGNORECASE),
    ALTERNATIVES_RE,  # "Which came first: A or B?"
    # "Put these in order ...: A and B."
    re.compile(r"\border\b[^:?]*: (?P<a>[^:?]+?),? and (?P<b>[^?]+?)\.?$", re.IGNORECASE),
    # "Put A and B in date order, with their months."
    re.compile(rf"{_ORDER_VERB} (?P<a>[^?:]+?),? and (?P<b>[^?:]+?) {_IN_ORDER}\b", re.IGNORECASE),
    # "Does the board first meet before or after phase one is announced?"
    re.compile(r"^(?:does|did|do|is|was|were|are|will|would) (?P<a>[^?]+?) (?:come |happen |"
               r"take place )?(?:before or after|after or before) (?P<b>[^?]+)", re.IGNORECASE),
    # "Will Acme have moved into its new building by the time of the Annual Review?"
    re.compile(r"^(?:will|would|does|did|do|is|was|are|were|has|have|had|can|could) "
               r"(?P<a>[^?]+?),? by the time (?:of )?(?P<b>[^?]+)", re.IGNORECASE),
    # "Were the paper and the review's response published in the same month?"
    re.compile(r"^(?:were|are|was|is|did|do|does|will) (?P<a>[^?]+?) and (?P<b>[^?]+?) "
               r"(?:[\w'’-]+ )?(?:in|on) the same (?:month|year|week)\b", re.IGNORECASE),
    # "Did the paper come out in the same month as the Industrial Strategy?"
    re.compile(r"^(?:were|are|was|is|did|do|does|will) (?P<a>[^?]+?) (?:(?:come|came|appear|"
               r"appeared|happen|happened|take place|took place|get|got|been|published|released|"
               r"launched|announced|out) ){0,3}(?:in|on|during) the same (?:month|year|week) as "
               r"(?P<b>[^?]+)", re.IGNORECASE),
    # "How long had the agreement been in place when phase one was announced?"
    re.compile(r"\bhow long (?:had|has|have|would|will) (?P<a>[^?]+?) been\b[^?]*?\bwhen "
               r"(?P<b>[^?]+)", re.IGNORECASE),
    # "Did the Barts agreement predate the strategy, and by how long?"
    re.compile(rf"^(?:did|does|do|will|would|was|is) (?P<a>[^?]+?) {_PRECEDES} "
               r"(?P<b>[^?,]+)", re.IGNORECASE),
)


# A date the deal gives only roughly, with the month it is taken to mean: "summer 2018",
# "mid-2018", "early 2019". Ordered against another date only when months apart (APPROX_GAP).
_ROUGH_MONTH = {"start of": 1, "beginning of": 1, "early": 2, "spring": 4, "mid": 6,
                "middle of": 6, "summer": 7, "autumn": 10, "late": 11, "end of": 12}
_ROUGH_RE = re.compile(r"\b(start of|beginning of|early|spring|mid|middle of|summer|autumn|late|"
                       r"end of)(?:-|\s+)(?:the year )?((?:19|20)\d\d)\b", re.IGNORECASE)
APPROX_GAP = 3
# A year alone ("creating 50 new jobs in Wales by 2020"): used for a side only when no unit
# dates it by month, and then counted in whole years.
# (or a source's year of publication as the deal cites it: "Medicines Manufacturing Industry
# Partnership (2016), Advanced Therapies Manufacturing Action Plan")
_YEAR_RE = re.compile(r"\b(?:in|by|from|until|to|before|after|during|since) ((?:19|20)\d\d)\b"
                      r"(?![/–-]\d)|\(((?:19|20)\d\d)\)", re.IGNORECASE)


@dataclass(frozen=True)
class Dated:
    candidate: Candidate
    text: str  # as the deal writes it: "December 2016", "Aug 2017", "summer 2018"
    month: int  # 1..12 (for a rough date, the month it is taken to mean)
    year: int
    rough: bool = False
    year_only: bool = False
    # (year, month) a time "in eighteen months' time" is counted from: when the deal was written
    counted_from: tuple[int, int] | None = None

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    @property
    def label(self) -> str:
        """How the working names it: as the deal writes it, and a counted time with what it
        is counted from ("eighteen months' time from December 2017, about June 2019")."""
        if self.counted_from is None:
            return self.text
        year, month = self.counted_from
        when = str(self.year) if self.year_only else f"about {MONTH_NAMES[self.month - 1]} " \
            f"{self.year}"
        said = re.sub(r"^(?:in|within) ", "", self.text)  # "eighteen months' time"
        return f"{said} from {MONTH_NAMES[month - 1]} {year}, {when}"


def asks_between(question: str) -> bool:
    return bool(_ASKS_RE.search(question)) and event_sides(question) is not None


def event_sides(question: str) -> tuple[str, str] | None:
    """The two events a question sets side by side; "how many months apart were the two Wave
    1 announcements?" names both by one description: each side is it (two units are picked)."""
    sides = two_sides(question, _SIDES_RE)
    if sides is None and (m := _BOTH_RE.search(question)):
        return m.group(1).strip(), m.group(1).strip()
    return sides


_BOTH_RE = re.compile(r"\bthe two ([^?]+?)(?:\s+(?:in|on|of|from)\s+the\s+(?:deal|timeline|"
                      r"plan|implementation plan|table)\b|\s*\?|$)", re.IGNORECASE)


# The months' names in English (not calendar.month_name, which follows the process's locale).
MONTH_NAMES = ("January February March April May June July August September October November "
               "December").split()


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after (before, for n < 0) ``month`` of ``year``."""
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def months_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Months from (year, month) ``a`` to ``b`` (negative when ``b`` is earlier)."""
    return (b[0] - a[0]) * 12 + b[1] - a[1]


def month_number(name: str) -> int:
    """1..12 for a month's name or abbreviation ("Aug", "september")."""
    return _MONTHS.index(name[:3].lower()) + 1


def month_year(text: str) -> tuple[int, int] | None:
    """(year, month) of the first month-and-year in ``text`` ("Aug 2017", "April 2018")."""
    m = MONTH_YEAR_RE.search(text)
    return (int(m.group(2)), month_number(m.group(1))) if m else None


def _dates(c: Candidate) -> list[Dated]:
    exact = [Dated(c, m.group(0), month_number(m.group(1)), int(m.group(2)))
             for m in MONTH_YEAR_RE.finditer(c.text)]
    rough = [Dated(c, m.group(0), _ROUGH_MONTH[" ".join(m.group(1).lower().split())],
                   int(m.group(2)), rough=True) for m in _ROUGH_RE.finditer(c.text)]
    return exact + rough


# "fully operational in eighteen months' time": a time counted from when the text was written
_FROM_WRITING_RE = re.compile(rf"\b(?:in|within) (?P<n>\d+|{NUMBER_WORDS}) (?P<unit>months?|years?)"
                              r"(?:['’]? time|['’])?(?!\w)", re.IGNORECASE)


def _counted(c: Candidate, written: tuple[int, int] | None) -> list[Dated]:
    """The times ``c`` counts from when the deal was written (``written``: its year and
    month), each dated roughly; none without ``written``."""
    out = []
    for m in _FROM_WRITING_RE.finditer(c.text) if written else ():
        months = int(number_value(m.group("n"))) * (
            12 if m.group("unit").lower().startswith("year") else 1)
        year, month = add_months(*written, months)
        out.append(Dated(c, m.group(), month, year, rough=True, counted_from=written))
    # ("ready for starts next year": that year, no month)
    for m in RELATIVE_YEAR_RE.finditer(c.text) if written else ():
        year = written[0] + YEAR_OFFSET[m.group("which").lower()]
        out.append(Dated(c, m.group(), 6, year, rough=True, year_only=True,
                         counted_from=written))
    return out


def _years(c: Candidate) -> list[Dated]:
    return [Dated(c, m.group(1) or m.group(2), 6, int(m.group(1) or m.group(2)), rough=True,
                  year_only=True) for m in _YEAR_RE.finditer(c.text)]


def named_units(sides: Sequence[str], units: Sequence[Candidate]) -> list[Candidate]:
    """The ``units`` naming a name one of ``sides`` gives ("Vertex", "the Advanced Therapies
    Manufacturing Action Plan"; not the UK, the NHS ...)."""
    names = [POSSESSIVE_RE.sub("", m.group()).lower() for side in sides
             for m in re.finditer(NAME_WITH_AND, side)]
    names = [n for n in names if n not in GENERIC_NAMES]
    return [c for c in units if any(n in c.text.lower() for n in names)]


def is_dated(c: Candidate) -> bool:
    """``c`` dates something: by month and year, roughly, or by a year alone."""
    return bool(_dates(c) or _years(c))


SCAN = 20  # retrieved units searched for a dated event
YEAR_ALONE_MARGIN = 0.15  # how much better a unit dated by a year alone must state a side


def pick_dates(sides: Sequence[str], cands: list[Candidate], stats: TermStats,
               scan: int = SCAN, written: tuple[int, int] | None = None
               ) -> tuple[Dated, ...] | None:
    """One month-and-year per side: the date in the unit whose words (with the units before it
    that may name its subject) best cover the side's words; each stated apart. ``written``:
    when the deal was written, which times "in eighteen months' time" count from."""
    counted = [d for c in cands[:scan] for d in _counted(c, written)]
    dated = [d for c in cands[:scan] for d in _dates(c)] + [d for d in counted if not d.year_only]
    # (a year counted from the writing, "next year", only where no month dates the side)
    years = [d for c in cands[:scan] for d in _years(c)] + [d for d in counted if d.year_only]
    picked: list[Dated] = []
    for side in sides:
        # (with the deal's words for the side's everyday ones: "the first yearly review" is
        # the "Annual Review")
        said = stages_by_number(side)
        want = tokenize(f"{said} {load_plain_words().expand(said)}")
        # A side that gives its own month ("the strategy's November 2017 publication") is
        # looked for first among the units dated so ("Nov 2017 Industrial Strategy ...").
        given = month_year(side)
        same = [d for d in dated if not d.rough and (d.year, d.month) == given]
        best = None
        for found in (same, dated, years):
            pool = [d for d in found
                    if not any(d.candidate.unit is p.candidate.unit for p in picked)]
            if want and pool:
                best = max(pool, key=lambda d: _fit(stats, want, d))
                if _states(stats, want, best.candidate):
                    break
                best = None
        if best is not None and not best.year_only and given is None:
            # a year alone in a unit that states the side better ("creating 50 new jobs in
            # Wales by 2020" against the same firm's "announced in February 2017"; not where
            # the side gives its own month)
            pool = [d for d in years
                    if not any(d.candidate.unit is p.candidate.unit for p in picked)]
            alone = max(pool, key=lambda d: _fit(stats, want, d), default=None)
            if alone is not None and _states(stats, want, alone.candidate) \
                    and side_fit(stats, want, alone.candidate) \
                    > side_fit(stats, want, best.candidate) + YEAR_ALONE_MARGIN:
                best = alone
        if best is None:
            return None  # the deal dates nothing that this side names
        picked.append(best)
    return tuple(picked)


def _fit(stats: TermStats, want: list[str], d: Dated) -> float:
    return side_fit(stats, want, d.candidate) + 0.1 * d.candidate.score


def listed_events(question: str) -> list[str] | None:
    """Three or more events a question asks to be put in date order ("Put these in date
    order: A, B, and C."); None for other questions."""
    return listed_sides(question, EVENT_WORDS) if _IN_ORDER_RE.search(question) else None


_IN_ORDER_RE = re.compile(rf"\b{_IN_ORDER}", re.IGNORECASE)
EVENT_WORDS = 12  # an event listed is a short clause ("A signing with B"), not only a name


def date_order(dated: Sequence[Dated]) -> str:
    """ "2015, then December 2016, then February 2017": the dates, earliest first (the order
    of rough dates months apart only as the deal's words allow)."""
    return ", then ".join(d.label for d in sorted(dated, key=lambda d: d.index))


def _states(stats: TermStats, want: list[str], c: Candidate) -> bool:
    """``c`` dates the side (its words ``want``): in its own words, or in a sentence sharing
    some of them whose subject the sentences before it name ("... Strategy, led by Professor
    Sir John Bell. Published in August 2017, the strategy ...")."""
    own = stats.coverage(want, terms(c.text))
    return own >= MIN_SIDE_COVERAGE \
        or own > 0 and stats.coverage(want, context_terms(c)) >= CONTEXT_SIDE_COVERAGE


def months_between(a: Dated, b: Dated) -> str:
    """ "December 2016 came first: 2 months before February 2017"."""
    early, late = (a, b) if a.index <= b.index else (b, a)
    n = late.index - early.index
    if early.year_only or late.year_only:
        years = late.year - early.year
        if years == 0:
            return f"both fall in {late.year}"
        return (f"{early.label} came first, about {years} year{'s' if years != 1 else ''} "
                f"before {late.label}")
    if early.rough or late.rough:
        # "summer 2018" and "Dec 2018" are in order, but no month count between them is exact.
        if n < APPROX_GAP:
            return f"{early.label} and {late.label} are too close to tell which comes first"
        return f"{early.label} comes before {late.label}"
    if n == 0:
        return f"both are dated {early.label}"
    span = f"{n} month{'s' if n != 1 else ''}"
    if n >= 12:
        years, months = divmod(n, 12)
        span += f" ({years} year{'s' if years != 1 else ''}" + (
            f" and {months} month{'s' if months != 1 else ''})" if months else ")")
    return f"{early.label} came first, {span} before {late.label}"
