"""A figure the question gives, worked with one the deal states.

"Around 9 nurse FTEs per Clinical Commissioning Group", asked "across four CCGs, how many
nurse FTEs is that?", is about 36; "a new 15-year partnership", asked "if it started in 2017,
when would its term end?", ends around 2032; "2.4 per cent of GDP by 2027", asked "from 2017,
how many years away is it?", is 10 years off; "reducing patient stay ... by 25 per cent", asked
"if a stay used to be 8 days, what would it be?", is 6 days; "apply for settlement after three
years", asked "arriving in 2018, from what year could she apply?", is 2021; "ready for starts
next year", asked which year that is "given the deal dates from December 2017", is 2018; "a
4,500 sq ft CryoHub", asked "our cold room is 3,000 sq ft: how much more?", is 1,500 sq ft
more. The deal states one operand, the question the other: the answer quotes the deal's and
shows the working with the question's. Each reading needs its own cue in the question, so a
question stating a figure for another reason ("Is the £146m guaranteed?") is not worked.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.arithmetic import (Figure, Operation, Working, bounded, compute, figure_of,
                                  figures_in, format_value)
from assistant.asks import asks_year
from assistant.count_nouns import singular
from assistant.evidence import RELATIVE_YEAR_RE, YEAR_OFFSET
from assistant.name_match import acronym_in
from commitments.figures import NUMBER_WORDS, number_value

__all__ = ["gives_figure", "given_working", "set_against"]

_NUMBER = rf"\d+(?:\.\d+)?|{NUMBER_WORDS}"
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b(?!/)")

# "across four CCGs", "for ten trusts", "in 12 regions", "adopted by five CCGs", "our patch
# covers four CCGs": a count of things the deal states a rate for ("per Clinical Commissioning
# Group").
_COUNT_RE = re.compile(rf"\b(?:across|for|in|over|with|among|covering|covers?|spans?|spanning|"
                       rf"serves?|serving|by|at|to) "
                       rf"(?:an? [a-z]+ with |"
                       rf"(?:all |some |roughly |about |around )?)(?P<n>{_NUMBER}) "
                       r"(?:[a-z-]+ ){0,2}?(?P<noun>[A-Za-z][\w-]*s)\b", re.IGNORECASE)
_PER_RE = re.compile(r"\b(?:per|for each|in each|for every|in every) "
                     r"(?P<what>[A-Z][\w&-]*(?: [A-Z][\w&-]*)*|[a-z][\w-]+)")
# "when would its term end?", "which year would it finish?"
_ENDS_RE = re.compile(r"\b(?:when|which year|what year)\b[^?]*\b(?:end|ends|finish|finishes|"
                      r"expire|expires|run out|conclude|be over|wrap up|come to an end)\b",
                      re.IGNORECASE)
# "a new 15-year partnership", "contracts ... over the five years from April 2017", "apply for
# settlement after three years", "the challenges of the next 20 years"
_DURATION_RE = re.compile(rf"\b(?P<n>{_NUMBER})[- ]year\b|\bover the (?P<m>{_NUMBER}) years "
                          rf"(?:from|starting|beginning)\b|\b(?:after|within|the next) "
                          rf"(?P<k>{_NUMBER}) years\b", re.IGNORECASE)
# "counting back from 2017", "how many years earlier": the span is counted back
_BACK_RE = re.compile(r"\b(?:back|ago|earlier|before)\b", re.IGNORECASE)
# "how many years away is the target?", "how long until ..." from a year the question gives
_YEARS_UNTIL_RE = re.compile(r"\bhow many years\b[^?]*\b(?:away|off|until|till|ahead|to go|"
                             r"later|after|before)\b|\bhow (?:long|far) (?:away|off|ahead)\b",
                             re.IGNORECASE)
# "if a patient used to stay 8 days, what would the stay be ...?"
_QUANTITY_RE = re.compile(r"\b(?P<n>\d+(?:\.\d+)?) (?P<unit>days?|weeks?|months?|hours?|"
                          r"nights?|minutes?)\b", re.IGNORECASE)
# ("... how many days would that become?": a quantity asked as what it would become)
_WOULD_RE = re.compile(r"\b(?:if|suppose|assuming)\b[^?]*\b(?:what|how (?:many|much|long)"
                       r"(?: [a-z]+)?) would\b|\bwhat would\b[^?]*\bif\b", re.IGNORECASE)
_CHANGE_RE = re.compile(r"\b(?P<dir>reduc\w*|cut\w*|lower\w*|decreas\w*|shorten\w*|"
                        r"increas\w*|rais\w*|boost\w*)\b[^.;]{0,80}?\bby (?P<p>\d+(?:\.\d+)?)"
                        r" ?(?:per ?cent|%)", re.IGNORECASE)
_DOWN = ("reduc", "cut", "lower", "decreas", "shorten")
# "Our cold room is about 3,000 sq ft. How much more floor space will the CryoHub have?": a
# measure the question gives, set against the deal's in the same unit.
_MEASURE = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?) ?(?P<unit>sq(?:uare)? (?:ft|feet|metres|m)|" \
           r"m2|hectares?|acres?|beds?|litres?)\b"
_MEASURE_RE = re.compile(_MEASURE, re.IGNORECASE)
_HOW_MUCH_MORE_RE = re.compile(r"\bhow (?:much|many) (?:more|bigger|larger|less|smaller|fewer)\b",
                               re.IGNORECASE)


def gives_figure(question: str) -> bool:
    """Does ``question`` give a figure to work with one the deal states?"""
    one_year = len(_YEAR_RE.findall(question)) == 1
    return bool(_COUNT_RE.search(question) or _rate_base(question) is not None
                or _SPELL_RE.search(question) and (_HOW_MUCH_RE.search(question)
                                                   or set_against(question) is not None)
                or _MEASURE_RE.search(question)
                and _HOW_MUCH_MORE_RE.search(question) or one_year and (
        _ENDS_RE.search(question) or asks_year(question)
        or _WHEN_WRITTEN_RE.search(question) or _YEARS_UNTIL_RE.search(question))
        or _QUANTITY_RE.search(question) and _WOULD_RE.search(question))


def given_working(question: str, text: str) -> Working | None:
    """The working of the question's figure with the one ``text`` states, or None."""
    for read in (_scaled, _over_spell, _at_new_rate, _relative_year, _ends, _years_until,
                 _changed, _against_measure):
        given = read(question, text)
        if given is not None:
            return given
    return None


def _scaled(question: str, text: str) -> Working | None:
    for m in _COUNT_RE.finditer(question):
        noun = singular(m.group("noun")).lower()
        for per in _PER_RE.finditer(text):
            what = per.group("what").strip()
            if noun not in what.lower().split() and not acronym_in(noun.upper(), what):
                continue
            before = [f for f in figures_in(text[:per.start()]) if per.start() - f.end <= 60]
            if before:
                f, n = before[-1], Decimal(number_value(m.group("n")))
                bound = f"{f.bound} " if f.bound else ""
                return Working(f.text, f"{bound}{f.text} × {format_value(n, '')} = "
                                     f"{bound}{format_value(f.value * n, f.currency)}")
    return None


# "over the eighteen months until it opens", "across the next three years", "over a decade": a
# spell of time a yearly figure runs for
_SPELL_RE = re.compile(rf"\b(?:over|across|for|during|in|within) (?:the |a |its )?"
                       rf"(?:next |first |coming |following |whole )?(?:(?P<n>{_NUMBER}) "
                       rf"(?P<unit>years?|months?)|(?P<d>a|{_NUMBER}) decades?)\b",
                       re.IGNORECASE)
# (months as a division: eighteen months is exactly 1.5 years)
_IN_YEARS = {"year": lambda n: n, "month": lambda n: n / 12, "decade": lambda n: n * 10}
# (asked as a total: "what would that come to?")
_HOW_MUCH_RE = re.compile(r"\bhow much\b|\b(?:come|add up|amount) to\b", re.IGNORECASE)
# A figure given by the year: "some £2bn per annum", "£150m a year"
_YEARLY_RE = re.compile(r"\s*(?:per annum|a year|per year|each year|every year|annually)\b",
                        re.IGNORECASE)


def _over_spell(question: str, text: str) -> Working | None:
    """"If it kept its R&D spend steady over the eighteen months until the site opens, how
    much would it spend?": the yearly figure ``text`` states ("some £2bn per annum") times the
    spell in years (£3bn)."""
    m = _SPELL_RE.search(question)
    against = set_against(question)
    if m is None or not (_HOW_MUCH_RE.search(question) or against):
        return None
    yearly = [f for f in figures_in(text) if f.currency and _YEARLY_RE.match(text, f.end)]
    if len(yearly) != 1:
        return None  # no yearly sum, or which one is asked about is unclear
    f, count = yearly[0], "n" if m.group("n") else "d"
    unit = (m.group("unit") or "decade").lower().rstrip("s")
    n = Decimal(1) if m.group(count).lower() == "a" else Decimal(number_value(m.group(count)))
    years = _IN_YEARS[unit](n)
    spell = question[m.start(count):m.end()]
    if unit != "year":
        spell += f" ({format_value(years, '')} years)"
    bound = f"{f.bound} " if f.bound else ""
    total = figure_of(f.value * years, f.currency, f.bound)
    working = f"{bound}{f.text} a year × {spell} = {bounded(total)}"
    if against is not None and against.currency == f.currency:
        # "... how would that compare with the £80bn uplift?": the total set against it
        share = compute(Operation.PERCENT, total, against) \
            or compute(Operation.RATIO, total, against)
        working += f"; set against {bounded(against)}: {share}" if share else ""
    return Working(f.text, working)


# "how would that compare with the potential £80bn uplift?": a sum the question gives to set a
# worked total against
_COMPARE_RE = re.compile(r"\bcompare[sd]?\b|\bstack up\b|\bmeasure up\b|\bset (?:it |that )?"
                         r"against\b", re.IGNORECASE)


def set_against(question: str) -> Figure | None:
    """The one sum a question sets a worked total against ("how would that compare with the
    £80bn uplift?"), or None."""
    given = [f for f in figures_in(question) if f.currency]
    return given[0] if len(given) == 1 and _COMPARE_RE.search(question) else None


# "When were apprentices expected to start, given the deal was published in December 2017?":
# asked when, with the year the text was written.
_WHEN_WRITTEN_RE = re.compile(r"^(?=.*\bwhen\b)(?=.*\b(?:published|came out|dates? from|dated|"
                              r"written|released|issued)\b)", re.IGNORECASE | re.DOTALL)


def _relative_year(question: str, text: str) -> Working | None:
    """"Ready for starts next year", asked "which calendar year is that, given the deal dates
    from December 2017?": the year the question says the text was written, moved on (or
    back) as the text's words say."""
    years = _YEAR_RE.findall(question)
    r = RELATIVE_YEAR_RE.search(text)
    if len(years) != 1 or not r or not (asks_year(question) or _WHEN_WRITTEN_RE.search(question)):
        return None
    which, year = r.group("which").lower(), int(years[0])
    return Working(r.group(), f"{r.group()} from {year} = {year + YEAR_OFFSET[which]}")


def _ends(question: str, text: str) -> Working | None:
    """The year a span the deal states ends at (or, counted back, starts at), from the year the
    question gives; not where the deal states a later year itself (that year answers)."""
    years = _YEAR_RE.findall(question)
    d = _DURATION_RE.search(text)
    if len(years) != 1 or not d or not (_ENDS_RE.search(question)
                                        or asks_year(question)):
        return None
    n, year = int(number_value(d.group("n") or d.group("m") or d.group("k"))), int(years[0])
    if _BACK_RE.search(question):
        return Working(d.group(), f"{year} − {n} years = {year - n}")
    if any(int(y) > year for y in _YEAR_RE.findall(text)):
        return None
    return Working(d.group(), f"{year} + {n} years = {year + n}")


def _years_until(question: str, text: str) -> Working | None:
    years = _YEAR_RE.findall(question)
    if len(years) != 1 or not _YEARS_UNTIL_RE.search(question):
        return None
    later = [y for y in _YEAR_RE.findall(text) if int(y) > int(years[0])]
    if not later:
        return None
    return Working(later[0], f"{later[0]} − {years[0]} = {int(later[0]) - int(years[0])} years")


# "Our company will spend £1m on qualifying R&D. How much more credit is that worth at the new
# rate?": a sum the question gives, worked at a rate the deal changes "from 11 to 12 per cent".
_AT_RATE_RE = re.compile(r"\b(?:new|higher|lower|raised|increased|changed) rate\b|\bat (?:the )?"
                         r"(?:new|higher|increased) (?:rate|level)\b", re.IGNORECASE)
_RATE_FROM_TO_RE = re.compile(r"\bfrom (?P<a>\d+(?:\.\d+)?)(?: per ?cent|%)? to "
                              r"(?P<b>\d+(?:\.\d+)?)(?: per ?cent|%)", re.IGNORECASE)


def _rate_base(question: str):
    """The one money sum a question asking what it is worth at a new rate gives, or None."""
    sums = [f for f in figures_in(question) if f.currency]
    if len(sums) != 1 or not _AT_RATE_RE.search(question) \
            or not _HOW_MUCH_MORE_RE.search(question):
        return None
    return sums[0]


def _at_new_rate(question: str, text: str) -> Working | None:
    base = _rate_base(question)
    rate = _RATE_FROM_TO_RE.search(text)
    if base is None or rate is None:
        return None
    a, b = Decimal(rate.group("a")), Decimal(rate.group("b"))
    gap = (b - a).normalize()
    extra = format_value((base.value * abs(gap) / 100).normalize(), base.currency)
    points = f"{gap.copy_abs():f} percentage point{'' if abs(gap) == 1 else 's'}"
    more = "more" if gap > 0 else "less"
    return Working(rate.group(), f"{base.text} × {points} ({a:f}% → {b:f}%) = {extra} {more}")


def _changed(question: str, text: str) -> Working | None:
    q = _QUANTITY_RE.search(question)
    c = _CHANGE_RE.search(text)
    if not q or not c or not _WOULD_RE.search(question):
        return None
    value, share = Decimal(q.group("n")), Decimal(c.group("p")) / 100
    down = c.group("dir").lower().startswith(_DOWN)
    result = value * (1 - share if down else 1 + share)
    shown = format_value(result.quantize(Decimal("0.1")).normalize(), "")
    sign = "−" if down else "+"
    return Working(f"{c.group('p')} per cent" if "per" in c.group() else f"{c.group('p')}%",
                 f"{q.group()} {sign} {c.group('p')}% = about {shown} {q.group('unit')}")


def _against_measure(question: str, text: str) -> Working | None:
    """The deal's measure less the one the question gives, in the same unit."""
    q = _MEASURE_RE.search(question)
    if not q or not _HOW_MUCH_MORE_RE.search(question):
        return None
    unit = _unit_key(q.group("unit"))
    found = next((m for m in _MEASURE_RE.finditer(text) if _unit_key(m.group("unit")) == unit),
                 None)
    if found is None:
        return None
    ours, theirs = (Decimal(number_value(m.group("n"))) for m in (found, q))
    gap = format_value(abs(ours - theirs), "")
    more = "more" if ours >= theirs else "less"
    return Working(found.group(), f"{found.group()} − {q.group()} = {gap} {found.group('unit')}"
                                  f" {more}")


def _unit_key(unit: str) -> str:
    """"square feet" and "sq ft" are one unit."""
    u = unit.lower().replace("square", "sq").replace("feet", "ft").replace("metres", "m")
    return u.rstrip("s") if not u.startswith("sq") else u
