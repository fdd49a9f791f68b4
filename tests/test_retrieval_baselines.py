"""The copy-the-recipe baselines over the fixture corpus."""

from __future__ import annotations

import pytest
from conftest import FakeEmbeddings

from retrieval.baselines import RecipeBM25Retriever, RecipeDenseRetriever, recipe_passages


@pytest.fixture
def passages(fixture_corpus):
    return recipe_passages([fixture_corpus])


def test_recipe_chunks_are_raw_text_with_offsets(passages, fixture_corpus):
    raw = fixture_corpus.read_text(encoding="utf-8")
    assert len(passages) >= 2  # the fixture is ~2 kB; chunks are <= 1000 characters
    ids = [f"recipe-{i:04d}" for i in range(1, len(passages) + 1)]
    assert [p.passage_id for p in passages] == ids
    for p in passages:
        assert raw[p.start : p.end] == p.text and len(p.text) <= 1000
        assert p.section == ("",) and p.doc_id == "mini-deal"
    assert any("Withdrawn 1 May 2024" in p.text for p in passages)  # no cleaning: it is a baseline
    assert any("\\$30m" in p.text for p in passages)


def test_recipe_bm25_finds_names(passages):
    hits = RecipeBM25Retriever(passages).run("Zeta Pharma research centre", k=2)
    assert hits and "Zeta Pharma" in hits[0].passage.text
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert set(hits[0].scores) == {"bm25"}


def test_recipe_bm25_has_no_amount_normalisation(passages):
    # Plain bm25s tokenisation: "£50m" is not "50 million" (that gap is what the baseline shows).
    assert RecipeBM25Retriever(passages).run("50 million", k=3) == []


def test_recipe_dense_with_fake_embeddings(passages):
    dense = RecipeDenseRetriever(passages, FakeEmbeddings())
    hits = dense.run("Oversight Board first meeting", k=2)
    assert "Oversight Board" in hits[0].passage.text
    assert set(hits[0].scores) == {"dense"} and hits[0].rank == 1
    assert dense.passages == passages


def test_validation(passages):
    with pytest.raises(ValueError, match="k must be > 0, got 0"):
        RecipeBM25Retriever(passages).run("x", k=0)
    with pytest.raises(ValueError, match="needs an embedder"):
        RecipeDenseRetriever(passages, None)
