"""Averages the deal implies: a stated figure shared over the count the same sentence gives."""

from __future__ import annotations

import pytest

from assistant.per_unit import asks_average, money_words, per_noun, share_in


@pytest.mark.parametrize("question", [
    "Averaged out over the period, how much a year is the fund meant to unlock?",
    "If the money were shared equally, what would each centre get?",
    "Spread evenly over the decade, what is that per year?",
    "What does the trial work out at per participant?",
    "How much is the company spending on its centre for each scientist it employs?",
    "Divide the grant by the jobs it creates: what does that come to?",
])
def test_questions_that_share_a_figure_out(question: str) -> None:
    assert asks_average(question)


@pytest.mark.parametrize("question", [
    # the yearly figure is asked for as the deal states it, not worked out
    "How much does the company spend on UK research each year?",
    "How is the £950m split between the three kinds of centre?",
    "What budget has been set aside for the hubs?",
])
def test_questions_that_ask_for_a_stated_figure(question: str) -> None:
    assert not asks_average(question)


def test_what_a_figure_is_shared_among() -> None:
    assert per_noun("Averaged out, how much a year?") == "year"
    assert per_noun("What does it work out at per participant?") == "participant"
    assert per_noun("How much for each scientist it employs?") == "scientist"
    assert per_noun("If shared equally, what would each centre get?") == "centre"
    assert per_noun("What is the average?") is None
    # a yearly figure asked by its adjective
    assert per_noun("Averaged over the decade, what annual uplift is that?") == "year"
    assert per_noun("What is the yearly figure, on average?") == "year"
    # an acronym or a modifier before the noun does not hide it
    assert per_noun("What does its fundraising work out at per UK employee?") == "employee"
    assert per_noun("How much per new job?") == "job"
    # "each of the N ...": the last plural of the phrase
    assert per_noun("On average, how much goes to each of the three advanced therapy treatment "
                    "centres?") == "centre"


def test_a_total_over_a_stated_period_is_shared_per_year() -> None:
    share = share_in("Realise over £20bn of patient capital investment over 10 years.", "year")
    assert share is not None and share.figure.text == "£20bn"
    # "over 10 years" says how long, not "more than ten": the figure's own bound carries over.
    assert share.working == "over £20bn ÷ 10 years = over £2bn a year"
    assert share_in("A 10-year programme worth £30m.", "year").working == \
        "£30m ÷ 10 years = £3m a year"


def test_a_count_of_people_or_things_shares_the_figure_and_turns_its_bound() -> None:
    text = "A new £115m research centre in Oxford, employing up to 100 scientists."
    share = share_in(text, "scientist")
    assert share is not None and share.divisor == "up to 100"
    # at most 100 scientists: at least £1.15m each
    assert share.working == "£115m ÷ up to 100 scientists = at least £1.15m per scientist"
    assert share_in("£30m to establish three treatment centres.", "centre").working == \
        "£30m ÷ three centres = £10m per centre"
    assert share_in("A more than $100m contract for a trial with 15,000 participants.",
                    "participant").working == \
        "more than $100m ÷ 15,000 participants = more than $6,667 per participant"



def test_a_share_per_head_is_shared_over_any_count_of_persons() -> None:
    assert per_noun("Working it out per head, what is it spending for each of its staff?") \
        == "person"
    text = "The £500m facility will be fully operational with 2,000 staff based at the campus."
    assert share_in(text, "person").working == "£500m ÷ 2,000 people = £250,000 per person"


def test_no_share_without_both_a_figure_and_its_count() -> None:
    assert share_in("The centre will employ up to 100 scientists.", "scientist") is None
    assert share_in("A £115m centre will open in Oxford in 2018.", "scientist") is None
    # a figure already stated per year is not shared again
    assert share_in("It invests £2bn a year over 10 years.", "year") is None
    # money is not a count: "£40m investment ... jobs" has no count of jobs
    assert share_in("A £40m investment in new jobs.", "job") is None


def test_of_several_figures_the_one_the_question_names_is_shared_out() -> None:
    text = ("Acme is creating 43 new jobs. Its investment has been supported by a £3.3m research "
            "and development grant from the council. It forms part of a total investment of "
            "£9.7m.")
    kind = money_words("How much investment is Acme putting in for each job?")
    assert kind == {"investment"}
    assert share_in(text, "job", kind).figure.text == "£9.7m"
    # named by nothing the question asks for: the figure nearest the count
    assert share_in(text, "job").figure.text == "£3.3m"
    assert share_in(text, "job", money_words("How much grant money per job?")).figure.text == \
        "£3.3m"


def test_the_figure_shared_is_the_one_in_the_counts_own_sentence() -> None:
    text = ("Adaptimmune, with its pipeline of T-cell therapies to treat cancer, has to date "
            "raised over £300m and invested in new facilities for its growth and has over 200 UK "
            "employees. In 2017 alone it raised $100m.")
    assert share_in(text, "employee").working == \
        "over £300m ÷ over 200 employees = about £1.5m per employee"
