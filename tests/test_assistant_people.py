"""The people the deal names, each where it first names them (assistant/people.py)."""

from __future__ import annotations

import re

import pytest

from assistant.people import asked_people, people_named
from dealqa.types import AnswerType, Passage, Unit, UnitKind


@pytest.mark.parametrize(("question", "kind"), [
    ("List all the named individuals who appear in the deal.", AnswerType.LIST),
    ("Which people does the deal mention?", AnswerType.ENTITY),
    # (typed a description, asked for names all the same)
    ("Which named people lead or chair parts of the work?", AnswerType.DESCRIPTION),
])
def test_the_people_named_are_asked_for(question: str, kind: AnswerType) -> None:
    assert asked_people(question, kind)


@pytest.mark.parametrize(("question", "kind"), [
    ("How many people will the new centre employ?", AnswerType.AMOUNT),
    ("Which people will benefit from the new treatments?", AnswerType.ENTITY),  # no naming
    ("What do the people named on the board do?", AnswerType.DESCRIPTION),  # not which
])
def test_other_questions_about_people_are_not_sweeps(question: str, kind: AnswerType) -> None:
    assert not asked_people(question, kind)


def test_the_people_of_one_named_body_are_not_a_sweep() -> None:
    q = "Which named individuals sit on the Implementation Board?"
    assert not asked_people(q, AnswerType.ENTITY, ("Implementation Board",))
    assert asked_people(q, AnswerType.ENTITY)  # (the body named is what keeps it one)


def _passage(pid: str, section: str, text: str) -> Passage:
    units = tuple(Unit(UnitKind.SENTENCE, m.start(), m.end())
                  for m in re.finditer(r"[^.]+\.", text))
    return Passage(pid, "doc", text, (section,), 0, len(text), units)


def test_each_titled_person_once_where_first_named() -> None:
    ps = [_passage("doc#a/001", "Foreword", "Signed by Rt Hon Ada Lovell MP. Professor Sir "
                   "John Bell GBE agreed."),
          _passage("doc#b/001", "Ideas", "The review, led by Sir John Bell, and Acme Biologics "
                   "Ltd. The network is led by Professor Dee Marks of Bristol and Dr Cy Cole.")]
    found = [(p.passage_id, i, name) for p, i, name in people_named(ps, frozenset())]
    assert found == [("doc#a/001", 0, "Rt Hon Ada Lovell"),
                     ("doc#a/001", 1, "Professor Sir John Bell"),
                     ("doc#b/001", 1, "Professor Dee Marks"), ("doc#b/001", 1, "Dr Cy Cole")]
