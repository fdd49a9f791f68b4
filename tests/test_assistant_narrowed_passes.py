"""The type checks narrowed by what a question asks of its type (assistant/narrowed_passes.py)."""

from __future__ import annotations

from assistant.narrowed_passes import narrowed_passes
from assistant.question import analyse_question


def _any_text(text: str) -> bool:
    return True


def test_a_deadline_is_the_only_pass_for_a_deadline_question() -> None:
    passes = narrowed_passes(analyse_question("What is the application deadline for Wave 2?"),
                             [_any_text, _any_text])
    assert len(passes) == 1
    assert passes[0]("Applications must be in by March 2018.")
    assert not passes[0]("Wave 2 was announced in November 2017.")


def test_a_length_of_time_comes_first_for_how_long_and_dates_stay_after_it() -> None:
    passes = narrowed_passes(analyse_question("How long has the UK invested in cohorts?"),
                             [_any_text, _any_text])
    assert len(passes) == 3
    assert passes[0]("a 20-year history of investment")
    assert not passes[0]("announced this year")
    assert passes[1]("announced this year")


def test_a_question_asking_nothing_narrower_keeps_its_passes() -> None:
    given = [_any_text, _any_text]
    passes = narrowed_passes(analyse_question("Which companies will move in first?"), given)
    assert passes == given
