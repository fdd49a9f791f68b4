"""A long unit's quote goes to the sentence the model places nearest the question."""

from __future__ import annotations

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from assistant.question import analyse_question
from assistant.quoting import Quoter
from assistant.request import AnswerRequest
from assistant.scoring import Candidate, TermStats
from assistant.selection import Selector
from assistant.sentence_vectors import SentenceVectors
from dealqa.types import Passage, Unit, UnitKind

OPENING = "The Borealis Centre opens in Exeter in 2019, with partners from across the region."
PURPOSE = "Its purpose is to cut sickness absence and so raise the productivity of the workforce."
LIBRARY = "The centre also hosts a library of tissue samples for visiting researchers."
BODY = f"{OPENING} {PURPOSE} {LIBRARY}"


class ScriptedEmbeddings(Embeddings):
    """Each known sentence gets its own axis; the purpose sentence shares the query's."""

    AXES = {OPENING: 1, PURPOSE: 0, LIBRARY: 2}

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def _vec(self, text: str) -> list[float]:
        v = np.zeros(4, dtype=np.float32)
        v[self.AXES.get(text, 3)] = 1.0
        return v.tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(list(texts))
        return [self._vec(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vec(PURPOSE)


def _quote(sentence_vectors: SentenceVectors | None, question: str) -> str:
    p = Passage("doc#p/001", "doc", BODY, ("Places",), 0, len(BODY),
                (Unit(UnitKind.BULLET, 0, len(BODY)),))
    filler = [Passage(f"doc#o/{i:03d}", "doc", "The government will work with the sector.",
                      ("Other",), 0, 40) for i in range(4)]
    stats = TermStats([p, *filler])
    req = AnswerRequest(question, question, analyse_question(question), (),
                        np.eye(4, dtype=np.float32)[0])
    quoter = Quoter(stats, Selector(stats), max_chars=100, sentence_vectors=sentence_vectors)
    terms = [t for t in ("borealis", "centr", "economy") if t]
    return quoter.span(req, terms, Candidate.of_unit(p, 0), 100).quote


def test_a_question_in_other_words_gets_the_sentence_nearest_it() -> None:
    q = "What is the Borealis Centre meant to do for the economy?"
    # By the words alone the opening wins: it names the centre, and nothing else matches.
    assert _quote(None, q).startswith("The Borealis Centre opens")
    assert _quote(SentenceVectors(ScriptedEmbeddings()), q) == PURPOSE


def test_sentences_are_embedded_once() -> None:
    emb = ScriptedEmbeddings()
    vectors = SentenceVectors(emb)
    q = np.eye(4, dtype=np.float32)[0]
    assert vectors.similarities(q, [OPENING, PURPOSE]) == [0.0, 1.0]
    assert vectors.similarities(q, [PURPOSE, LIBRARY]) == [1.0, 0.0]
    assert emb.calls == [[OPENING, PURPOSE], [LIBRARY]]


def test_the_cache_bound_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_cached must be > 0, got 0"):
        SentenceVectors(ScriptedEmbeddings(), max_cached=0)
