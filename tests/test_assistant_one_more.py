"""A count with one more thing the deal names singly: "counting the hub" adds one."""

from __future__ import annotations

import pytest

from assistant.one_more import asked_one_more, one_more


@pytest.mark.parametrize(("question", "thing"), [
    ("Counting the hub, how many sites does the network connect?", "hub"),
    ("Including its central hub, how many sites are there?", "hub"),
    ("How many sites does the network link, including its hub?", "hub"),
    ("How many sites does the network connect?", None),
    ("Counting the hub, what does the network do?", None),  # no count asked
])
def test_the_thing_a_count_question_adds(question: str, thing: str | None) -> None:
    assert asked_one_more(question) == thing


def test_one_thing_named_beside_a_count_adds_one() -> None:
    text = "The network links a trials facilitatory hub and 22 regional transplant centres."
    found = one_more(text, "hub")
    assert found is not None and found.anchor == "22" and found.working == "1 + 22 = 23"
    assert one_more("The network links 22 regional transplant centres.", "hub") is None
    assert one_more("The hub opened; 22 centres joined later.", "hub") is None
