"""The gap between two percentages, in percentage points."""

from __future__ import annotations

import pytest

from assistant.points_gap import asks_points_gap, points_gap


@pytest.mark.parametrize(("text", "working"), [
    ("The agreement aims at 12 per cent more theatre use and reducing stays by 25 per cent.",
     "25 per cent − 12 per cent = 13 percentage points"),
    # the first end of "from 11 to 12 per cent" is a percentage too
    ("The Budget raised the credit from 11 to 12 per cent with effect from 1 January 2018.",
     "12 per cent − 11 per cent = 1 percentage point"),
    # a point inside a number ends no sentence
    ("We will invest 2.4 per cent of GDP by 2027 and 3 per cent over the longer term.",
     "3 per cent − 2.4 per cent = 0.6 percentage points"),
    ("Uptake rose from 40% to 55% in a year.", "55% − 40% = 15 percentage points"),
    # the first sentence stating two different percentages
    ("Exports are 98 per cent of output. Costs fell 5 per cent, and prices 8 per cent.",
     "8 per cent − 5 per cent = 3 percentage points"),
])
def test_two_percentages_in_a_sentence_are_set_apart(text: str, working: str) -> None:
    found = points_gap(text)
    assert found is not None and found.working == working
    assert found.anchor in text


@pytest.mark.parametrize("text", [
    "Exports are 98 per cent of output.",  # one percentage
    "It grew 5 per cent, then 5 per cent again.",  # no gap
    "Shares of 10 per cent, 20 per cent and 30 per cent.",  # which two is unclear
    "A £40m centre with 100 jobs.",  # no percentages
])
def test_no_gap_without_exactly_two_different_percentages(text: str) -> None:
    assert points_gap(text) is None


def test_the_question_asks_for_percentage_points() -> None:
    assert asks_points_gap("How many percentage points bigger is the cut than the gain?")
    assert asks_points_gap("By how many points did the Budget lift the credit?")
    assert asks_points_gap("What is the percentage-point gap between the two targets?")
    assert not asks_points_gap("What percentage of the £146m goes to Stevenage?")


def test_the_assistant_works_out_the_gap_it_is_asked_for(tmp_path) -> None:
    from assistant import Assistant
    from conftest import filler_sections, mini_index

    others = filler_sections("pharmacists", ("North", "South", "East", "West"))
    index, emb = mini_index(tmp_path, (
        "Mini Deal\n\nBusiness Environment\n\nThe Borealis contract aims to deliver 12 per cent "
        "more theatre use and to cut hospital stays by 25 per cent over its term.\n\n"
        f"{others}"))
    a = Assistant(index, emb, top_k=3).ask("In the Borealis contract, how many percentage "
                                           "points bigger is the cut in hospital stays than "
                                           "the gain in theatre use?")
    assert "25 per cent − 12 per cent = 13 percentage points" in a.text, a.text
    assert not a.abstained and a.citations
