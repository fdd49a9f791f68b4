"""Real model, real corpus: ingest -> build -> load -> hybrid search (marked integration)."""

from __future__ import annotations

import pytest

from dealqa.settings import get_settings
from retrieval.baselines import RecipeBM25Retriever, RecipeDenseRetriever, recipe_passages
from retrieval.hybrid import HybridRetriever
from retrieval.store import build_index, expected_manifest, load_index, stale_reason

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def real_index(tmp_path_factory, real_embedder, real_corpus):
    ingest = pytest.importorskip("ingest")
    if not hasattr(ingest, "ingest_paths"):
        pytest.skip("ingest.ingest_paths is not available yet")
    s = get_settings()
    result = ingest.ingest_paths(
        [real_corpus], real_embedder.count_tokens, max_tokens=s.chunk_max_tokens,
        hard_limit=s.chunk_hard_limit,
    )
    chunking = {"max_tokens": s.chunk_max_tokens, "hard_limit": s.chunk_hard_limit}
    index_dir = tmp_path_factory.mktemp("real") / "index"
    build_index(result, real_embedder, index_dir, {"model": s.model_name, "chunking": chunking})
    return index_dir, result, chunking


@pytest.fixture(scope="module")
def hybrid(real_index, real_embedder):
    return HybridRetriever(load_index(real_index[0]), real_embedder, top_k=5)


def test_round_trip_and_freshness(real_index, real_corpus):
    index_dir, result, chunking = real_index
    loaded = load_index(index_dir)
    assert loaded.passages == list(result.passages)
    assert loaded.passage_vectors.shape == (len(result.passages), 384)
    expected = expected_manifest([real_corpus], get_settings().model_name, chunking)
    assert stale_reason(index_dir, expected) is None


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("How much for the Vaccines Development and Manufacturing Centre?", "£66m"),
        ("Which company is building a fill and finish facility in Liverpool?", "Seqirus"),
        ("Where will the Cell and Gene Therapy Catapult manufacturing centre expand?", "Stevenage"),
        ("What share of GDP should R&D investment reach by 2027?", "2.4 per cent"),
    ],
)
def test_hybrid_ranks_the_answer_passage_in_top_5(hybrid, question, needle):
    hits = hybrid.run(question)
    assert any(needle in h.passage.text for h in hits), [h.passage.passage_id for h in hits]


def test_recipe_baselines_run_on_the_real_corpus(real_embedder, real_corpus):
    passages = recipe_passages([real_corpus])
    for retriever in (RecipeDenseRetriever(passages, real_embedder), RecipeBM25Retriever(passages)):
        hits = retriever.run("Seqirus", k=3)
        assert hits and [h.rank for h in hits] == list(range(1, len(hits) + 1))
