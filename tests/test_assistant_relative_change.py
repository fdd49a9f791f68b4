"""A change the deal states from one figure to another, as a share of where it started."""

from __future__ import annotations

import pytest

from assistant.relative_change import asks_relative, relative_change


@pytest.mark.parametrize(("question", "asked"), [
    ("In percentage terms, how much does public R&D investment grow?", True),
    ("In relative terms, how big a rise is moving the credit from 11 to 12 per cent?", True),
    ("By what percentage does the fund grow?", True),
    ("By roughly what percentage does the plant grow its workforce?", True),
    ("The credit goes up by one point - what's that as a percentage increase on the old rate?",
     True),
    ("Going from 11% to 12% - what relative increase in the rate is that?", True),
    ("What proportional rise does the fund see?", True),
    ("How much does public R&D investment grow?", False),  # the difference the deal states
])
def test_a_change_as_a_share_is_asked(question, asked) -> None:
    assert asks_relative(question) is asked


@pytest.mark.parametrize(("text", "working"), [
    ("raising investment from around £9.5bn in 2016/17 to £12.5bn in 2021/22.",
     "£12.5bn against £9.5bn is a rise of £3bn, about 31.6% (roughly 32%)"),
    # two percentages: the gap in points, and the change as a share
    ("an increase in the credit from 11 per cent to 12 per cent with effect from 2018",
     "12 per cent against 11 per cent is a rise of 1 percentage point, about 9.1% (roughly 9%)"),
    ("a budget cut from £20m to £15m", "£15m against £20m is a fall of £5m, 25%"),
    # a target, then the one after it
    ("raise R&D to 2.4 per cent of GDP by 2027 and 3 per cent over the longer term",
     "3 per cent against 2.4 per cent is a rise of 0.6 percentage points, 25%"),
    ("increase spending to 2.4 per cent of GDP by 2027, and then to 3 per cent later",
     "3 per cent against 2.4 per cent is a rise of 0.6 percentage points, 25%"),
    # a count added to the one already there
    ("a new plant in Leeds, creating nearly 100 jobs, in addition to the 600 staff already "
     "there.", "nearly 100 on top of 600 is a rise of about 16.7% (roughly 17%)"),
])
def test_the_change_is_worked_from_where_it_started(text, working) -> None:
    change = relative_change(text)
    assert change is not None and change.working == working


def test_no_change_between_figures_of_different_kinds_or_none() -> None:
    assert relative_change("moving from £20m to 30 per cent") is None
    assert relative_change("the fund grows over time") is None
