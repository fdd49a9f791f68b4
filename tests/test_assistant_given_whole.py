"""A part asked of a figure the question gives is answered by another figure, or not at all."""

from __future__ import annotations

import pytest

from assistant.given_whole import given_whole, states_part
from assistant.scoring import TermStats
from dealqa.types import Passage, Unit, UnitKind


def _passage(pid: str, text: str) -> Passage:
    return Passage(pid, "doc", text, ("Ideas",), 0, len(text),
                   (Unit(UnitKind.SENTENCE, 0, len(text)),))


_STATS = TermStats([_passage(f"d#{i}", t) for i, t in enumerate((
    "Acme has raised over £300m and has 200 UK employees.",
    "In 2017 alone Acme raised $100m from investors.",
    "The £350m Leeds programme includes Nexus, a £40m centre.",
    "Investors in the UK and overseas back the sector.",
    "The fund will support manufacturing in Leeds.",
    "A trial with 15,000 participants will recruit in the UK.",
    *(f"Filler sentence number {n} about something else entirely." for n in range(12)),
))])


@pytest.mark.parametrize("question", [
    "Of the more than £300m Acme has raised, how much came from UK-based investors?",
    "How much of the £350m Leeds programme comes from overseas investors?",
    "What share of the £350m Leeds programme came from investors?",
])
def test_a_part_of_a_given_figure_is_asked(question: str) -> None:
    whole = given_whole(question, _STATS)
    assert whole is not None and whole.part_terms


def test_only_another_figure_of_the_wholes_kind_can_be_the_part() -> None:
    whole = given_whole("Of the more than £300m Acme has raised, how much came from "
                        "UK-based investors?", _STATS)
    assert whole is not None and whole.currency == "£"
    assert not states_part("Acme has raised over £300m. In 2017 alone it raised $100m.", whole)
    assert states_part("Of that, £120m came from investors in the UK.", whole)
    assert given_whole("How much has Acme raised?", _STATS) is None


def test_a_count_question_with_a_verb_for_its_noun_counts_nothing_named() -> None:
    from assistant.asks import asks_figure_source
    from assistant.question import analyse_question

    q = "Of the 15,000 people in the trial, how many will be recruited in the UK?"
    assert analyse_question(q).count_noun is None
    # how much of a sum comes from someone is not where a figure comes from
    assert not asks_figure_source("Of the £350m, how much comes from the NHS?")
    assert asks_figure_source("Where do the figures on firms growing from 22 to 64 come from?")
    # figures named without being stated, "taken from" a reference
    assert asks_figure_source("The figures on company growth carry a reference. Which "
                              "organisation's publications are they taken from?")
    assert not asks_figure_source("Which organisation's publications does the deal cite?")
