"""A work named by the person the deal says led it is asked by its own name."""

from __future__ import annotations

from assistant.led_by import LedBy
from dealqa.types import Passage

TEXT = ("The deal builds on the ambitious Borealis Industrial Strategy, led by Professor Sir Ann "
        "Zeta. A key element is the Exe Access Collaborative, chaired by Sir Tom Acme.")
LED = LedBy([Passage("doc#a", "doc", TEXT, ("Ideas",), 0, len(TEXT), ())])


def test_a_persons_work_is_named_as_the_deal_names_it() -> None:
    assert LED.restate("When did Sir Ann Zeta's strategy come out?") == \
        "When did the Borealis Industrial Strategy come out?"
    assert LED.restate("What does Acme's collaborative do?") == \
        "What does the Exe Access Collaborative do?"
    # what the question adds stays; the work's own words are not said twice
    assert LED.restate("Was it before Zeta's August 2017 industrial strategy?") == \
        "Was it before the August 2017 Borealis Industrial Strategy?"


def test_a_work_of_another_kind_or_person_is_left_as_asked() -> None:
    for q in ("What did Zeta's review say?", "When did Sir Tom Smith's strategy come out?",
              "What is Zeta's plan?"):
        assert LED.restate(q) == q
