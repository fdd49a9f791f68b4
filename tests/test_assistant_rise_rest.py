"""How much of a stated rise is left once a part is set aside (assistant/rise_rest.py)."""

from __future__ import annotations

from assistant.rise_rest import asks_rise_rest, rise_rest

UNIT = ("We announced a further increase in investment of £2.3bn in 2021/22, raising total "
        "public investment from around £9.5bn in 2016/17 to £12.5bn in 2021/22.")


def test_questions_asking_what_of_a_rise_a_part_leaves() -> None:
    assert asks_rise_rest("How much of that climb is not accounted for by the extra £2.3bn?")
    assert asks_rise_rest("How much of the increase is over and above the further £2.3bn?")
    assert not asks_rise_rest("How much of the increase goes to Acme?")
    assert not asks_rise_rest("How big is the rise?")


def test_the_rise_less_the_part_the_unit_states() -> None:
    found = rise_rest("How much of that climb is not accounted for by the further increase?",
                      UNIT)
    assert found is not None
    assert found.working == ("£12.5bn − around £9.5bn = about £3bn, and about £3bn − £2.3bn = "
                             "about £0.7bn")
    assert found.anchor.startswith("£2.3bn") and found.anchor.endswith("to £12.5bn")


def test_a_part_the_question_gives_and_a_part_too_large() -> None:
    unit = "Spending rises from £10m in 2018 to £25m in 2020, with £4m for training."
    found = rise_rest("How much of that rise is beyond the £5m for kit?", unit)
    assert found.working == "£25m − £10m = £15m, and £15m − £5m = £10m"
    assert rise_rest("How much of that rise is beyond the £20m for kit?", unit) is None
    assert rise_rest("How much of that rise is beyond it?", "It costs £5m and £9m.") is None
