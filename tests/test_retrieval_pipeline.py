"""Retrieval over ingest's real output for the fixture corpus (FakeEmbeddings: fast)."""

from __future__ import annotations

import shutil

import pytest
from conftest import FakeEmbeddings

from retrieval.baselines import recipe_passages
from retrieval.hybrid import HybridRetriever
from retrieval.store import build_index, expected_manifest, load_index, stale_reason

ingest = pytest.importorskip("ingest")
CHUNKING = {"max_tokens": 200, "hard_limit": 254}


@pytest.fixture
def corpus_copy(tmp_path, fixture_corpus):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    shutil.copy(fixture_corpus, corpus_dir / fixture_corpus.name)
    return corpus_dir


@pytest.fixture
def index_dir(tmp_path, corpus_copy):
    fake = FakeEmbeddings()
    result = ingest.ingest_paths(ingest.corpus_paths(corpus_copy), fake.count_tokens)
    out = tmp_path / "index"
    build_index(result, fake, out, {"model": "fake", "chunking": CHUNKING})
    return out


def test_round_trip_of_ingested_passages(index_dir, corpus_copy):
    fake = FakeEmbeddings()
    result = ingest.ingest_paths(ingest.corpus_paths(corpus_copy), fake.count_tokens)
    loaded = load_index(index_dir)
    assert loaded.passages == result.passages and loaded.documents == result.documents
    assert loaded.unit_vectors.shape[0] == sum(len(p.units) for p in result.passages)


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("Where is the Cell Therapy Centre?", "Stevenage"),
        ("How much is the vaccines centre in Oxford getting? £20 million", "£20m on a Vaccines"),
        ("Which company announced a 30m research centre in Leeds?", "Zeta Pharma"),
        ("When is the Oversight Board's first meeting?", "Jan 2018"),
    ],
)
def test_hybrid_finds_the_passage(index_dir, question, needle):
    hits = HybridRetriever(load_index(index_dir), FakeEmbeddings(), top_k=3).run(question)
    assert any(needle in h.passage.text for h in hits)


def test_staleness_follows_the_corpus_file(index_dir, corpus_copy):
    paths = ingest.corpus_paths(corpus_copy)
    assert stale_reason(index_dir, expected_manifest(paths, "fake", CHUNKING)) is None
    paths[0].write_text(paths[0].read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    reason = stale_reason(index_dir, expected_manifest(paths, "fake", CHUNKING))
    assert reason == f"document changed: {paths[0]}"


def test_recipe_passages_get_units_from_ingest(fixture_corpus):
    passages = recipe_passages([fixture_corpus])
    assert all(p.units for p in passages)
    for p in passages:
        assert all(p.start <= u.start < u.end <= p.end for u in p.units)
