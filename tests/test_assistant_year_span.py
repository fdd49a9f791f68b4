"""How many years a change dated at both ends took (assistant/year_span.py)."""

from __future__ import annotations

from assistant.year_span import asks_year_span, year_span


def test_questions_asking_over_how_many_years() -> None:
    assert asks_year_span("Over how many years did the number of firms nearly triple?")
    assert asks_year_span("Over what period did investment double?")
    assert not asks_year_span("How many years will the contracts run?")
    assert not asks_year_span("When did the number of firms triple?")


def test_the_years_between_the_ends_of_a_dated_change() -> None:
    found = year_span("The number of firms surged from 22 companies in 2012 to 64 in 2017.")
    assert found is not None and found.working == "2012 to 2017 is 5 years"
    assert "2012" in found.anchor and "2017" in found.anchor
    assert year_span("Growth between 2015 and 2016 was strong.").working == \
        "2015 to 2016 is 1 year"
    # a financial year is not a year's end; nor is a change with one date
    assert year_span("Investment rises from £1bn in 2020 to £2bn in 2021/22.") is None
    assert year_span("From 2018, the rate rises to 12 per cent.") is None


def test_financial_years_at_both_ends_and_decimal_figures_between() -> None:
    found = year_span("Investment rises from around £9.5bn in 2016/17 to £12.5bn in 2021/22.")
    assert found is not None and found.working == "2016/17 to 2021/22 is 5 years"
