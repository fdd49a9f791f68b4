"""How a question asks: the words by which it asks for a date, a condition, a sum or a gap, and
the fuller of two statements of one fact."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.arithmetic import Operation, detect_operation
from assistant.asks import asks_firmness, asks_source, asks_when
from assistant.question import analyse_question
from assistant.request import AnswerRequest
from assistant.scoring import Candidate, TermStats
from assistant.selection import Selector
from assistant.sides import listed_sides
from dealqa.types import AnswerType, Passage, Unit, UnitKind


def _passage(pid: str, section: str, text: str) -> Passage:
    return Passage(pid, "doc", text, (section,), 0, len(text),
                   (Unit(UnitKind.SENTENCE, 0, len(text)),))


@pytest.mark.parametrize(("question", "asked"), [
    ("What's the start date of the current round of research contracts?", True),
    ("Which completion month is given for the building?", True),
    ("What will the contracts pay for?", False),
])
def test_a_start_or_end_date_asks_when(question: str, asked: bool) -> None:
    assert asks_when(question) is asked


@pytest.mark.parametrize(("question", "asked"), [
    ("The £215m money isn't unconditional - what are the strings?", True),
    ("What qualifiers sit around that number?", True),
    ("Is there any small print on the grant?", True),
    ("Is the £80bn rise a promise, or does the deal hedge it?", True),
    ("Is the settlement change open to all overseas scientists?", True),
    ("What did the county take on as the quid pro quo for its deal?", True),
    ("What is the grant for?", False),
])
def test_words_asking_how_firm_a_promise_is(question: str, asked: bool) -> None:
    assert asks_firmness(question) is asked


@pytest.mark.parametrize(("question", "asked"), [
    ("Where does the deal point readers for more about the Leeds partners?", True),
    ("Where can I read more about the medtech programme?", True),
    ("Is there a link for further information on the network?", True),
    ("Which annual reviews is the £1.3bn figure sourced from?", True),
    ("Where are the Leeds partners?", False),
    ("What more could the partners do?", False),
])
def test_words_asking_where_the_deal_points_for_more(question: str, asked: bool) -> None:
    assert asks_source(question) is asked


@pytest.mark.parametrize(("question", "kind"), [
    ("What is NHS England paying Acme for the wound-care tool?", AnswerType.AMOUNT),
    ("What does the money pay for?", AnswerType.LIST),  # its uses, not a sum
    ("Tot up the money for the Acme Centre, the Zeta Hub and the Beta expansion.",
     AnswerType.AMOUNT),
    ("Compare the investment from the Acme scheme with the Zeta Fund backing - what's the gap?",
     AnswerType.AMOUNT),
    # a sum asked after a comma
    ("Putting the Acme Review money together with the Zeta programme, what does that come to?",
     AnswerType.AMOUNT),
    ("Putting the Acme Review money together with the Zeta programme's ceiling, what's the "
     "most that comes to?", AnswerType.AMOUNT),
])
def test_money_asked_for_in_other_words(question: str, kind: AnswerType) -> None:
    assert analyse_question(question).answer_type is kind


@pytest.mark.parametrize(("question", "op"), [
    ("If Acme takes £40m of the £350m programme, how much is left for everything else?",
     Operation.DIFFERENCE),
    ("Compare A's £7bn with B's £1.5bn - what's the gap?", Operation.DIFFERENCE),
    ("What's the gap in skills the deal identifies?", None),
    # a verb that sets one figure against another
    ("By how much does the Acme centre outspend the Zeta hub?", Operation.DIFFERENCE),
    ("By how much does the Acme centre's output grow?", None),
    ("How much money is there for the centre?", None),
    # "strip out" a part, "what sum is left", a gap measured in pounds
    ("Take the Acme programme and strip out the Zeta centre: what sum is left for the rest?",
     Operation.DIFFERENCE),
    ("Put the Acme programme next to the Zeta deal's money: what's the gap in pounds?",
     Operation.DIFFERENCE),
    ("What's the gap in pay rates across regions?", None),
    # the rest of a whole, once a part is set aside
    ("Setting aside the Acme grant, how much of the Zeta package comes from elsewhere?",
     Operation.DIFFERENCE),
    ("How much of the funding comes from Acme?", None),
    # two things a statement sets side by side, then how much larger one is
    ("The plan funds the Acme centre and the Zeta hub. How much larger is the centre's sum?",
     Operation.DIFFERENCE),
    ("How much larger is the Acme centre?", None),
])
def test_what_is_left_and_the_gap_are_differences(question: str, op) -> None:
    assert detect_operation(question) is op


def test_a_sum_asked_in_the_imperative_lists_its_sides() -> None:
    assert listed_sides("Tot up the money for the Vaccines Development & Manufacturing Centre, "
                        "the Medicines Manufacturing Innovation Centre and the Stevenage "
                        "expansion.") == ["the Vaccines Development & Manufacturing Centre",
                                          "the Medicines Manufacturing Innovation Centre",
                                          "the Stevenage expansion"]


def test_a_sum_of_things_counted_after_the_ask_lists_them() -> None:
    q = ("Within the Acme Fund's manufacturing money, how much goes to cell treatments if you "
         "count the Stevenage centre expansion, the three treatment centres and the separate "
         "viral vector money?")
    assert detect_operation(q) is Operation.SUM
    assert listed_sides(q) == ["the Stevenage centre expansion", "the three treatment centres",
                               "the separate viral vector money"]
    assert detect_operation("If you count the centre, what is the total?") is None


SUMMARY = "Change immigration rules to let scientists under the Tier 1 route settle after three years"
CHAPTER = ("The government will change immigration rules to let scientists and researchers "
           "endorsed under the Tier 1 (Exceptional Talent) route settle after three years, and "
           "reduce red tape in hiring international researchers.")


def _fuller(question: str, first: str, second: str) -> str:
    a, b = _passage("doc#k/001", "Key commitments", first), _passage("doc#p/001", "People", second)
    others = [_passage(f"doc#o/{n:03d}", "Other", f"Unrelated sentence {n} about vaccines.")
              for n in range(20)]  # (enough that the two units' shared words are not common)
    stats = TermStats([a, b, *others])
    fits = [Candidate.of_unit(a, 0), Candidate.of_unit(b, 0)]
    req = AnswerRequest(question, question, analyse_question(question), [], np.zeros(3))
    return Selector(stats)._fuller(req, fits[0], fits).passage.passage_id


def test_the_restatement_holding_more_of_the_question_is_preferred() -> None:
    q = "What endorsement does a scientist need to use the three-year settlement route?"
    assert _fuller(q, SUMMARY, CHAPTER) == "doc#p/001"
    # asked nothing the chapter adds, the first stays
    assert _fuller("When can scientists on the Tier 1 route settle?", SUMMARY,
                   CHAPTER) == "doc#k/001"
    # another fact holding more of the question's words is not a restatement
    other = "Endorsement of scientists for settlement will be reviewed by the Home Office."
    assert _fuller(q, SUMMARY, other) == "doc#k/001"


@pytest.mark.parametrize(("question", "names"), [
    # a name a place owns is the name; the place is asked about as a place
    ("The programme modelled on America's DARPA: over what time frame?", ("DARPA",)),
    ("How many jobs will Liverpool's Seqirus plant create?", ("Seqirus",)),
    # a possessive inside a name, or a possessor that is no place, stays
    ("What does Guy's Hospital do?", ("Guy's Hospital",)),
    ("What is Acme's Zeta Hub for?", ("Acme's Zeta Hub",)),
])
def test_a_name_owned_by_a_place(question: str, names: tuple[str, ...]) -> None:
    from assistant.question_names import names_in

    assert names_in(question) == names


@pytest.mark.parametrize(("question", "percent"), [
    ("What slice of Acme's products is left for customers at home?", True),
    ("What fraction of the order book is exported?", True),
    ("What's its slice of the £146m?", False),  # a part of a sum: money
    ("If most of it is exported, what share stays in the UK?", True),
])
def test_a_slice_or_fraction_of_a_whole_is_a_share(question: str, percent: bool) -> None:
    a = analyse_question(question)
    assert a.answer_type is AnswerType.AMOUNT and a.wants_percent is percent


def test_rent_is_money_of_a_kind() -> None:
    from assistant.money_kinds import money_asked

    assert money_asked("what rent will start-ups pay for space at the centre?") == ("rent",)


def test_pay_for_staff_is_a_salary() -> None:
    from assistant.money_kinds import money_asked

    assert "salar" in money_asked("how much will the firm pay its new glasgow staff?")
    assert money_asked("how much will the firm pay for the building?") == ()


def test_parties_acting_in_a_role_are_named() -> None:
    a = analyse_question("Name the three parties that will head up delivery of the regional hubs.")
    assert a.answer_type is AnswerType.ENTITY and "lead" in a.acts
    # (two sides of a partnership are no names: "the NHS and the life sciences industry")
    assert analyse_question("Between which two parties will the collaborative broker "
                            "partnerships?").answer_type is AnswerType.LIST


def test_a_figure_named_by_what_it_counts_is_asked_for() -> None:
    assert analyse_question("What UK population figure does the deal quote when it calls the "
                            "data unique?").answer_type is AnswerType.AMOUNT
    assert analyse_question("What types of treatment count as advanced therapies?"
                            ).answer_type is not AnswerType.AMOUNT


@pytest.mark.parametrize(("question", "words"), [
    # a short last ask refers back to the kind of money the question names before it
    ("did acme get a government grant towards its move, and how much?", ("grant",)),
    ("how much is acme investing, and how much of it is a grant?", ("grant",)),
    ("did acme get a grant for its move? how much is it investing in the new site?", ()),
])
def test_money_of_a_kind_asked_before_a_short_ask(question: str, words) -> None:
    from assistant.money_kinds import money_asked

    assert money_asked(question) == words


def test_what_how_many_of_the_things_counts() -> None:
    a = analyse_question("How many of the pioneering investment locations named in the summary "
                         "are outside England?")
    assert a.count_noun == "location"


def test_a_role_graded_as_intended_is_the_role() -> None:
    # "intended" grades the role; "collaborators" are partners ("... will collaborate")
    a = analyse_question("Who are the intended collaborators in the research programme?")
    assert a.asks_role and "collabor" in a.focus and "partner" in a.focus
