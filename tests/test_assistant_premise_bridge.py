"""Bridges through a premise: a subject the opening statement leaves open ("a lab in one
particular city") is looked up, then the question asks about it ("... for that city?")."""

from __future__ import annotations

import pytest

from assistant.premise_bridge import find_premise_bridge, premise_ask, premise_names


@pytest.mark.parametrize("question, first, rest, count", [
    ("The prize was won at a lab in one particular city. What rail money goes to that city?",
     "The prize was won at a lab in which city?", "What rail money goes to NAME?", 1),
    ("Zeta's centre grew out of a partnership with one university. Which firm will work with "
     "that same university?", "Zeta's centre grew out of a partnership with which university?",
     "Which firm will work with NAME?", 1),
    ("The foreword's co-signatory is a professor at a particular university. At that "
     "university, which units run the trial?",
     "The foreword's co-signatory is a professor at which university?",
     "At NAME, which units run the trial?", 1),
    ("The network works within another body's infrastructure. What are that body's new "
     "contracts worth?", "The network works within which body's infrastructure?",
     "What are NAME's new contracts worth?", 1),
    ("The summary credits two world-leading UK companies with a strong base. What are those "
     "two doing in genomics?", "The summary credits which two world-leading UK companies "
     "with a strong base?", "What are NAME doing in genomics?", 2),
    ("Two charities fund the study. What else do these two charities fund?",
     "Which two charities fund the study?", "What else do NAME fund?", 2),
    # A role refers back to an organisation of any kind: the foundation is the funder.
    ("Zeta got $40m from a foundation. What is that same funder doing with Kappa?",
     "Zeta got $40m from which foundation?", "What is NAME doing with Kappa?", 1),
])
def test_the_premise_is_asked_for_what_it_leaves_open(question, first, rest, count) -> None:
    b = find_premise_bridge(question)
    assert b is not None and b.first == first and b.count == count
    assert premise_ask(b, "NAME") == rest


@pytest.mark.parametrize("question", [
    "What rail money goes to that city?",  # no premise to look the city up in
    "The prize was won in Cambridge. What rail money goes to that city?",  # named already
    "The prize was won at a lab in one particular city. What did the lab find?",  # no reference
    "A company plans a centre. What are those two doing?",  # "those two" needs two
    "The prize was won at a lab in one particular city. Which company is in that region?",
    "The prize was won at a lab in one particular city. What is that funder doing?",  # no org
])
def test_no_bridge_without_an_open_subject_and_a_reference_to_it(question) -> None:
    assert find_premise_bridge(question) is None


def test_the_names_are_a_new_place_or_new_names_of_the_kind() -> None:
    b = find_premise_bridge("The team in Leeds won a prize at a lab in one particular city. "
                            "What rail money goes to that city?")
    # Leeds is the question's own place, not the one asked for.
    assert premise_names(b, ["Teams from Leeds won at a lab in Cambridge in 2017."]) == "Cambridge"
    assert premise_names(b, ["A lab won the prize."]) is None
    b = find_premise_bridge("The co-signatory is a professor at a particular university. "
                            "What does that university do?")
    # A list answer's third quote names the university: a name carrying the kind wins.
    quotes = ["Rt Hon Ann Lee MP — Secretary of State", "Professor Sir Bo Bell — Regius "
              "Professor of Medicine, The University of Exeter"]
    assert premise_names(b, quotes) == "The University of Exeter"
    b = find_premise_bridge("The summary credits two UK companies with a strong base. What "
                            "are those two doing?")
    assert premise_names(b, ["The base provided by Acme and Zeta Pharma helps."]) == \
        "Acme and Zeta Pharma"
    assert premise_names(b, ["The base provided by Acme helps."]) is None
