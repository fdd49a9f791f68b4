"""Questions sweeping the whole deal for a topic: "What cancer work crops up across the deal?"."""

from __future__ import annotations

import pytest

from assistant.question import analyse_question
from assistant.scoring import TermStats
from assistant.topic_sweep import asked_topic, asks_things_quoted, topic_mentions
from dealqa.types import Passage, Unit, UnitKind

_TEXTS = [
    "The cancer programme will sequence genomes from cancer patients.",
    "Adaptimmune develops T-cell therapies to treat cancer.",
    "A joint commitment to invest in all parts of the country.",
    "An orthopaedic centre opens at a London hospital.",
    "The Orthopaedic Centre of Excellence opens at a London hospital in 2018.",
    "1. Cancer Research UK (2017), a report on cancer.",
    "Vaccines are made in Liverpool.",
    "Funding is agreed for the programme.",
] + [f"Filler sentence number {n} about skills." for n in range(8)]
_REFERENCES = 5


def _passages() -> list[Passage]:
    return [Passage(f"doc#s/{i:03d}", "doc", t,
                    ("References",) if i == _REFERENCES else ("Ideas",), 0, len(t),
                    (Unit(UnitKind.SENTENCE, 0, len(t)),)) for i, t in enumerate(_TEXTS)]


@pytest.fixture(scope="module")
def stats() -> TermStats:
    return TermStats(_passages())


@pytest.mark.parametrize(("question", "concepts"), [
    ("What cancer-related work crops up across the deal?", {frozenset({"cancer"})}),
    ("Pull together everything on vaccines.", {frozenset({"vaccin"})}),
    # a compound is one concept, and the deal knows no "bone"
    ("Pull together every orthopaedic or bone-and-joint initiative mentioned anywhere.",
     {frozenset({"orthopaedic"})}),
    # where a topic comes up, and what the deal describes as one
    ("Where does cancer come up in the deal?", {frozenset({"cancer"})}),
    ("Which companies does the deal describe as making vaccines?", {frozenset({"vaccin"})}),
    ("Which one does the deal describe as making vaccines?", None),  # one thing asked
    ("What does the deal say about cancer?", None),  # one fact, not a sweep
    ("How much cancer funding crops up across the deal?", None),  # a figure
    ("Pull together everything the deal says.", None),  # no topic
    # everything one subject does is one list, not a sweep
    ("List everything the cancer programme will do.", None),
    # whether, not every mention
    ("We make vaccines. Has the government backed a firm like ours anywhere in the deal?", None),
    # a word quoted as the deal's: that word alone, wherever the deal uses it
    ("Which projects or centres does the deal describe as 'orthopaedic'?",
     {frozenset({"orthopaedic"})}),
    ("The deal uses the word 'vaccines' for different things. What are they?",
     {frozenset({"vaccin"})}),
    ("What is the 'orthopaedic' centre?", None),  # a quote, not the word swept
    # the quoted word is the kind asked for
    ("Which different 'orthopaedic' projects are mentioned in the deal?",
     {frozenset({"orthopaedic"})}),
])
def test_a_sweep_asks_for_a_topics_concepts(stats, question, concepts) -> None:
    topic = asked_topic(analyse_question(question), stats)
    assert (set(topic) if topic else None) == concepts


def test_mentions_hold_the_topic_close_in_meaning_once_each_in_document_order(stats) -> None:
    passages = _passages()
    far = {"doc#s/000"}  # a unit holding the word but not close to the question's meaning
    found = topic_mentions(passages, (frozenset({"cancer"}),), stats, frozenset({"references"}),
                           lambda p, i: 0.1 if p.passage_id in far else 0.5)
    # the References entry is not a mention; the first unit is too far off in meaning
    assert [(p.passage_id, w) for p, _, w in found] == [("doc#s/001", "cancer")]


def test_a_restatement_is_one_mention(stats) -> None:
    found = topic_mentions(_passages(), (frozenset({"orthopaedic"}),), stats, frozenset(),
                           lambda p, i: 0.5 + 0.01 * int(p.passage_id[-1]))
    # the two orthopaedic units say the same thing: the closer one is kept
    assert [(p.passage_id, w) for p, _, w in found] == [("doc#s/004", "Orthopaedic")]


def test_asked_which_companies_a_mention_is_quoted_from_the_name_before_it() -> None:
    from assistant.deal_wide import (MENTION_QUOTE_CHARS, NAMED_MENTION_CHARS, _first_name,
                                     _mention_chars)

    text = "Vertex Pharmaceuticals is establishing its international headquarters in London."
    assert _first_name(text, "headquarters") == "Vertex Pharmaceuticals"
    assert _first_name("a new headquarters for Acme Group", "headquarters") == ""
    # the quote reaches from the name to the word, however far, within reason
    far = "Acme, " + "which makes things, " * 8 + "opened a headquarters."
    assert MENTION_QUOTE_CHARS < _mention_chars(far, "headquarters", "Acme") < NAMED_MENTION_CHARS
    assert _mention_chars(far * 3, "headquarters", "Acme") <= NAMED_MENTION_CHARS
    assert _mention_chars(text, "headquarters", "") == MENTION_QUOTE_CHARS


def test_things_a_quoted_word_describes_are_asked_for_by_name() -> None:
    assert asks_things_quoted("Which projects does the deal describe as 'state-of-the-art'?")
    assert not asks_things_quoted("Where does the deal use the word 'hub'?")
    assert not asks_things_quoted("Which projects are state-of-the-art?")
