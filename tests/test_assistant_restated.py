"""A fact the deal states twice with different dates is quoted in both versions."""

from __future__ import annotations

import pytest

from assistant.restated import (asks_two_versions, dates_in, restated_differently,
                                restated_otherwise)
from assistant.scoring import Candidate
from dealqa.types import Passage, Unit, UnitKind


def _passage(pid: str, section: str, text: str) -> Passage:
    return Passage(pid, "doc", text, (section,), 0, len(text),
                   (Unit(UnitKind.SENTENCE, 0, len(text)),))


SUMMARY = ("Acme this year announced a new £115m research centre in Oxford, employing up to 100 "
           "scientists and occupying a new building from mid-2018")
CHAPTER = ("Acme this year announced a new £115m research centre in Oxford, employing up to 100 "
           "scientists and occupying a new building in summer 2018.")


def test_the_same_fact_dated_otherwise_elsewhere_is_found() -> None:
    summary, chapter = _passage("doc#k/001", "Key commitments", SUMMARY), \
        _passage("doc#i/001", "Ideas", CHAPTER)
    other = _passage("doc#p/001", "Places", "A new park opens in summer 2018 in Leeds.")
    found = restated_otherwise(Candidate.of_unit(summary, 0), [summary, other, chapter],
                               frozenset())
    assert found is not None and found[0].passage is chapter and found[1] == "summer 2018"
    assert dates_in(SUMMARY) == {"this year", "mid-2018"}


def test_no_restatement_or_one_dated_alike_adds_nothing() -> None:
    summary = _passage("doc#k/001", "Key commitments", SUMMARY)
    alike = _passage("doc#i/001", "Ideas", SUMMARY + ".")
    assert restated_otherwise(Candidate.of_unit(summary, 0), [summary, alike],
                              frozenset()) is None
    undated = _passage("doc#k/002", "Key commitments", "Acme will build a research centre.")
    assert restated_otherwise(Candidate.of_unit(undated, 0), [undated, alike],
                              frozenset()) is None


def test_a_plans_row_or_a_line_citing_the_fact_is_no_restatement() -> None:
    cited = _passage("doc#r/001", "Ideas", "HM Treasury (2017), Financing Growth in Innovative "
                     "Firms, https://example.org/a/long/path/to/the/consultation/response.pdf")
    text = "Nov 2017\tBudget and response to Financing Growth in Innovative Firms"
    row = Passage("doc#t/001", "doc", text, ("Plan",), 0, len(text),
                  (Unit(UnitKind.TABLE_ROW, 0, len(text)),))
    short = _passage("doc#s/001", "Ideas", "Financing Growth in Innovative Firms (Nov 2017)")
    assert restated_otherwise(Candidate.of_unit(cited, 0), [cited, row, short],
                              frozenset()) is None
    # a row of the plan dates a milestone; a sentence about the same thing is another fact
    sentence = _passage("doc#s/002", "Ideas", "Budget and response to Financing Growth in "
                        "Innovative Firms, published in 2017")
    assert restated_otherwise(Candidate.of_unit(row, 0), [row, sentence], frozenset()) is None


def test_asked_how_two_statements_differ_the_other_wording_is_found() -> None:
    summary = _passage("doc#k/001", "Key commitments", "A major investor, Acme Partners, has "
                       "signalled its intention to create a high pharmaceutical company in the UK")
    chapter = _passage("doc#b/001", "Business", "For example, a major investor, Acme Partners, "
                       "has signalled its intention to create a biopharmaceutical company in "
                       "the UK.")
    same = _passage("doc#c/001", "Ideas", "A major investor, Acme Partners, has signalled its "
                    "intention to create a high pharmaceutical company in the UK.")
    found = restated_differently(Candidate.of_unit(summary, 0), [summary, same, chapter],
                                 frozenset())
    assert found is not None and found[0].passage is chapter and found[1] == "biopharmaceutical"
    assert restated_differently(Candidate.of_unit(summary, 0), [summary, same],
                                frozenset()) is None


@pytest.mark.parametrize(("question", "asked"), [
    ("The deal describes the company Acme plans to create in two slightly different ways. "
     "What are they?", True),
    ("The deal gives two different timings for the move. What are they?", True),
    ("Is the date worded differently in the chapter?", True),
    ("What are the two different funds for?", False),
])
def test_a_question_asking_how_two_statements_differ(question: str, asked: bool) -> None:
    assert asks_two_versions(question) is asked


def test_a_question_about_timing_in_words_gets_the_other_dated_version() -> None:
    from assistant.restated import other_version

    summary, chapter = _passage("doc#k/001", "Key commitments", SUMMARY), \
        _passage("doc#i/001", "Ideas", CHAPTER)
    best = Candidate.of_unit(summary, 0)
    found = other_version(best, "Do the two mentions give exactly the same timing?", False,
                          [summary, chapter], frozenset())
    assert found is not None and found[1] == "summer 2018"
    assert other_version(best, "Do the two mentions name the same scientists?", False,
                         [summary, chapter], frozenset()) is None
