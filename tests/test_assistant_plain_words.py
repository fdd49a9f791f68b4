"""The plain-words lexicon: everyday phrases widen the search with the deal's words."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from assistant.chain import build_chain
from assistant.plain_words import PlainWords, load_plain_words, parse_plain_words
from assistant.request import AnswerDraft, AnswerRequest


def test_expand_adds_the_deals_words_for_everyday_phrases() -> None:
    pw = PlainWords({"jab": "vaccine", "flu": "influenza", "bottling plant": "fill and finish",
                     "plant": "facility"})
    assert pw.expand("Which flu jab maker?") == "influenza vaccine"
    # The longer phrase wins, whole words only, a plural matches, nothing is added twice.
    assert pw.expand("a new bottling plant") == "fill and finish"
    assert pw.expand("jabs and more jabs") == "vaccine"
    assert pw.expand("a jabber, a jab-like thing") == ""
    assert pw.expand("the vaccine jab") == ""  # the text already says it
    assert PlainWords({}).expand("anything") == ""


def test_bad_lexicon_lines_are_named() -> None:
    with pytest.raises(ValueError, match="line 2: expected 'phrase<TAB>words'"):
        parse_plain_words("# a comment\njab vaccine\n")
    with pytest.raises(ValueError, match="needs a phrase and its words"):
        PlainWords({"jab": " "})
    # a phrase given twice: the second would silently replace the first's words
    with pytest.raises(ValueError, match="line 3: 'Jab' is already given on line 1"):
        parse_plain_words("jab\tvaccine\nflu\tinfluenza\nJab\tvaccination\n")


def test_the_shipped_lexicon_loads_and_maps_slang() -> None:
    pw = load_plain_words()
    assert len(pw) > 50
    assert "Liverpool" in pw.expand("a plant on Merseyside")
    # the clinical word for children's medicine is the deal's "children"
    assert "children" in pw.expand("a new paediatric technology centre")
    assert "European Union" in pw.expand("What happens after Brexit?")
    assert "scientists" in pw.expand("how many boffins")
    assert "patient data" in pw.expand("Who sees our health records?")
    assert pw.expand("biologists working with physicists") == "life sciences physical"
    # the deal's words for everyday ones about firms, tax and oversight
    assert "small and medium-sized businesses" in pw.expand("What about smaller companies?")
    assert "external investment" in pw.expand("bringing in outside shareholders")
    assert "HMRC" in pw.expand("the taxman's refund")
    assert "oversight" in pw.restate("the group overseeing the deal")
    # ... and for cost, money, size and jobs said plainly
    assert "reducing cost" in pw.expand("Could it make diagnosis cheaper?")
    assert "finance" in pw.expand("easier access to money for firms")
    assert "in addition to" in pw.expand("are the jobs on top of its current workforce?")
    assert "AI" in pw.expand("what computer intelligence brings")
    assert "reduce costs" in pw.expand("how will the tie-up save money?")
    assert "partnership" in pw.expand("how will the tie-up save money?")
    assert "concerns" in pw.expand("what has industry been grumbling about?")
    assert "clinical trials" in pw.expand("more drug-company studies on patients")
    assert "digital pathology" in pw.expand("computers reading tissue slides")
    assert "ageing society" in pw.expand("coping with people living longer")
    assert "genome" in pw.expand("reading people's DNA")
    assert "Patient Access Schemes" in pw.expand("the discount deals drug firms strike")
    # a fund to be floated or sold is to be privatised
    assert pw.expand("Could the fund eventually be privatised?") == "float sell"
    # Ordinary words are left to the search: a wrong sense would mislead it.
    assert pw.expand("How often does the group meet?") == ""


class _Recorder:
    def __init__(self) -> None:
        self.queries: list[str] = []
        self.requests: list[AnswerRequest] = []

    def run(self, query: Any, k: int | None = None) -> list:
        if isinstance(query, AnswerRequest):
            self.requests.append(query)
            return AnswerDraft(text="ok", citations=[], abstained=False)
        self.queries.append(query)
        return []


def test_the_chain_searches_with_the_added_words_but_keeps_the_question() -> None:
    rec = _Recorder()
    chain = build_chain(rec, rec, lambda text: np.zeros(3, dtype=np.float32), 5,
                        PlainWords({"jab": "vaccine"}))
    chain.invoke({"question": "Who makes the jab?", "history": []})
    assert rec.queries == ["Who makes the jab? (vaccine)"]
    req = rec.requests[0]
    assert req.question == req.standalone == "Who makes the jab?"
    assert req.plain_words == "vaccine"
    # ... and the question restated in the deal's words, for the check that the support
    # covers it
    assert req.restated == "Who makes the vaccine?"


def test_restate_puts_everyday_phrases_in_the_deals_words() -> None:
    pw = PlainWords({"tax break": "tax relief credit", "jab": "vaccine"})
    assert pw.restate("the tax breaks for founders") == "the tax relief credit for founders"
    assert pw.restate("Who makes the Jab?") == "Who makes the vaccine?"
    assert pw.restate("nothing to change") == "nothing to change"
    assert PlainWords({}).restate("anything") == "anything"


def test_an_empty_lexicon_is_used_as_given() -> None:
    rec = _Recorder()
    chain = build_chain(rec, rec, lambda text: np.zeros(3, dtype=np.float32), 5, PlainWords({}))
    chain.invoke({"question": "Who makes the jab?", "history": []})
    assert rec.queries == ["Who makes the jab?"]  # not widened by the shipped lexicon


@pytest.mark.parametrize(("question", "searched"), [
    ("What does the deal say about the regulator's move?", "What the regulator's move?"),
    ("Which clusters matter most, according to the deal?", "Which clusters matter most?"),
    ("When was the deal announced?", "When was the deal announced?"),  # about the deal itself
])
def test_the_askers_framing_is_not_searched_for(question: str, searched: str) -> None:
    rec = _Recorder()
    chain = build_chain(rec, rec, lambda text: np.zeros(3, dtype=np.float32), 5, PlainWords({}))
    chain.invoke({"question": question, "history": []})
    assert " ".join(rec.queries[0].split()) == searched
    assert rec.requests[0].question == question  # the question itself is kept
