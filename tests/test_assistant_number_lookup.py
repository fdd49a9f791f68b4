"""Numbers asked about, looked for in every unit of the deal (assistant/number_lookup.py)."""

from __future__ import annotations

from assistant.number_lookup import MAX_UNITS_PER_NUMBER, asked_numbers, units_stating
from conftest import sentence_candidates


def test_the_plain_numbers_a_question_asks_the_meaning_of() -> None:
    assert asked_numbers("What do the numbers 57,000, 15,000 and 2,000 refer to in the deal?") \
        == ["57,000", "15,000", "2,000"]
    assert asked_numbers("What do these three headcounts mean: 128, 140 and 'over 200'?") == \
        ["128", "140", "200"]
    assert asked_numbers("The number 22 comes up twice. What does it count each time?") == ["22"]
    # sums, shares, years and fractions of a year are not plain numbers
    assert asked_numbers("What does the £16m figure refer to?") == []
    assert asked_numbers("What do the figures 12% and 40 per cent refer to?") == []
    assert asked_numbers("What does the 2021/22 figure refer to?") == []
    # a number in a question asking something else
    assert asked_numbers("How many of the 64 companies are in Oxford?") == []
    assert asked_numbers("What does the 2,000-strong team do?") == []
    assert asked_numbers("What's today's count of apprentices, against the 20,000 goal?") == []


def test_each_fact_stating_a_number_once_and_only_as_a_plain_number() -> None:
    units = sentence_candidates("A trial with 15,000 participants.", "It cost £15,000 to run.",
                   "The hub covers 215 sq ft.", "A trial with 15,000 participants, as said.",
                   "Investment of £2.3bn in 2021/22.")
    assert [c.text for c in units_stating("15,000", units)] == ["A trial with 15,000 participants."]
    assert units_stating("22", units) == []
    # a number stated too often to say what it refers to
    facts = ["The fund backs 30 firms.", "Exports reach 30 countries.",
             "The hub trains 30 nurses a year.", "The board has 30 members from industry.",
             "Leeds hosts 30 research groups in medtech."]
    many = sentence_candidates(*facts[: MAX_UNITS_PER_NUMBER + 1])
    assert units_stating("30", many) == []
