"""Figures and scope: the tricky spellings, years that are dates, what counts as a commitment."""

from __future__ import annotations

from decimal import Decimal

import pytest
import test_commitments_support  # noqa: F401  (puts the repo root on sys.path)

from commitments.clauses import clause_bounds
from commitments.figures import FigureKind, find_figures
from commitments.model import Qualifier
from commitments.scope import decide


def _figs(text: str):
    return [(f.text, f.value, f.unit, f.qualifier) for f in find_figures(text)]


def _decide(text: str, index: int = 0, previous_target: bool = False):
    fig = find_figures(text)[index]
    return decide(text, fig, clause_bounds(text, fig.start, fig.end), previous_target)


def test_money_with_financial_year_is_one_figure_and_the_year_is_no_count():
    assert _figs("a further increase of £2.3bn in 2021/22") == [
        ("£2.3bn", Decimal("2300000000"), "GBP", Qualifier.NONE)]


def test_thousands_separator_and_escaped_dollar():
    assert _figs("a £1,000 budget for teachers") == [
        ("£1,000", Decimal(1000), "GBP", Qualifier.NONE)]
    assert _figs(r"involves a more than \$100m contract") == [
        ("$100m", Decimal(100_000_000), "USD", Qualifier.MORE_THAN)]
    assert _figs("€5 million for research")[0][1:3] == (Decimal(5_000_000), "EUR")


def test_percentages_carry_their_base():
    assert _figs("to 2.4 per cent of GDP by 2027") == [
        ("2.4 per cent", Decimal("2.4"), "percent_gdp", Qualifier.NONE)]
    assert _figs("to 12 per cent")[0][2] == "percent"


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("c.800 additional staff", 800, "staff", Qualifier.CIRCA),
    ("approximately 800 additional staff", 800, "staff", Qualifier.AROUND),
    ("creating nearly 100 high-value jobs; and", 100, "jobs", Qualifier.NEARLY),
    ("employing up to 100 scientists", 100, "scientists", Qualifier.UP_TO),
    ("reach 20,000 apprenticeships in the science sector by 2020", 20_000, "apprenticeships",
     Qualifier.NONE),
    ("a trial with 15,000 participants", 15_000, "participants", Qualifier.NONE),
    ("recruiting 1.5 million patients", 1_500_000, "patients", Qualifier.NONE),
    ("apply for settlement after three years", 3, "years", Qualifier.NONE),
    ("a new 15-year partnership to deliver", 15, "years", Qualifier.NONE),
])
def test_counted_promises(text, value, unit, qualifier):
    (found,) = find_figures(text)
    assert (found.value, found.unit, found.qualifier, found.kind) == (
        value, unit, qualifier, FigureKind.COUNT)


@pytest.mark.parametrize("text", [
    "the 100,000 Genomes Project",  # a name, not a count
    "from 22 companies in 2012 to 64 in 2017",  # companies are not promises; years are dates
    "ahead of the next 20 years",  # a horizon, not a promise
    "by 2020 and in 2021/22",
    "more than 25 businesses",
    "Tier 1 route",
])
def test_no_count_where_there_is_no_promise(text):
    assert find_figures(text) == []


def test_qualifier_before_a_total():
    assert _figs("attracting a total of up to a total of £4bn")[0][3] is Qualifier.UP_TO
    assert _figs("in excess of £1.3bn")[0][3] is Qualifier.MORE_THAN
    assert _figs("investing some £2bn per annum")[0][3] is Qualifier.AROUND


def test_scope_keeps_money_someone_commits():
    assert _decide("The government has committed £162m to develop infrastructure.").keep
    assert _decide("A £40m investment in a new facility in Liverpool.").keep
    assert _decide("This £146m will fund two new national centres.").keep


def test_scope_skips_baselines_statistics_and_track_record():
    text = "raising total public investment from around £9.5bn in 2016/17 to £12.5bn in 2021/22"
    assert _decide(text, 0).reason == "baseline"
    assert _decide(text, 1).keep  # the target of the change is a commitment
    assert _decide("With over £2tn in UK pension funds, this could help.").reason == \
        "no-commitment-cue"
    assert _decide("It has to date raised over £300m.").reason == "historical"
    assert _decide("In 2017 alone it raised $100m.").reason == "historical"
    assert _decide("Investment raised since 2013 is in excess of £1.3bn.").reason == "historical"
    assert _decide("creating 80 jobs, in addition to the 300 staff already there").keep
    assert _decide("creating 80 jobs, in addition to the 300 staff already there", 1
                   ).reason == "historical"


def test_percentages_are_commitments_only_as_targets():
    assert _decide("We will increase investment in R&D to 2.4 per cent of GDP by 2027").keep
    assert _decide("an increase in the credit from 11 to 12 per cent").keep
    assert _decide("by delivering 12 per cent more theatre utilisation").reason == "not-a-target"
    assert _decide("98 per cent of which are exported").reason == "not-a-target"
    # coordinated with a target: "... to 2.4 per cent of GDP by 2027 and 3 per cent ..."
    text = "increase investment to 2.4 per cent of GDP by 2027 and 3 per cent over the longer term"
    assert _decide(text, 1, previous_target=True).keep
    assert not _decide(text, 1, previous_target=False).keep


def test_estimates_and_ambitions_are_flagged():
    assert "estimate" in _decide("a measure expected to release £1bn of investment").flags
    assert "ambition" in _decide(
        "the industry's ambition to reach 20,000 apprenticeships by 2020").flags
