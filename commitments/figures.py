"""Find the figures in one sentence: money, percentages and counted promises.

Money and percentages come from :func:`retrieval.text.find_amounts` (the project's one money
parser: ``£66 million`` / ``£66m`` / ``\\$100m`` / ``£1,000``); this module adds what a register
needs on top of it:

* the **qualifier** written just before the figure ("up to", "more than", "c.", "nearly" ...);
* **counts** of people and time that read as promises: a number followed (within three modifier
  words) by a noun from :data:`COUNT_NOUNS` — ``nearly 100 high-value jobs``, ``c.800 additional
  staff``, ``15,000 participants``. Years written as dates (``2017``, ``2021/22``, ``by 2020``)
  are never counts: a year is only a count in ``after three years`` or ``a 15-year partnership``.
  A capitalised noun is a name, not a count: ``the 100,000 Genomes Project``.

Whether a figure is a *commitment* is decided later (:mod:`commitments.scope`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from commitments.model import CURRENCY_UNITS, Qualifier
from retrieval.text import STOP_WORDS, find_amounts

__all__ = ["FigureKind", "Figure", "find_figures", "qualifier_before", "number_value",
           "number_word", "COUNT_NOUNS", "NUMBER_WORDS"]


class FigureKind(str, Enum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"


@dataclass(frozen=True)
class Figure:
    start: int  # of the number itself, in the text given to find_figures
    end: int  # end of the figure (for counts: end of the noun)
    raw_start: int  # start of the qualifier when there is one
    text: str  # as written, without the qualifier: "£66m", "100 high-value jobs"
    value: Decimal | int
    unit: str
    qualifier: Qualifier
    kind: FigureKind


# noun (singular or plural, lower-case) -> the register's unit
COUNT_NOUNS = {
    "job": "jobs", "jobs": "jobs",
    "role": "roles", "roles": "roles", "post": "roles", "posts": "roles",
    "apprenticeship": "apprenticeships", "apprenticeships": "apprenticeships",
    "apprentice": "apprentices", "apprentices": "apprentices",
    "participant": "participants", "participants": "participants",
    "patient": "patients", "patients": "patients",
    "scientist": "scientists", "scientists": "scientists",
    "researcher": "researchers", "researchers": "researchers",
    "staff": "staff", "employee": "staff", "employees": "staff",
    "student": "students", "students": "students", "trainee": "trainees", "trainees": "trainees",
    "fellowship": "fellowships", "fellowships": "fellowships",
    "studentship": "studentships", "studentships": "studentships",
    "genome": "genomes", "genomes": "genomes",
    "engineer": "engineers", "engineers": "engineers",
    "technician": "technicians", "technicians": "technicians",
    "nurse": "nurses", "nurses": "nurses", "doctor": "doctors", "doctors": "doctors",
    "clinician": "clinicians", "clinicians": "clinicians",
    "graduate": "graduates", "graduates": "graduates", "worker": "workers", "workers": "workers",
    "specialist": "specialists", "specialists": "specialists",
    "vacancy": "vacancies", "vacancies": "vacancies", "traineeship": "traineeships",
    "traineeships": "traineeships", "PhDs": "PhDs", "PhD": "PhDs",
}
# Durations that are promises in themselves ("a new 15-year partnership").
_TERM_NOUNS = (
    "partnership|contract|agreement|programme|deal|commitment|collaboration|plan|strategy|"
    "investment|lease|funding|trial|settlement"
)
_WORD_NUMBERS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split())
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90, "hundred": 100}
# The number words ``number_value`` values, as a regex alternation (longest first).
NUMBER_WORDS = _WORDS = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
# A number not glued to a currency sign, decimal point or another number; "c.800" is allowed.
_NUM_START = r"(?:(?<=\bc\.)|(?<![\w£$€.,/\\-]))"
_NOUNS = "|".join(sorted(COUNT_NOUNS, key=len, reverse=True))
# Lower-case nouns only: "the 100,000 Genomes Project" is a name, not 100,000 genomes.
_COUNT_RE = re.compile(
    rf"{_NUM_START}(?P<num>{_NUM}|(?i:{_WORDS}))(?:\s(?P<scale>thousand|million))?"
    rf"(?P<mods>(?:\s+(?:[a-z][a-z-]*|UK)){{0,3}}?)\s+(?P<noun>{_NOUNS})\b"
    # ... and not used attributively before a name or acronym ("9 nurse FTEs").
    r"(?!\s+[A-Z])"
)
_YEARS_RE = re.compile(
    rf"\bafter\s+(?P<num>\d+|(?i:{_WORDS}))\s+years?\b"
    rf"|{_NUM_START}(?P<num2>\d+|(?i:{_WORDS}))-year\s+(?:[a-z-]+\s+)?(?:{_TERM_NOUNS})\b",
    re.IGNORECASE,
)
_GDP_RE = re.compile(r"\s*(?:of\s+(?:UK\s+)?)?GDP\b", re.IGNORECASE)  # used with .match(pos)
# Qualifier phrases, as they end right before the figure ("up to a total of £4bn").
_QUALIFIERS = [
    (r"up\s+to|as\s+much\s+as|a\s+maximum\s+of", Qualifier.UP_TO),
    (r"more\s+than|in\s+excess\s+of", Qualifier.MORE_THAN),
    (r"at\s+least|a\s+minimum\s+of", Qualifier.AT_LEAST),
    (r"over", Qualifier.OVER),
    (r"around|approximately|about|roughly|some|an\s+estimated", Qualifier.AROUND),
    (r"nearly|almost|just\s+under", Qualifier.NEARLY),
    (r"c\.|circa|ca\.", Qualifier.CIRCA),
]
_QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<q>" + "|".join(f"(?:{p})" for p, _ in _QUALIFIERS) + r")"
    r"\s*(?:a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)


def qualifier_before(text: str, pos: int) -> tuple[Qualifier, int]:
    """The qualifier ending right before ``pos`` and where it starts (``pos`` when none)."""
    window_start = max(0, pos - 40)
    m = _QUALIFIER_RE.search(text, window_start, pos)
    if m is None:
        return Qualifier.NONE, pos
    phrase = " ".join(m.group("q").lower().split())
    for pattern, qualifier in _QUALIFIERS:
        if re.fullmatch(pattern, phrase):
            return qualifier, m.start("q")
    return Qualifier.NONE, pos  # pragma: no cover - every alternative is listed above


def number_word(n: int) -> str | None:
    """12 -> "twelve": the word for a number ``number_value`` reads, or None."""
    return next((w for w, v in _WORD_NUMBERS.items() if v == n), None)


def number_value(raw: str) -> Decimal | int:
    """"twelve" -> 12, "15,000" -> 15000, "1.5" -> Decimal("1.5")."""
    low = raw.lower()
    if low in _WORD_NUMBERS:
        return _WORD_NUMBERS[low]
    value = Decimal(raw.replace(",", ""))
    return int(value) if value == value.to_integral_value() else value


def _money_and_percent(text: str) -> list[Figure]:
    out = []
    for a in find_amounts(text):
        if a.is_percent:
            gdp = _GDP_RE.match(text, a.end)
            unit, end = ("percent_gdp", gdp.end()) if gdp else ("percent", a.end)
            kind = FigureKind.PERCENT
        elif a.currency:
            unit, end, kind = CURRENCY_UNITS[a.currency], a.end, FigureKind.MONEY
        else:  # "5 million" with no currency: a count if a count noun follows (see _counts)
            continue
        start = a.start + (len(a.text) - len(a.text.lstrip()))
        escaped = start > 0 and text[start - 1] == "\\"  # "\$100m" from a PDF conversion
        qualifier, raw_start = qualifier_before(text, start - escaped)
        raw_start = start if qualifier is Qualifier.NONE else raw_start
        out.append(Figure(start, end, raw_start, text[start:a.end], a.value, unit, qualifier,
                          kind))
    return out


def _counts(text: str, taken: list[tuple[int, int]]) -> list[Figure]:
    out = []
    for m in _COUNT_RE.finditer(text):
        unit = COUNT_NOUNS[m.group("noun")]
        if any(w.lower() in STOP_WORDS for w in m.group("mods").split()):
            continue
        if any(a < m.end("num") and m.start("num") < b for a, b in taken):
            continue
        value = number_value(m.group("num"))
        if m.group("scale"):
            value = int(Decimal(value) * (1000 if m.group("scale") == "thousand" else 10**6))
        start = m.start("num")
        qualifier, raw_start = qualifier_before(text, start)
        out.append(Figure(start, m.end("noun"), raw_start, text[start:m.end("noun")], value,
                          unit, qualifier, FigureKind.COUNT))
    for m in _YEARS_RE.finditer(text):
        group = "num" if m.group("num") else "num2"
        start = m.start(group)
        out.append(Figure(start, m.end(), start, text[start:m.end()], number_value(m.group(group)),
                          "years", Qualifier.NONE, FigureKind.COUNT))
    return out


def find_figures(text: str) -> list[Figure]:
    """Every money amount, percentage and count in ``text``, in text order."""
    money = _money_and_percent(text)
    counts = _counts(text, [(f.start, f.end) for f in money])
    return sorted(money + counts, key=lambda f: f.start)
