"""A figure the question gives, worked with one the deal states."""

from __future__ import annotations

import pytest

from assistant.given_figures import gives_figure, given_working

_RATE = "The model will release nurse time (around 9 nurse FTEs per Clinical Commissioning Group)."


@pytest.mark.parametrize(("question", "text", "working"), [
    # a rate scaled by the count the question gives (an acronym for the deal's name)
    ("Across an area with four CCGs, how many nurse FTEs is that?", _RATE,
     "around 9 × 4 = around 36"),
    ("For 12 clinical commissioning groups, how many nurses?", _RATE,
     "around 9 × 12 = around 108"),
    ("Our patch covers four Clinical Commissioning Groups. If the estimate held in each, how "
     "much nurse time is that across the four?", _RATE, "around 9 × 4 = around 36"),
    ("If the model were adopted by five Clinical Commissioning Groups, how many nurse FTEs?",
     _RATE, "around 9 × 5 = around 45"),
    # a yearly sum over a spell of time the question gives
    ("If it kept spending at that rate over the eighteen months until the site opens, how "
     "much would it spend?", "The company is investing some £2bn per annum on R&D.",
     "£2bn a year × eighteen months (1.5 years) = £3bn"),
    ("How much is that across the next three years?", "Acme will spend £40m a year.",
     "£40m a year × three years = £120m"),
    ("At that annual rate, what would its R&D come to over a decade?",
     "The company is investing some £2bn per annum on R&D.",
     "£2bn a year × a decade (10 years) = £20bn"),
    # ... set against a sum the question gives
    ("If Acme kept it up for ten years, how would that compare with the £80bn uplift?",
     "The company is investing some £2bn per annum on R&D.",
     "£2bn a year × ten years = £20bn; set against £80bn: £20bn ÷ £80bn = 25% "
     "(a quarter)"),
    # the end of a term from the start the question gives
    ("If the partnership started in 2017, roughly when would its term end?",
     "Borealis announced a new 15-year partnership with the trust.", "2017 + 15 years = 2032"),
    ("Going by the span from April 2017, roughly when do the contracts run out?",
     "New contracts worth more than £950m over the five years from April 2017.",
     "2017 + 5 years = 2022"),
    # a year asked for: a span the deal states, counted on from the question's year or back
    ("Say a researcher arrives in 2018. From what year could she apply for settlement?",
     "Endorsed researchers may apply for settlement after three years.", "2018 + 3 years = 2021"),
    ("Counting from 2017, what calendar year does that take us to?",
     "Work to address the global healthcare challenges of the next 20 years.",
     "2017 + 20 years = 2037"),
    ("Counting back from 2017, which year did that investment start?",
     "Cohorts reflecting a 20-year history of investment.", "2017 − 20 years = 1997"),
    # a year the text names from when it was written, from the year the question gives
    ("If the standards are ready 'next year', which calendar year is that, given the deal "
     "dates from December 2017?", "The standards are expected to be ready for starts next "
     "year.", "next year from 2017 = 2018"),
    # ... asked when, with the year the text was written
    ("When could the first learners start, given the deal was published in December 2017?",
     "The standards are expected to be ready for starts next year.",
     "next year from 2017 = 2018"),
    # a measure the question gives, set against the deal's in the same unit
    ("Our cold room is about 3,000 square feet. How much more floor space will the hub have?",
     "Invest over $1m in a 4,500 sq ft CryoHub.", "4,500 sq ft − 3,000 square feet = 1,500 sq ft "
     "more"),
    # the years from the question's year to the deal's
    ("From publication in 2017, how many years away is the R&D target?",
     "We will raise R&D to 2.4 per cent of GDP by 2027.", "2027 − 2017 = 10 years"),
    # a sum the question gives, worked at a rate the deal changes
    ("We spend £1m on qualifying R&D. How much more credit is that worth at the new rate?",
     "An increase in the rate of the R&D expenditure credit from 11 to 12 per cent.",
     "£1m × 1 percentage point (11% → 12%) = £10,000 more"),
    # a change the deal states applied to the question's quantity
    ("If a patient used to stay 8 days, what would the stay be if the target is met?",
     "The contract aims at reducing patient stay by 25 per cent.", "8 days − 25% = about 6 days"),
    ("A stay is normally 8 days. If the trust hits the target, how many days would that be?",
     "The contract aims at reducing patient stay by 25 per cent.", "8 days − 25% = about 6 days"),
])
def test_the_questions_figure_is_worked_with_the_deals(question, text, working) -> None:
    assert gives_figure(question)
    given = given_working(question, text)
    assert given is not None and given.working == working


@pytest.mark.parametrize(("question", "text"), [
    # no count of what the rate is per
    ("Across four regions, how many nurse FTEs is that?", _RATE),
    # no yearly sum, or two of them
    ("How much is that across the next three years?", "Acme will spend £40m on a site."),
    ("How much is that across the next three years?",
     "Acme will spend £40m a year and Zeta £10m a year."),
    # a year, but nothing asked of it
    ("What did the partnership announced in 2017 deliver?",
     "Borealis announced a new 15-year partnership with the trust."),
    # two years the question names: the deal's dates are compared elsewhere
    ("How many years after 2017 is 2027?", "We will raise R&D by 2027."),
    # the deal states the later year itself: that year answers, not a span counted on
    ("If it began in 2017, what year does the plan run to?",
     "A 10-year plan, reaching 2.4 per cent by 2027."),
    # a year named from when the text was written, but no year to count from
    ("Novo Nordisk announced its centre 'this year'. Which year is that?",
     "Novo Nordisk this year announced a new £115m research centre."),
    # asked when, with a year that is not when the text was written
    ("When will the standards be ready, if the work began in 2016?",
     "The standards are expected to be ready for starts next year."),
    # a measure in another unit than the deal's
    ("Our site is 3,000 acres. How much more floor space will the hub have?",
     "Invest over $1m in a 4,500 sq ft CryoHub."),
    # a quantity, but no change asked of it
    ("What did patients who stay 8 days get?",
     "The contract aims at reducing patient stay by 25 per cent."),
])
def test_no_working_without_both_operands_and_the_asking_cue(question, text) -> None:
    assert given_working(question, text) is None
