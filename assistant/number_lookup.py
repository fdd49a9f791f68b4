"""Numbers asked about: "What do the numbers 57,000, 15,000 and 4,500 refer to in the deal?",
"The number 22 comes up in two places. What does it count each time?".

A bare number is a poor search term (the retrievers rank passages by words and meaning, and
"57,000" has neither), so each number the question gives is looked for in every unit of the
deal, and each unit stating it is what says what it refers to. Sums of money, percentages and
years are not bare numbers: "What is the £16m for?" is answered as any other question.
"""

from __future__ import annotations

import re

from assistant.evidence import CALENDAR_YEAR_RE
from assistant.scoring import Candidate, same_fact

__all__ = ["asked_numbers", "units_stating", "MAX_UNITS_PER_NUMBER"]

MAX_UNITS_PER_NUMBER = 3  # a number stated more often than this says too little to list

# What a number is asked to be: what it refers to, means, counts, stands for ...
_ASKS_RE = re.compile(r"\b(?:refers?|referring|relates?|relating) to\b|\bmeans?\b|\bstands? for\b|"
                      r"\brepresents?\b|\bcounts?\b|\bmeasures?\b|\bdescribes?\b|"
                      r"\b(?:is|are) (?:it|they|each|the \w+) about\b", re.IGNORECASE)
# ... and a word saying that what the question gives is numbers.
# ("What's today's count of apprenticeships, against the 20,000 goal?" asks for another number)
_NUMBER_CUE_RE = re.compile(r"\b(?:numbers?|figures?|headcounts?|totals?|values?)\b",
                            re.IGNORECASE)
# A plain number: not part of a sum ("£16m", "$30m"), a share ("12%", "12 per cent"), a
# decimal, a financial year ("2021/22") or a word ("R2").
_NOT_BEFORE = r"(?<![\w£$€.,/])"
_NOT_SHARE = r"[.,]\d|\s*per\s*cent"
_NUMBER_RE = re.compile(rf"{_NOT_BEFORE}(\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w%]|{_NOT_SHARE})")


def asked_numbers(question: str) -> list[str]:
    """The plain numbers a question asks the meaning of, in its order; [] for any other."""
    if not (_ASKS_RE.search(question) and _NUMBER_CUE_RE.search(question)):
        return []
    found = [n for n in _NUMBER_RE.findall(question) if not CALENDAR_YEAR_RE.fullmatch(n)]
    return list(dict.fromkeys(found))


def _stated_re(number: str) -> re.Pattern[str]:
    # (in the text only a digit or a per cent sign may not follow)
    return re.compile(rf"{_NOT_BEFORE}{re.escape(number)}(?![\d%]|{_NOT_SHARE})")


def units_stating(number: str, units: list[Candidate]) -> list[Candidate]:
    """The units stating ``number`` as a plain number ("15,000 participants", not "£15,000"
    or "215"), in document order, each fact once; [] when more than ``MAX_UNITS_PER_NUMBER``
    facts do."""
    pattern = _stated_re(number)
    found: list[Candidate] = []
    for c in units:
        # (a fact the deal restates, in its key commitments and again in its chapter, once)
        if pattern.search(c.text) and not any(same_fact(c.text, f.text) for f in found):
            found.append(c)
    return found if len(found) <= MAX_UNITS_PER_NUMBER else []
