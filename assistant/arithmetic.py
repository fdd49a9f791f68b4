"""Sums and differences the deal implies but does not state ("how much more ... than ...").

The answer quotes both figures verbatim and then shows the working, e.g.
"£66m − £12m = £54m", so a reader can check it against the cited passages.

This module reads the figures and the operation a question asks for and works it out; which
two figures it is worked on is chosen in ``figure_pairs.py``, and the parts of a total the
question states are found in ``total_parts.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import NamedTuple

from assistant.evidence import counts_nothing
from assistant.sides import two_sides
from retrieval.text import find_amounts

__all__ = ["BETWEEN_SIDES", "REST_OF_WHOLE", "COMPARING_SIDES", "SHARED_SUM_RE", "Operation",
           "Figure",
           "Working", "detect_operation", "figures_in", "compute", "compute_sum", "bounded",
           "format_value", "percent_sides", "percent_text", "added", "figure_of", "WITHIN_SENTENCE",
           "compute_on_sum"]


RATIO_WHOLE = 10  # a ratio this large is also given to the nearest whole number


class Operation(str, Enum):
    SUM = "sum"
    DIFFERENCE = "difference"
    COMPARE = "compare"  # "Which is larger: A or B?"
    RATIO = "ratio"  # "How many times larger is A than B?"
    PERCENT = "percent"  # "What percentage of A goes on B?"


# "How many relocated staff does the site take for every new role?": ``a`` per ``b``
FOR_EVERY_SIDES = r"\bhow (?:much|many) (?P<a>[^?]+?) for (?:every|each) (?P<b>[^?]+)"
# "How many times larger is the fund than the seed money?"
_RATIO = re.compile(r"\bhow many times\b|\btimes (?:as (?:much|large|big|many)|more|larger|bigger|"
                    r"greater|the size)\b|\bratio\b|"
                    # "How many relocated staff does the site take for every new role?"
                    rf"{FOR_EVERY_SIDES}", re.IGNORECASE)
# "Comparing A with B, which ...?", "Between A and B, which ...?": two sides set against each
# other before the question proper (``figure_pairs`` reads the sides).
COMPARING_SIDES = (r"^(?:comparing|compare|between) (?P<a>[^?,]{1,160}?) (?:with|to|and|against) "
                   r"(?P<b>[^?,]{1,160}?),\s*(?:which|who|what)\b")
# "Which is the larger sum: A or B?", "Which gets more: A or B?", "How do A compare with B?":
# two things named as alternatives, or set against each other.
_COMPARE = re.compile(
    r"\bwhich\b[^?]{0,100}?\b(?:more|larger|bigger|greater|higher|less|smaller|lower|fewer)\b"
    r"[^?]{0,160}?\bor\b|\bhow (?:does|do|did) [^?]{1,160}?\bcompare\b|"
    # "Does Adaptimmune employ more people than Vertex has in Oxford?"
    r"^(?:does|do|did|is|are|was|were|will|would|has|have)\b[^?]{1,80}?\b(?:more|larger|bigger|"
    r"greater|higher|less|smaller|lower|fewer)\b[^?]{0,60}?\bthan\b|"
    # "Will MSD's new roles outnumber the people at Vertex's site?", "Compare headcounts: A
    # versus B"
    r"^(?:does|do|did|is|are|was|were|will|would|has|have)\b[^?]{1,80}?\b(?:outnumber|exceed|"
    r"outstrip|surpass)\b|\bcompare\b[^?]{1,160}?\b(?:versus|vs\.?|against)\b|"
    # "What's the scale of A's stake, compared with B's fundraising?" (not "What saving did it
    # achieve compared with a conventional trial?", nor "... compared with the 20,000 target?":
    # a figure the question gives)
    r"^(?:what|how (?:big|large|much|many))\b[^?]{1,160}?, (?:compared|set against) "
    r"(?:with|to)\b(?![^?]*\b(?!(?:19|20)\d\d\b)\d)|"
    # "Comparing A with B, which creates more jobs?", "Between A and B, which gets less?"
    rf"{COMPARING_SIDES}[^?]{{0,80}}?\b(?:more|larger|bigger|greater|higher|less|smaller|"
    r"lower|fewer)\b", re.IGNORECASE)


# What is left of a whole once a part is taken: "things other than the vaccines centre".
# ("... comes from somewhere other than the grant", "What's left of the £350m programme after
# the innovation centre is paid for?": the words after it name the part)
REST_OF_WHOLE = (r"(?:(?:things|everything|anything|whatever|all|somewhere|anywhere|sources?) "
                 r"(?:else )?(?:other than|apart from|except|besides)|"
                 r"\bleft of\b[^?]{1,100}?\b(?:after|once|when|if)\b)")
_DIFFERENCE = re.compile(
    # "How many more jobs will the site create?" asks for the increase the deal states ("100
    # more jobs", "12 per cent more theatre utilisation"): a difference needs something to
    # set it against.
    r"\b(how (?:much|many) (?:more|less|fewer|bigger|larger|smaller|higher|lower|greater)\b"
    r"(?=.*\b(?:than|versus|vs\.?|compared|between|exceed\w*|still|reach|from\b.+\bto)\b)|"
    # "Compare the jobs at A with those at B. Roughly how many more does one create?": the
    # two set side by side before the question asks by how much
    # "The summary lists £406m for A and £64m for B. How much larger is the first sum?": the
    # statement before sets the two side by side
    r"(?<=[.!:] )how (?:much|many) (?:larger|bigger|greater|higher|smaller|lower)\b|"
    r"\bcompar\w* [^?]{1,200}?\b(?:with|to|and|against)\b[^?]{1,200}?\bhow (?:much|many) "
    r"(?:more|less|fewer|bigger|larger|smaller|higher|lower|greater)\b|"
    # "By how much will it rise between 2016/17 and 2021/22?" compares two figures; "By how
    # much should hospital stays shrink?" asks for one (a "25 per cent" cut).
    # ("By how much does A outspend B?": a verb that sets one against the other)
    r"by how much\b(?=.*\b(?:between|than|exceed|compared|versus|from\b.+\bto|surpass\w*|"
    r"out(?:spend|strip|number|weigh|do|pace|invest|grow)\w*)\b)|difference|"
    r"gap between|not covered|left over|remain(?:s|ing)?|(?:rise|grow|increase|fall|drop|change)"
    r"s? (?:from .{1,40} )?between|more than .{1,60} than|"
    # "Of the £162m, how much is for things other than the vaccines centre?": the rest of a
    # whole, not a figure set aside ("leaving aside the top-up")
    rf"{REST_OF_WHOLE}|"
    # "How much of the programme is left once Nexus is taken out?"
    # "Setting aside the grant, how much of the package comes from elsewhere?"
    r"how much of\b[^?]{1,80}?\b(?:comes?|came|coming|is) from (?:elsewhere|other sources)|"
    r"left (?:once|after|when|if)|(?:taken|take|strip(?:s|ped|ping)?) (?:out|away)|minus|"
    r"subtract\w*|deduct\w*|"
    # "If Nexus takes £40m of the £350m programme, how much is left for everything else?"
    r"how much\b[^?]{0,60}?\b(?:is|be) left\b|"
    # "... strip out the innovation centre: what sum is left for everything else?"
    r"\bwhat (?:sum|amount|money|figure) (?:is|would be|will be) left\b|"
    # "Compare A with B - what's the gap?" (not "the gap in skills")
    r"(?:what(?:['’]s| is| was)|how (?:big|large|wide) is) the gap(?=\s*(?:\?|$|between\b|"
    r"in (?:pounds|money|cash|funding|jobs|staff|people|employees)\b))|"
    # "Net of the state's £146m, how far ahead are the pledges it drew in?"
    r"net of|how far (?:ahead|behind|apart|short)|"
    # "How much private money will the fund bring in on top of its own stake?"
    r"(?:on top of|over and above|beyond) (?:its|their|[\w-]+['’]s) own)\b",
    re.IGNORECASE)
# "Between A and B, roughly how many new jobs are being created?": two sides a question opens
# with, before asking a figure of them (a sum; "how many more" asks a difference).
BETWEEN_SIDES = (r"^(?:between|across) (?P<a>[^?,]{1,160}?) and (?P<b>[^?,]{1,160}?),\s*"
                 r"(?:[a-z]+ ){0,3}?how (?:many|much)\b(?! more| less| fewer)")
# "In total" alone is not a sum ("how much has X raised in total?" asks for one figure): a sum
# needs two things put together.
_SUM = re.compile(
    r"\b(together|combined|in all|altogether|add(?:s|ed|ing)? (?:up|together)|sum of|"
    r"total of .{1,60} and|add(?:ing)? (?:the |its )?[^?]{1,80}? to|"
    r"counting .{1,60} too|counting (?:both )?[^?]{1,60}\band\b|(?<!-)plus|both .{1,60} and|"
    # "How much is aimed at therapies if you count A, B and C?"
    r"if (?:you|we) (?:count|add(?: up)?|include) [^?]{1,120}?,[^?]{1,120}?\band\b|"
    r"across (?:its |their |the )?(?:two|three|four|both|all)\b|"
    r"across (?:its|their|the) [^?]{1,40}\band\b|between them|"
    # "Adding A, B and C, what's the total?", "Tot up every ... sum"
    # ("Summing the three pound figures ... (A, B and C), what total do you get?")
    r"^(?:add(?:ing)?|sum(?:ming)? up|summing)\b(?=[^?]*,)|tot(?:s|ting|ted)? up)\b"
    rf"|{BETWEEN_SIDES}", re.IGNORECASE)
# "firms doing research and development together", "working together": joint work, not a sum
# (not "what do they come to when added together?": the adding is the sum; nor "what do A and
# B come to together?": an amount they come to)
_JOINT_WORK_RE = re.compile(r"\b(?:work(?:s|ed|ing)?|collaborat\w*|partner(?:s|ed|ing)?|doing|"
                            r"(?:com(?:e|es|ing)|came)(?! to\b)|join(?:s|ed|ing)?)\b"
                            r"(?: (?!add(?:s|ed|ing)?\b|put\b|taken\b|summed\b)[a-z&'’-]+){0,4}? "
                            r"together\b", re.IGNORECASE)
# A sum stated for several things at once: "This £146m will fund two new national centres" (not
# a sum over a span of time: "£950m over the five years from April 2017").
SHARED_SUM_RE = re.compile(r"[£$€]\s?\d[\d.,]*\s?(?:m|bn|million|billion)?\b[^.;£$€]{0,40}\b"
                           r"(two|three|four|five|six|both|several)\b"
                           r"(?! (?:years?|months?|weeks?|days?|decades?)\b)", re.IGNORECASE)
# (after a point only where it is no decimal point: "c.800 additional staff" is circa 800)
_COUNT = re.compile(r"(?<![£$€\d,/])(?<!\d\.)\b\d{1,3}(?:,\d{3})+\b|"
                    r"(?<![£$€\d,/])(?<!\d\.)\b\d+\b(?![.,]\d)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


# Within one sentence, where a decimal point ("£9.5bn") is no full stop: a regex piece for one
# character of it.
WITHIN_SENTENCE = r"(?:[^.;]|\.(?=\d))"


class Working(NamedTuple):
    """Something worked out from one unit's figure: the figure as the unit writes it
    (``anchor``, what its quote must hold) and the working shown ("9 × 4 = 36")."""

    anchor: str
    working: str


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: Decimal
    currency: str  # "£", "$", "€"; "" for a count
    bound: str = ""  # the word before it that bounds it: "over", "up to", "around" ...

    @property
    def kind(self) -> str:
        return self.currency or "count"


_BOUND_RE = re.compile(r"\b(over|more than|at least|up to|around|about|approximately|nearly|"
                       r"almost|c\.)\s*$", re.IGNORECASE)
_BOUNDS = ({"over", "more than", "at least"}, {"up to"},
           {"around", "about", "approximately", "nearly", "almost", "c."})


def _bound(text: str, start: int) -> str:
    m = _BOUND_RE.search(text, max(0, start - 16), start)
    return m.group(1).lower() if m else ""


def _sum_bound(*figures: Figure) -> str:
    """ "over £7bn" + "£1bn" is "over £8bn": a sum keeps a bound its operands share (an exact
    figure shares every bound); bounds that pull apart ("over" and "up to") give none."""
    words = [f.bound for f in figures if f.bound]
    group = next((g for g in _BOUNDS if words and all(w in g for w in words)), None)
    return f"{words[0]} " if group is not None else ""


# "What percentage of the fund's pot goes on the vaccine centre?", "What share of the £146m
# does the centre get?": part ÷ whole, where the deal states both and not the share. Group
# ``a`` is the part, ``b`` the whole.
_PERCENT_SIDES_RE = (
    re.compile(r"\b(?:what|which) (?:rough |approximate )?(?:percentage|proportion|share|"
               r"fraction|per ?cent|part) of (?P<b>[^?]+?),? (?:goes|go|went|is going|will go|is "
               r"spent|is being spent|will be spent|is allocated|is earmarked|is set aside)\s+"
               r"(?:on|to|towards?|into|for) (?P<a>[^?]+)", re.IGNORECASE),
    re.compile(r"\b(?:what|which) (?:rough |approximate )?(?:percentage|proportion|share|"
               r"fraction|per ?cent|part) of (?P<b>[^?]+?) (?:does|do|did|will|would) "
               r"(?P<a>[^?]+?) (?:get|receive|take|account for|make up|represent)\b",
               re.IGNORECASE),
    # "What share of the £1.3bn raised since 2013 is accounted for by Adaptimmune's own
    # fundraising?": the part named after "by"
    re.compile(r"\b(?:what|which) (?:rough |approximate )?(?:percentage|proportion|share|"
               r"fraction|per ?cent|part) of (?P<b>[^?]+?) (?:is|are|was|were) (?:accounted "
               r"for|made up|taken up|represented|contributed|covered) by (?P<a>[^?]+)",
               re.IGNORECASE),
    # "What share of the £20bn total is the EIS change expected to deliver?": a part that
    # brings in some of the whole
    re.compile(r"\b(?:what|which) (?:rough |approximate )?(?:percentage|proportion|share|"
               r"fraction|per ?cent|part) of (?P<b>[^?]+?) (?:is|are|was|were|does|do|did|will|"
               r"would) (?P<a>[^?]+?) (?:(?:expected|set|likely|going|projected|meant) to )?"
               r"(?:deliver|provide|contribute|bring in|raise|release|unlock|realise|realize|"
               r"generate|supply|cover)\b", re.IGNORECASE),
    # "How much does the programme put into Stevenage, and what's that as a share of the
    # whole £146m?": the figure asked first is the part
    re.compile(r"\bhow much (?P<a>[^?]+?),? and (?:what(?:['’]s| is| was) )?(?:that|this|it) "
               r"(?:as|in) (?:a |the )?(?:share|proportion|percentage|fraction|per ?cent) of "
               r"(?P<b>[^?]+)", re.IGNORECASE),
    # "What fraction of the planned £12.5bn budget is the new £2.3bn uplift?" (a part the
    # question states: "what percentage of the staff are scientists?" asks a share of people,
    # which no two figures give)
    re.compile(r"\b(?:what|which) (?:rough |approximate )?(?:percentage|proportion|share|"
               r"fraction|per ?cent|part) of (?P<b>[^?]+?) (?:is|are|was|were) (?!for\b|going\b|"
               r"spent\b|set\b|allocated\b|earmarked\b)(?P<a>[^?]*?[£$€]\d[^?]*)",
               re.IGNORECASE),
    # "What share of the £162m manufacturing commitment is the viral vector money?": a whole
    # the question states, of which the thing named after it is a part
    re.compile(r"\b(?:what|which) (?:rough |approximate )?(?:percentage|proportion|share|"
               r"fraction|per ?cent|part) of (?P<b>(?:the |its |their )?[£$€]\d[^?]*?) "
               r"(?:is|are|was|were) (?!for\b|going\b|spent\b|set\b|allocated\b|earmarked\b)"
               r"(?P<a>[^?]+)",
               re.IGNORECASE),
    # "AstraZeneca's yearly spend is roughly what share of public R&D in 2016/17?"
    re.compile(r"^(?P<a>[^?]+?),? (?:is|are|was|were) (?:roughly |about |approximately |around )?"
               r"(?:what|which) (?:rough |approximate )?(?:percentage|proportion|share|fraction|"
               r"per ?cent|part) of (?P<b>[^?]+)", re.IGNORECASE),
)


def percent_sides(question: str) -> tuple[str, str] | None:
    """(part, whole) of a question asking what share of a whole a part is, or None."""
    return two_sides(question, _PERCENT_SIDES_RE)


def detect_operation(question: str) -> Operation | None:
    if percent_sides(question):
        return Operation.PERCENT
    if _RATIO.search(question):
        return Operation.RATIO
    if _DIFFERENCE.search(question):
        return Operation.DIFFERENCE
    if _COMPARE.search(question):
        return Operation.COMPARE
    if _SUM.search(_JOINT_WORK_RE.sub(" ", question)):
        return Operation.SUM
    return None


def figures_in(text: str) -> list[Figure]:
    """Money amounts and plain counts (not years, not percentages) in ``text``."""
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for a in find_amounts(text):
        if a.currency and not a.is_percent:
            out.append(Figure(a.start, a.end, a.text.strip(), a.value, a.currency,
                              _bound(text, a.start)))
        taken.append((a.start, a.end))
    for m in _COUNT.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or _YEAR.match(m.group()):
            continue
        if re.match(r"\s?(?:per cent|percent|%|/\d|m\b|bn\b|k\b)", text[m.end() : m.end() + 9]):
            continue
        if counts_nothing(text, m.start(), m.end()):
            continue
        out.append(Figure(m.start(), m.end(), m.group(), Decimal(m.group().replace(",", "")), "",
                          _bound(text, m.start())))
    return sorted(out, key=lambda f: f.start)


def format_value(value: Decimal, currency: str) -> str:
    """"£1.15m", "£2bn", "$6,667", "42,000": a computed figure written as the deal writes them."""
    if not currency:
        return f"{int(value):,}" if value == value.to_integral_value() else f"{value:,}"
    for suffix, unit in (("bn", Decimal(10) ** 9), ("m", Decimal(10) ** 6)):
        if abs(value) >= unit:
            v = format((value / unit).normalize(), "f")
            return f"{currency}{v}{suffix}"
    return f"{currency}{value:,.0f}"


def percent_text(share: Decimal) -> str:
    """A worked-out percentage, exact where it is whole ("25%"), else to one decimal with the
    whole number beside it ("about 8.2% (roughly 8%)"): an official checking a share needs the
    decimal a rounded figure hides, a reader the round number."""
    whole = share.quantize(Decimal("1"), ROUND_HALF_UP)
    if whole == share:
        return f"{whole}%"
    tenth = share.quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"about {whole}%" if tenth == whole else f"about {tenth}% (roughly {whole}%)"


def bounded(f: Figure) -> str:
    """The figure with the word that bounds it: "over £7bn", "up to £500m"."""
    return f"{f.bound} {f.text}" if f.bound else f.text


def _diff_bound(hi: Figure, lo: Figure) -> str:
    """"over 200" less "140" is over 60; "200" less "up to 140" at least 60; bounds on both
    sides leave only an estimate."""
    if not hi.bound and not lo.bound:
        return ""
    if hi.bound in _BOUNDS[0] and not lo.bound:
        return f"{hi.bound} "
    if lo.bound == "up to" and not hi.bound:
        return "at least "
    return "about "


# Shares a reader says in words: "a quarter of its yearly R&D spend", "half the genomes".
_FRACTIONS = ((Decimal(1) / 2, "half"), (Decimal(1) / 3, "a third"),
              (Decimal(2) / 3, "two-thirds"), (Decimal(1) / 4, "a quarter"),
              (Decimal(3) / 4, "three-quarters"), (Decimal(1) / 5, "a fifth"),
              (Decimal(1) / 10, "a tenth"))
FRACTION_TOLERANCE = Decimal("0.06")  # of the fraction: 0.26 is "about a quarter", 0.27 not


def _as_fraction(part: Figure, whole: Figure, template: str) -> str:
    """``template`` filled with the common fraction ``part`` is of ``whole`` ("a quarter"),
    or "" when it is none of them."""
    if not whole.value or part.value > whole.value:
        return ""
    share = part.value / whole.value
    words = next((w for f, w in _FRACTIONS if abs(share - f) <= FRACTION_TOLERANCE * f), None)
    return template.format(part=part.text, whole=whole.text, words=words) if words else ""


def figure_of(value: Decimal, currency: str, bound: str = "") -> Figure:
    """A figure worked out (not quoted): written as the deal writes its figures."""
    return Figure(0, 0, format_value(value, currency), value, currency, bound)


def added(figures: list[Figure]) -> Figure:
    """The sum of ``figures`` (of one kind), keeping a bound they share ("over £8bn")."""
    return figure_of(sum((f.value for f in figures), Decimal(0)), figures[0].currency,
                     _sum_bound(*figures).strip())


def compute_sum(figures: list[Figure]) -> str | None:
    """"£146m + £16m + up to £210m = up to £372m"; None when units differ."""
    if len({f.kind for f in figures}) != 1:
        return None
    return f"{' + '.join(bounded(f) for f in figures)} = {bounded(added(figures))}"


def compute_on_sum(op: Operation, a: Figure, parts: list[Figure]) -> str | None:
    """``parts`` added, then ``op`` of ``a`` and their total: "128 + 140 = 268; 140 ÷ 268 =
    about 52.2% (roughly 52%)" (``a`` is the part of a share, the figure compared with the
    total); None when units differ."""
    total = compute_sum(parts)
    worked = compute(op, a, added(parts)) if total is not None else None
    return f"{total}; {worked}" if worked else None


def compute(op: Operation, a: Figure, b: Figure) -> str | None:
    """"£66m − £12m = £54m" (larger first for a difference); None when units differ."""
    if a.kind != b.kind:
        return None
    if op is Operation.SUM:
        return compute_sum([a, b])
    hi, lo = (a, b) if a.value >= b.value else (b, a)
    if op is Operation.COMPARE:
        if hi.value == lo.value:
            return f"{a.text} and {b.text} are the same amount"
        return (f"{bounded(hi)} is {_diff_bound(hi, lo)}"
                f"{format_value(hi.value - lo.value, a.currency)} more than {bounded(lo)}"
                + _as_fraction(lo, hi, "; {part} is about {words} of {whole}"))
    if op is Operation.PERCENT:  # ``a`` is the part, ``b`` the whole
        if not b.value or a.value > b.value:
            return None
        share = percent_text(a.value * 100 / b.value)
        return f"{bounded(a)} ÷ {bounded(b)} = {share}" + _as_fraction(a, b, " ({words})")
    if op is Operation.RATIO:
        if not lo.value:
            return None
        # An exact ratio of two decimals is given as it is ("£350m ÷ £40m = 8.75 times"), not
        # rounded to a number the figures do not give; any other to one decimal.
        ratio = hi.value / lo.value
        exact = ratio.quantize(Decimal("0.01"))
        times = (exact if exact == ratio
                 else ratio.quantize(Decimal("0.1"), ROUND_HALF_UP)).normalize()
        whole = times.quantize(Decimal("1"), ROUND_HALF_UP)
        # (a large ratio is read as a whole number: "17.1 times, about 17")
        about = f", about {whole}" if times >= RATIO_WHOLE and whole != times else ""
        return f"{hi.text} ÷ {lo.text} = {format(times, 'f')} times{about}"
    return f"{hi.text} − {lo.text} = {format_value(hi.value - lo.value, a.currency)}"
