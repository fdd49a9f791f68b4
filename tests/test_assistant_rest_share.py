"""The rest of a whole the deal gives one share of, worked as 100 per cent less that share."""

from __future__ import annotations

import pytest

from assistant.rest_share import asks_rest_share, rest_share


@pytest.mark.parametrize(("question", "wants_percent", "asked"), [
    ("What slice of Acme's products is left for customers at home?", True, True),
    ("What share of the output is not exported?", True, True),
    ("What share of the output is exported?", True, False),
    ("How much money is left over?", False, False),  # not a share
    ("Of the 98 per cent exported, what share remains in Europe?", True, False),  # one given
    # the question restating the share the deal gives
    ("If 98 per cent of its products are exported, what share stays in the UK?", True, True),
])
def test_the_rest_of_a_whole_asked_as_a_share(question, wants_percent, asked) -> None:
    assert asks_rest_share(question, wants_percent) is asked


def test_the_rest_is_worked_from_the_one_share_stated() -> None:
    found = rest_share("Its order book, 98 per cent of which is exported, keeps growing.")
    assert found is not None and found.anchor == "98 per cent"
    assert found.working == "100 per cent − 98 per cent = 2 per cent"
    assert rest_share("12.5 per cent of staff work abroad.").working.endswith("= 87.5 per cent")


def test_a_share_the_question_gives_must_be_the_one_stated() -> None:
    text = "Its order book, 98 per cent of which is exported, keeps growing."
    found = rest_share(text, "If 98 per cent is exported, what share stays in the UK?")
    assert found is not None and found.working.endswith("= 2 per cent")
    # supposing another share is no question about the deal's
    assert rest_share(text, "If 90 per cent were exported, what share would stay here?") is None


@pytest.mark.parametrize("text", [
    "Exports rose from 11 per cent to 12 per cent.",  # two shares: which is the whole's?
    "2 per cent of its products remain in the UK.",  # the rest already stated
    "The site employs 600 staff.",  # no share
])
def test_no_rest_without_one_share_of_a_whole(text) -> None:
    assert rest_share(text) is None
