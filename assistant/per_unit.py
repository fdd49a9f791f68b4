"""Averages the deal implies but does not state.

"Over £20bn of patient capital investment over 10 years", asked "averaged out, how much a
year?", is over £2bn a year; "a new £115m research centre ... employing up to 100 scientists",
asked "how much for each scientist?", is at least £1.15m each. Only a question that asks to
share a figure out ("averaged", "spread evenly", "shared equally", "works out at per ...")
gets one: "How much does it spend each year?" wants the yearly figure the deal states. The
answer quotes the figures verbatim and shows the working, as sums and differences do (see
``assistant.arithmetic``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from assistant.arithmetic import Figure, figures_in, format_value
from assistant.evidence import PER_PERIOD_RE
from assistant.count_nouns import COUNT_NOUN_SYNONYMS, plural, singular
from commitments.figures import number_value

__all__ = ["Share", "asks_average", "money_words", "per_noun", "share_in"]

# The question asks for a figure shared out, not for one the deal states.
_AVERAGE_RE = re.compile(
    r"\b(?:averag\w*|on average|spread (?:evenly|equally|out|over)|"
    r"(?:shared?|split|divided?) (?:out )?(?:equally|evenly)|divid\w* [^?]{1,80}?\bby\b|"
    r"work(?:s|ed)? out (?:at|to|as)|per head)\b", re.IGNORECASE)
# What the figure is shared among: "per participant", "for each scientist", "a year".
# (a place's acronym or an everyday modifier may stand before it: "per UK employee")
_PER_RE = re.compile(r"\b(?:per|for each|for every|each|every) "
                     r"(?:(?-i:[A-Z]{2,4}) |(?:new|full-time|additional|extra) )?([a-z-]{3,})\b|"
                     r"\b(?:a|per) (year|month)\b|\bper (head)\b|"
                     # "what annual uplift ...?", "the yearly figure"
                     r"\b(annual(?:ly)?|yearly|monthly)\b|"
                     # "each of the three advanced therapy treatment centres": its last plural
                     r"\beach of (?:the|its|their|these|those) (?:[\w-]+ ){0,4}?([a-z-]{3,}s)\b",
                     re.IGNORECASE)
_TIME_NOUNS = {"year": "year", "annum": "year", "month": "month", "annual": "year",
               "annually": "year", "yearly": "year", "monthly": "month"}
# A count a figure is shared over, in digits or words (valued by ``number_value``).
_NUMBER = (r"(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
           r"twenty)")
# "over 10 years", "over the next ten years", "a 10-year programme"
_SPAN_RE = {unit: re.compile(rf"\b(?:over|across|during|for|in) (?:the |a |its )?"
                             rf"(?:next |first |coming |following )?{_NUMBER} {unit}s\b|"
                             rf"\b{_NUMBER}[- ]{unit}\b", re.IGNORECASE)
            for unit in ("year", "month")}
_COUNT_BOUND_RE = re.compile(r"\b(up to|over|more than|at least|around|about|nearly|almost|"
                             r"c\.)\s*$", re.IGNORECASE)
# Sharing a figure turns its bound round: up to 100 scientists is at least £1.15m each.
_INVERSE = {"up to": "at least", "over": "at most", "more than": "at most", "at least": "at most"}
_LOWER = {"over", "more than", "at least"}


# "How much ... for each scientist?": the deal gives few figures per person or per site, so
# a share of a total answers; "how much each year?" often has its yearly figure stated.
_PER_THING_RE = re.compile(r"\bhow much\b[^?]*\b(?:per|for each|for every) (?!year|annum|month)"
                           r"[a-z-]{3,}", re.IGNORECASE)


def asks_average(question: str) -> bool:
    return bool(_AVERAGE_RE.search(question) or _PER_THING_RE.search(question))


def per_noun(question: str) -> str | None:
    """What the question shares a figure among ("year", "scientist"), singular; None if none."""
    for m in _PER_RE.finditer(question):
        word = next(g for g in m.groups() if g).lower()
        if word in _TIME_NOUNS:
            return _TIME_NOUNS[word]
        if word not in ("other", "one", "time", "these", "those", "the"):
            return "person" if word == "head" else singular(word)
    return None


@dataclass(frozen=True)
class Share:
    figure: Figure  # the amount shared out, as the deal gives it
    divisor: str  # as written: "10", "up to 100", "three"
    working: str  # "over £20bn ÷ 10 years = over £2bn a year"


# What a money figure is: "a total investment of £9.7m", "a £3.3m ... grant from ...".
_MONEY_NOUNS = frozenset({"investment", "invest", "grant", "funding", "fund", "cost", "spend",
                          "spending", "budget", "capital", "finance", "programme", "contribution"})
_OF_BEFORE_RE = re.compile(r"([a-z]+) (?:of|worth|totalling|at)(?: [a-z]+)? $")
# A noun phrase after a figure ends at a preposition, a relative word or a verb's auxiliary.
_PHRASE_END = frozenset({"from", "in", "to", "for", "which", "that", "will", "is", "are", "was",
                         "by", "with", "over", "at", "on", "into", "has", "have", "across"})


def money_words(question: str) -> frozenset[str]:
    """The question's words that say what kind of money it shares out ("investment")."""
    return frozenset(w for w in re.findall(r"[a-z]+", question.lower()) if w in _MONEY_NOUNS)


def _named(text: str, f: Figure) -> frozenset[str]:
    """The words naming what figure ``f`` is: the noun before "of £X", the phrase after it."""
    words: set[str] = set()
    m = _OF_BEFORE_RE.search(text[max(0, f.start - 40): f.start].lower())
    if m:
        words.add(m.group(1))
    for w in re.findall(r"[\w&'’-]+|[,.;:()]", text[f.end: f.end + 80].lower())[:8]:
        if w in _PHRASE_END or not w[0].isalnum():
            break
        words.add(w)
    return frozenset(words)


def share_in(text: str, noun: str, kind: frozenset[str] = frozenset()) -> Share | None:
    """The money figure in ``text`` shared out over the count of ``noun`` it states, or None
    where ``text`` states no such count or no money figure. Of several, the one named by a word
    of ``kind`` ("investment": "a total investment of £9.7m", not "a £3.3m ... grant"), else
    the nearest to the count."""
    found = _count_of(text, noun)
    if found is None:
        return None
    start, end, count = found
    money = [f for f in figures_in(text) if f.currency and not (f.start <= start < f.end)
             and not PER_PERIOD_RE.match(text, f.end + 1)]
    if not money or not count:
        return None
    # (in the count's own sentence first: "... raised over £300m ... and has over 200 UK
    # employees. In 2017 alone it raised $100m." shares the £300m)
    fig = min(money, key=lambda f: (not kind & _named(text, f), _apart(text, f.start, start),
                                    abs(f.start - start)))
    # "over 10 years" says how long, not "more than ten"
    m = None if noun in _SPAN_RE else _COUNT_BOUND_RE.search(text, max(0, start - 12), start)
    bound = m.group(1).lower() if m else ""
    divisor = f"{bound} {text[start:end]}".strip()
    value = fig.value / count
    if value >= 1000:  # whole pounds: "$6,667", not "$6,666.67"
        value = value.quantize(Decimal("1"), ROUND_HALF_UP)
    result = f"{_result_bound(fig.bound, bound)}{format_value(value, fig.currency)}"
    per = f"a {noun}" if noun in ("year", "month") else f"per {noun}"
    shared = f"{fig.bound} {fig.text}".strip()
    working = f"{shared} ÷ {divisor} {plural(noun) if count != 1 else noun} = {result} {per}"
    return Share(fig, divisor, working)


def _count_of(text: str, noun: str) -> tuple[int, int, Decimal] | None:
    """(start, end, value) of the count of ``noun`` that ``text`` states, if any."""
    if noun in _SPAN_RE:
        m = _SPAN_RE[noun].search(text)
        if m is None:
            return None
        g = 1 if m.group(1) else 2
        return m.start(g), m.end(g), _value(m.group(g))
    nouns = COUNT_NOUN_SYNONYMS.get(noun, (noun,))
    for m in re.finditer(rf"(?<![£$€\d.,]){_NUMBER}\b(?![.,]?\d)(?!\s?(?:m|bn|per cent|%)\b)",
                         text, re.IGNORECASE):
        after = text[m.end(): m.end() + 40].lower()
        if any(re.match(rf"(?:[\w-]+ ){{0,3}}{re.escape(n)}", after.lstrip()) for n in nouns):
            return m.start(), m.end(), _value(m.group(1))
    return None


def _apart(text: str, a: int, b: int) -> bool:
    """Does a sentence end between offsets ``a`` and ``b`` of ``text``?"""
    return bool(re.search(r"[.!?]\s", text[min(a, b):max(a, b)]))


def _value(number: str) -> Decimal:
    return Decimal(number_value(number))


def _result_bound(figure_bound: str, count_bound: str) -> str:
    if not count_bound:
        return f"{figure_bound} " if figure_bound else ""
    inverse = _INVERSE.get(count_bound)
    if inverse and (not figure_bound or (figure_bound in _LOWER) == (inverse == "at least")):
        return f"{inverse} "
    return "about "
