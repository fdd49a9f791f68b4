"""Claim checks: a figure, date or name the asker was given, checked against the deal."""

from __future__ import annotations

import pytest

from assistant.assistant import Assistant
from assistant.claim_check import Claim, find_claim, states_value
from dealqa.types import AnswerType
from ingest.pipeline import ingest_paths
from retrieval.store import build_index


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from conftest import FIXTURES, FakeEmbeddings

    emb = FakeEmbeddings()
    result = ingest_paths([FIXTURES / "corpus" / "mini-deal.txt"], count_tokens=emb.count_tokens)
    index = build_index(result, emb, tmp_path_factory.mktemp("ix") / "index",
                        {"model": "fake", "chunking": {}})
    return Assistant(index, emb, top_k=5)


@pytest.mark.parametrize(("question", "value", "kind", "lookup"), [
    ("Our timeline puts the board's first meeting in March 2018. Is that right?",
     "March 2018", AnswerType.DATE, "When: the board's first meeting?"),
    ("A colleague thinks the Vaccines Centre gets £25m. Is that correct?",
     "£25m", AnswerType.AMOUNT, "How much: the Vaccines Centre gets?"),
    ("Our notes say the plant's owner is Zeta Pharma. Is that what the deal says?",
     "Zeta Pharma", AnswerType.ENTITY, "Who: the plant's owner is?"),
    ("Was it Zeta Pharma that announced the Liverpool facility?",
     "Zeta Pharma", AnswerType.ENTITY, "Who: announced the Liverpool facility?"),
    ("Is the board chaired by Sir Jane Smith?",
     "Sir Jane Smith", AnswerType.ENTITY, "Who: the board chaired by?"),
])
def test_a_claim_is_its_value_and_the_question_without_it(question, value, kind, lookup) -> None:
    claim = find_claim(question)
    assert claim is not None
    assert (claim.value, claim.kind) == (value, kind)
    assert claim.question == lookup


@pytest.mark.parametrize("question", [
    "How much will the Vaccines Centre get?",
    "What does the deal say about the board?",
    "Is the Vaccines Centre in Oxford?",
    "Is that right?",
    "Was the strategy published by the government?",
])
def test_other_questions_are_no_claims(question: str) -> None:
    assert find_claim(question) is None


def test_a_value_is_stated_however_written() -> None:
    date = Claim("November 2017", AnswerType.DATE, "When: x?")
    assert states_value(date, "Nov 2017: the review") and not states_value(date, "Dec 2017: x")
    money = Claim("£20 million", AnswerType.AMOUNT, "How much: x?")
    assert states_value(money, "£20m on a centre") and not states_value(money, "£2m on it")
    name = Claim("Sir Andrew Witty", AnswerType.ENTITY, "Who: x?")
    assert states_value(name, "chaired by Andrew Witty") and not states_value(name, "by Bell")


def test_a_wrong_date_is_answered_with_the_deals_own(assistant: Assistant) -> None:
    a = assistant.ask("Our timeline puts the Oversight Board's first meeting in March 2018. "
                      "Is that right?")
    assert not a.abstained and a.text.startswith("Not as the deal has it")
    assert "Jan 2018" in a.text and "March 2018" in a.text
    assert any("Jan 2018" in c.quote for c in a.citations)


def test_a_right_figure_is_confirmed(assistant: Assistant) -> None:
    a = assistant.ask("Our notes say the Vaccines Centre in Oxford gets £20m. Is that right?")
    assert not a.abstained and a.text.startswith("Yes: the deal gives £20m.")


def test_a_wrong_name_is_shown_where_the_deal_mentions_it(assistant: Assistant) -> None:
    a = assistant.ask("Was it Zeta Pharma that committed to a fill and finish facility in "
                      "Liverpool?")
    assert a.text.startswith("Not as the deal has it") and "Acme Biologics" in a.text
    assert "Where the deal mentions Zeta Pharma" in a.text
    assert any("Zeta Pharma" in c.quote for c in a.citations)
