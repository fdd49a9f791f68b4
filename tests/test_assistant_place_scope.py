"""A place asked about as a whole is answered by the units naming it or a place inside it."""

from __future__ import annotations

import re

import pytest

from assistant.place_scope import scoped_place, units_in
from commitments.places import lies_in
from dealqa.types import AnswerType, Passage, Unit, UnitKind


@pytest.mark.parametrize(("question", "place"), [
    ("What does the deal mention in Scotland?", "Scotland"),
    ("Is anything happening in Wales?", "Wales"),
    ("What investments does the deal list in Greater Manchester?", "Greater Manchester"),
    ("List everything the deal places in Wales.", "Wales"),
    # the whole deal gathered, in other words
    ("Pull together what the deal says about Scotland.", "Scotland"),
    ("What does the deal say about Wales, across its chapters?", "Wales"),
    # the asker's own place, asked about as a whole
    ("We're a gene therapy SME in Stevenage. What in the deal is relevant to us locally?",
     "Stevenage"),
])
def test_a_question_about_a_place_as_a_whole(question: str, place: str) -> None:
    assert scoped_place(question, AnswerType.DESCRIPTION) == place


@pytest.mark.parametrize(("question", "place"), [
    # the firms or bodies there, asked of the place as a whole
    ("Which organisations does the deal mention with a presence at Stevenage?", "Stevenage"),
    ("Which Greater Manchester organisations are involved somewhere in the deal?",
     "Greater Manchester"),
    ("Which companies in the deal are setting up or growing their own sites in London?",
     "London"),
    # ... or of the whole deal in so many words, the rest read from them
    ("Pulling the whole document together, which companies are doing new work with Greater "
     "Manchester health partners?", "Greater Manchester"),
])
def test_the_organisations_of_a_place_as_a_whole(question: str, place: str) -> None:
    assert scoped_place(question, AnswerType.ENTITY) == place


def test_the_names_a_unit_gives_there_are_not_places() -> None:
    from assistant.place_scope import named_there

    assert named_there("Alongside the deal, MSD announced a centre in London.") == ["MSD"]
    assert named_there("The Medicines Company agreed a project in Greater Manchester.") == \
        ["The Medicines Company"]
    assert named_there("This deal backs investments in Manchester, Leeds and South Wales.") == []


@pytest.mark.parametrize(("question", "kind"), [
    # something more specific is asked of the place, or of something in it
    ("How many jobs will BioClavis create in Glasgow?", AnswerType.AMOUNT),
    ("What will the new campus in Glasgow focus on?", AnswerType.DESCRIPTION),
    ("Which companies are investing in Scotland and Wales?", AnswerType.LIST),
    ("Which companies will be the first to move into the Stevenage centre?", AnswerType.ENTITY),
    ("Which two drug companies are putting major sites in London?", AnswerType.ENTITY),
    ("Where in Scotland is the new spin-out based?", AnswerType.PLACE),
    ("I'm a researcher in Glasgow. Is there a company I might collaborate with locally?",
     AnswerType.LIST),
    ("We're a biotech near Oxford; staff can't find homes locally. Is there anything on that?",
     AnswerType.LIST),
])
def test_not_a_question_about_a_place_as_a_whole(question: str, kind: AnswerType) -> None:
    assert scoped_place(question, kind) is None


def test_what_lies_in_an_area() -> None:
    assert lies_in("Fife", "Scotland") and lies_in("Glasgow", "Scotland")
    assert lies_in("Salford", "Greater Manchester") and lies_in("Wales", "Wales")
    assert not lies_in("Cardiff", "Scotland") and not lies_in("Scotland", "Fife")
    # a region of unknown extent holds only itself
    assert not lies_in("Newcastle", "North East")


def _passage(pid: str, section: str, text: str) -> Passage:
    units = tuple(Unit(UnitKind.SENTENCE, m.start(), m.end())
                  for m in re.finditer(r"[^.]+\.", text))
    return Passage(pid, "doc", text, (section,), 0, len(text), units)


def test_units_naming_the_place_or_a_place_in_it_in_document_order() -> None:
    ps = [_passage("doc#a/001", "Places", "Clusters grow from Fife to Cardiff. A spin-out "
                   "will open in Glasgow. Leeds gets a hub."),
          _passage("doc#r/001", "References", "NHS Research Scotland (2017), Annual report.")]
    found = [(p.passage_id, i, name) for p, i, name in units_in(ps, "Scotland",
                                                                 frozenset({"references"}))]
    assert found == [("doc#a/001", 0, "Fife"), ("doc#a/001", 1, "Glasgow")]


def test_a_unit_naming_a_nation_by_its_adjective_is_in_it() -> None:
    ps = [_passage("doc#a/001", "Places", "Acme got a £3m grant from Scottish Enterprise. "
                   "Leeds gets a hub.")]
    found = [(i, name) for _, i, name in units_in(ps, "Scotland", frozenset())]
    assert found == [(0, "Scottish")]
    assert list(units_in(ps, "Wales", frozenset())) == []
