"""A comparison one of whose sides is a sum of two things (assistant/summed_side.py)."""

from __future__ import annotations

from assistant.summed_side import summed_sides


def test_a_side_adding_two_things_is_split_into_them() -> None:
    assert summed_sides("Which is bigger: the Acme Deal, or the Zeta money for manufacturing "
                        "and viral vectors put together, and by how much?") == (
        ["the Zeta money for manufacturing", "viral vectors"], "the Acme Deal")
    assert summed_sides("Which site will have more people: Acme in Cambridge, or Zeta in "
                        "London counting both new research roles and relocated staff - and by "
                        "roughly how many?") == (
        ["Zeta in London new research roles", "Zeta in London relocated staff"],
        "Acme in Cambridge")
    # asked yes or no: "does A exceed B and C combined?"
    assert summed_sides("Within the £146m, does the money for the treatment centres exceed the "
                        "innovation centre and the Stevenage expansion combined?") == (
        ["the innovation centre", "the Stevenage expansion"],
        "the money for the treatment centres")
    assert summed_sides("Is the vaccines centre bigger than the hub and the expansion put "
                        "together?") == (["the hub", "the expansion"], "the vaccines centre")


def test_sides_that_add_nothing_are_no_summed_side() -> None:
    assert summed_sides("Which gets more: the centre or the hub, and by how much?") is None
    assert summed_sides("How much more does the centre get than the hub?") is None
    assert summed_sides("What do the centre and the hub get together?") is None
    assert summed_sides("Does the centre get more than the hub?") is None


def test_a_sum_set_against_a_figure_asked_yes_or_no_is_worked() -> None:
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest
    from assistant.worked import operation_of

    q = ("Within the £146m programme, does the money for the treatment centres exceed the "
         "innovation centre and the Stevenage expansion combined?")
    req = AnswerRequest(question=q, standalone=q, analysis=analyse_question(q), hits=[],
                        query_vec=None)
    assert operation_of(req) is not None
