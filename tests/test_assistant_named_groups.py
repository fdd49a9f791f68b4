"""Groups a question names by count and description, spelt out where the deal introduces them."""

from __future__ import annotations

from assistant.named_groups import NamedGroups
from dealqa.types import Passage, Unit, UnitKind


def _passage(pid: str, text: str, start: int = 0) -> Passage:
    return Passage(f"doc#{pid}", "doc", text, ("Business",), start, start + len(text),
                   (Unit(UnitKind.SENTENCE, start, start + len(text)),))


INTRO = ("This £50m will fund two new national centres - the Vaccines Centre and a Cell Therapy "
         "and Gene Centre - adding to the existing ones.")
GROUPS = NamedGroups.from_passages([
    _passage("a/001", INTRO, start=100),
    _passage("b/001", "Experts will deliver two pioneering projects: the Bone Centre; and the "
                      "Child Health Centre.\nA £5m commitment to develop a station;"),
    # a count without names (no article and capital before each) introduces nothing
    _passage("c/001", "The fund supports three programmes: early diagnostics and genomics."),
])


def test_the_deals_introductions_name_each_member() -> None:
    assert len(GROUPS) == 2
    found = GROUPS.find("How much do the two new national centres get?")
    assert found is not None
    group = found[0]
    # an "and" inside a name does not split it; articles are dropped
    assert group.members == ("Vaccines Centre", "Cell Therapy and Gene Centre")
    assert group.span.quote == "two new national centres - the Vaccines Centre and a Cell " \
        "Therapy and Gene Centre"
    projects = GROUPS.find("What are the two pioneering projects about?")[0]
    assert projects.members == ("Bone Centre", "Child Health Centre")  # not the next line


def test_a_question_naming_the_group_is_asked_with_the_members_names() -> None:
    _, q = GROUPS.asked_with_names("Taken together, how much of the £50m goes to the two new "
                                   "national manufacturing centres?")
    assert q == "Taken together, how much of the £50m goes to the Vaccines Centre and the " \
        "Cell Therapy and Gene Centre?"
    _, q = GROUPS.asked_with_names("The two new national centres get different sums. Why?")
    assert q.startswith("The Vaccines Centre and the Cell Therapy and Gene Centre get")


def test_a_group_named_otherwise_or_one_member_asked_about_is_left_alone() -> None:
    assert GROUPS.find("What are the three new national centres?") is None  # another count
    assert GROUPS.find("What are the two national hubs?") is None  # another kind
    assert GROUPS.find("Which two centres get money?") is None  # fewer describing words
    assert GROUPS.find("What will the second of the two pioneering projects do?") is None
    assert GROUPS.find("What does one of the two new national centres cost?") is None

