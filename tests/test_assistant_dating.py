"""When a question asks about the past, and how the deal dates a past act by another event
(assistant/dating.py)."""

from __future__ import annotations

import pytest

from assistant.dating import EVENT_DATE_RE, asks_past_when


@pytest.mark.parametrize(("question", "past"), [
    ("When did MSD announce its London site?", True),
    ("When was the network launched?", True),
    # a past act as a page reports it
    ("When does the key commitments page say the company actually committed?", True),
    ("When do the chapters state that the fund was launched?", True),
    ("When will the board first meet?", False),
    ("When does the review take place?", False),
])
def test_a_question_asking_when_something_happened(question: str, past: bool) -> None:
    assert asks_past_when(question) is past


@pytest.mark.parametrize(("text", "dated"), [
    ("Alongside the deal, MSD announced a new site.", True),
    ("During the development of the strategy, Acme have committed to £40m.", True),
    ("During the next five years, Acme will grow.", False),
    ("Acme committed to £40m in its Liverpool plant.", False),
])
def test_a_past_act_dated_by_another_event(text: str, dated: bool) -> None:
    assert bool(EVENT_DATE_RE.search(text)) is dated
