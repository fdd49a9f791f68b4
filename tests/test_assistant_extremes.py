"""Which item of a listed programme gets the most or the least."""

from __future__ import annotations

import pytest

from assistant.extremes import asks_extreme, claimed_item, extreme_items
from assistant.scoring import Candidate, terms
from dealqa.types import Passage, Unit, UnitKind


def _list(lead: str, items: list[str], after: str = "") -> list[Candidate]:
    """One passage: a lead-in bullet, its item bullets, and the next point's bullet."""
    texts = [lead, *items] + ([after] if after else [])
    text, units = "", []
    for t in texts:
        units.append(Unit(UnitKind.BULLET, len(text), len(text) + len(t)))
        text += t + "\n"
    p = Passage("doc#k/001", "doc", text, ("Key commitments",), 0, len(text), tuple(units))
    return [Candidate(p, u, i, 1, p.unit_text(u), 0.5, 0.5, 0.0, 0.5)
            for i, u in enumerate(units)]


_ITEMS = ["£66m on a Vaccines Centre;", "£12m on an Innovation Centre;",
          "£12m on the Stevenage expansion;", "£30m on treatment centres; and"]
_AFTER = "A further £5m from the Challenge Fund will grow viral vector capacity."


@pytest.mark.parametrize(("question", "which"), [
    ("Which items in the £146m programme get the least money?", "least"),
    ("What is the largest single line in the programme?", "most"),
    ("Which company is the most innovative?", None),  # a quality, not a sum
    ("What does the programme fund?", None),
    ("What's the largest single award a company can win?", None),  # not among listed things
    # a claim that one item is at the extreme
    ("Is it true that treatment centres get the biggest slice of the £146m?", "most"),
    ("Does the Innovation Centre receive the smallest share?", "least"),
    ("Is the programme the largest in the deal?", None),  # no item of a list
    # a ranking the deal states as a description, not a comparison of sums
    ("Which company does the deal describe as the world's second largest vaccine maker?", None),
    ("Which firm is Europe's biggest maker of vaccines?", None),
])
def test_which_extreme_is_asked(question, which) -> None:
    assert asks_extreme(question) == which


def test_the_items_tied_at_the_least_are_found_and_the_next_point_is_no_item() -> None:
    cands = _list("A £146m programme will support manufacturing, including:", _ITEMS, _AFTER)
    found = extreme_items(cands[0], "least")
    assert found is not None and found.items == [2, 3] and found.figure.text == "£12m"
    assert found.ranked == 4  # the £5m after "...; and" is the deal's next point
    assert extreme_items(cands[1], "most").items == [1]  # from an item of the list too


def test_a_list_of_items_with_two_sums_each_is_not_ranked() -> None:
    cands = _list("An action plan, for example:", [
        "a £2.5bn fund, unlocking £7.5bn;", "£1.5bn for fund managers;", "£1bn from overseas."])
    assert extreme_items(cands[0], "least") is None


def test_a_sum_the_question_states_must_be_the_lists_own() -> None:
    cands = _list("A £146m programme will support manufacturing, including:", _ITEMS, _AFTER)
    assert extreme_items(cands[1], "most", frozenset({"£146m"})) is not None
    # "the largest award from the £16m ..." is not a ranking of the £146m programme's lines
    assert extreme_items(cands[1], "most", frozenset({"£16m"})) is None


def test_the_item_a_claim_names_is_found_in_the_list() -> None:
    cands = _list("A £146m programme will support manufacturing, including:", _ITEMS, _AFTER)
    common = lambda t: t in {"on", "a", "the"}  # noqa: E731
    named = terms("Do treatment centres get the biggest slice?")
    assert claimed_item(cands[0], named, common) == 4
    # one word in common is no naming
    assert claimed_item(cands[0], terms("Do vaccines get the biggest slice?"), common) is None
