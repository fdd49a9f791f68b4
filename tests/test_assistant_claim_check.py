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
    ("Our timeline puts the board's first meeting in March 2018. Is that what the deal's "
     "milestone table shows?", "March 2018", AnswerType.DATE, "When: the board's first meeting?"),
    ("Was it Zeta Pharma that announced the Liverpool facility?",
     "Zeta Pharma", AnswerType.ENTITY, "Who: announced the Liverpool facility?"),
    ("Is the board chaired by Sir Jane Smith?",
     "Sir Jane Smith", AnswerType.ENTITY, "Who: the board chaired by?"),
    # A claim, then a question for the deal's own value: the value of the kind asked is taken
    # out, and the rest asked as it is.
    ("Our notes say Acme Biologics has about 900 staff in Liverpool. What headcount does the "
     "deal give?", "900", AnswerType.AMOUNT,
     "Acme Biologics has staff in Liverpool. What headcount does the deal give?"),
    ("A newsletter says Zeta Pharma is building its centre in Leeds in 2019. What year does the "
     "deal give?", "2019", AnswerType.DATE,
     "Zeta Pharma is building its centre in Leeds. What year does the deal give?"),
    ("A newsletter says Zeta Pharma is building its centre in York. Where does the deal place "
     "it?", "York", AnswerType.ENTITY,
     "Zeta Pharma is building its centre. Where does the deal place it?"),
    ("Our notes say the Liverpool plant's owner is the Zeta Corporation. Which company does the "
     "document name?", "Zeta Corporation", AnswerType.ENTITY,
     "the Liverpool plant's owner. Which company does the document name?"),
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
    # a question for the deal's value with no claim before it, or no value of its kind
    "Acme Biologics has staff in Liverpool. What headcount does the deal give?",
    "Our notes say Acme Biologics is growing. What headcount does the deal give?",
    # a claim of how firm a figure is, not of the figure: asked as it is
    "A journalist writes that the £210m programme has been signed off by the Treasury. Is that "
    "accurate?",
    "Our notes say the £40m for the plant is guaranteed. Is that right?",
])
def test_other_questions_are_no_claims(question: str) -> None:
    assert find_claim(question) is None


def test_a_value_is_stated_however_written() -> None:
    date = Claim("November 2017", AnswerType.DATE, "When: x?")
    assert states_value(date, "Nov 2017: the review") and not states_value(date, "Dec 2017: x")
    money = Claim("£20 million", AnswerType.AMOUNT, "How much: x?")
    assert states_value(money, "£20m on a centre") and not states_value(money, "£2m on it")
    assert not states_value(money, "a $20m investment")  # another currency is another sum
    assert states_value(Claim("20 million", AnswerType.AMOUNT, "How much: x?"), "$20m for it")
    name = Claim("Sir Andrew Witty", AnswerType.ENTITY, "Who: x?")
    assert states_value(name, "chaired by Andrew Witty") and not states_value(name, "by Bell")


def _corrected(a, claimed: str, deals: str) -> None:
    """``a`` says the deal does not give the ``claimed`` value and quotes the deal's own."""
    assert not a.abstained and a.text.startswith("Not as the deal has it"), a.text
    assert deals in a.text and claimed in a.text
    assert any(deals in c.quote for c in a.citations)


def test_a_wrong_date_is_answered_with_the_deals_own(assistant: Assistant) -> None:
    a = assistant.ask("Our timeline puts the Oversight Board's first meeting in March 2018. "
                      "Is that right?")
    _corrected(a, "March 2018", "Jan 2018")


def test_a_wrong_date_the_deal_gives_once_is_shown_where_it_does(assistant: Assistant) -> None:
    # (a month the deal gives for one thing only says what the asker may have mixed up)
    a = assistant.ask("Our timeline puts the £5m viral vectors competition funding in Jan 2018. "
                      "Is that right?")
    _corrected(a, "Jan 2018", "Oct 2017")
    assert "Where the deal mentions Jan 2018" in a.text
    assert any("Oversight Board" in c.quote for c in a.citations)


def test_a_right_figure_is_confirmed(assistant: Assistant) -> None:
    a = assistant.ask("Our notes say the Vaccines Centre in Oxford gets £20m. Is that right?")
    assert not a.abstained and a.text.startswith("Yes: the deal gives £20m.")


def test_a_wrong_name_is_shown_where_the_deal_mentions_it(assistant: Assistant) -> None:
    a = assistant.ask("Was it Zeta Pharma that committed to a fill and finish facility in "
                      "Liverpool?")
    assert a.text.startswith("Not as the deal has it") and "Acme Biologics" in a.text
    assert "Where the deal mentions Zeta Pharma" in a.text
    assert any("Zeta Pharma" in c.quote for c in a.citations)


def test_a_claim_asked_back_is_answered_with_the_deals_value(assistant: Assistant) -> None:
    # The answer says whether the deal gives the claimed value. With the claimed place left in,
    # the question was steered to it ("Leeds": Zeta Pharma's centre) and abstained.
    a = assistant.ask("Our notes say Acme Biologics has about 900 staff at its Liverpool "
                      "facility. What headcount does the deal give?")
    _corrected(a, "900", "300 staff")
    b = assistant.ask("A newsletter says Acme Biologics is building its new facility in Leeds. "
                      "Where does the deal place it?")
    assert not b.abstained and "Liverpool" in b.text and "Leeds" in b.text


def test_a_claimed_date_of_a_sum_is_checked_against_that_sums_quote() -> None:
    from assistant.claim_check import check_answer
    from assistant.compose import Composer
    from assistant.templates import load_templates
    from dealqa.types import Answer, Citation

    claim = find_claim("A colleague thinks the £210m for diagnostics was announced in August "
                       "2017, together with the £146m Wave 1 money. Is that right?")
    assert claim is not None and claim.value == "August 2017"

    def cite(n: int, quote: str) -> Citation:
        return Citation(n, f"doc#p/{n:03d}", "Deal", "Plan", quote, 0, len(quote))

    wave1 = cite(1, "Aug 2017 £146m Challenge Fund Wave 1 announced")
    diagnostics = cite(2, "Nov 2017 Industrial Strategy including up to £210m for diagnostics")
    lookup = Answer("q", "[1] [2]", [wave1, diagnostics], False, [], [])
    verdict = check_answer(claim, lookup, [], Composer({}, load_templates()), load_templates())
    # August 2017 is the £146m's date, not the £210m's: not what the deal says.
    assert verdict.text.startswith("Not as the deal has it"), verdict.text
    lookup = Answer("q", "[1]", [wave1], False, [], [])  # no quote holds the £210m: all judged
    verdict = check_answer(claim, lookup, [], Composer({}, load_templates()), load_templates())
    assert verdict.text.startswith("Yes"), verdict.text
