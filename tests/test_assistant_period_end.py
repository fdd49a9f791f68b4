"""When a stated run of time ends, worked out from its start and length."""

from __future__ import annotations

from assistant.period_end import asks_end, period_end

TEXT = "New contracts worth more than £950m will run over the five years from April 2017."


def test_a_question_about_when_a_run_ends_or_whether_it_still_runs() -> None:
    assert asks_end("When do the new contracts end?")
    assert asks_end("Will the contracts still be running in 2020?")
    assert asks_end("Until when do the contracts run?")
    assert asks_end("Until roughly when will the current round of contracts run?")
    assert asks_end("Up to what year does the programme run?")
    assert asks_end("By when will the five-year contracts have run their course?")
    assert not asks_end("When do the new contracts start?")
    assert not asks_end("How much are the contracts worth?")


def test_the_end_is_the_start_plus_the_length_set_against_a_year_asked() -> None:
    found = period_end("When do they end?", TEXT)
    assert found is not None and found.anchor == "over the five years from April 2017"
    assert found.working == "April 2017 + 5 years = April 2022"
    assert period_end("Still running in 2020?", TEXT).working.endswith(", so still running in 2020")
    assert period_end("Still running in 2023?", TEXT).working.endswith(", so not running in 2023")
    # a year alone as the start; no start, no end
    assert period_end("When?", "Acme will invest over the next ten years from 2018.").working \
        == "2018 + 10 years = 2028"
    assert period_end("When?", "A new 15-year partnership was announced.") is None
