"""Dense retrieval, and the fusion of BM25 and dense rankings."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from conftest import FakeEmbeddings
from langchain_core.embeddings import Embeddings
from test_retrieval_support import make_corpus

from dealqa.errors import InvalidQuestionError
from retrieval.dense import DensePooling, DenseRetriever
from retrieval.hybrid import FusionMethod, HybridRetriever
from retrieval.store import build_index

SETTINGS = {"model": "fake", "chunking": {}}


@pytest.fixture
def index(tmp_path):
    return build_index(make_corpus(), FakeEmbeddings(), tmp_path / "index", SETTINGS)


# --- dense -----------------------------------------------------------------------------------


def test_dense_finds_word_overlap_with_fake_embeddings(index):
    hits = DenseRetriever(index, FakeEmbeddings()).run("Seqirus fill and finish facility", k=3)
    assert "Seqirus" in hits[0].passage.text
    assert [h.rank for h in hits] == [1, 2, 3]
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))
    assert hits[0].scores == {"dense": hits[0].score}


def test_dense_reuses_a_given_query_vector(index):
    dense = DenseRetriever(index, FakeEmbeddings())
    vec = dense.embed_query("Stevenage")
    assert [h.passage for h in dense.run("ignored", k=2, query_vec=vec)] == [
        h.passage for h in dense.run("Stevenage", k=2)
    ]


def test_dense_k_larger_than_corpus(index):
    assert len(DenseRetriever(index, FakeEmbeddings()).run("jobs", k=50)) == len(index.passages)


def test_dense_rejects_an_embedder_of_another_size(index):
    with pytest.raises(ValueError, match="does not match the index"):
        DenseRetriever(index, FakeEmbeddings(dim=32)).run("jobs", k=1)


class ExactEmbeddings(Embeddings):
    """Vectors looked up by exact text (zero vector otherwise): every similarity is set here."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table

    def embed_documents(self, texts):
        return [self.table.get(t, [0.0, 0.0, 0.0]) for t in texts]

    def embed_query(self, text):
        return self.table[text]


POOLING = [
    (("S",), ["alpha one.", "beta two."]),  # one unit matches the query exactly
    (("S",), ["gamma three."]),
]
POOLING_TABLE = {
    "S\nalpha one. beta two.": [0.6, 0.8, 0.0],  # the passage vector averages two topics
    "alpha one.": [1.0, 0.0, 0.0],
    "beta two.": [0.0, 1.0, 0.0],
    "S\ngamma three.": [0.9, 0.0, 0.43589],
    "gamma three.": [0.9, 0.0, 0.43589],
    "q": [1.0, 0.0, 0.0],
}


@pytest.fixture
def pooled(tmp_path):
    emb = ExactEmbeddings(POOLING_TABLE)
    return build_index(make_corpus(POOLING), emb, tmp_path / "pooled", SETTINGS), emb


def test_maxp_pooling_lets_a_matching_unit_lift_its_passage(pooled):
    index, emb = pooled
    maxp = DenseRetriever(index, emb).run("q", k=2)
    assert [h.passage.text for h in maxp] == ["alpha one. beta two.", "gamma three."]
    assert [h.score for h in maxp] == pytest.approx([1.0, 0.9], abs=1e-4)
    plain = DenseRetriever(index, emb, pooling=DensePooling.PASSAGE).run("q", k=2)
    assert [h.passage.text for h in plain] == ["gamma three.", "alpha one. beta two."]
    assert [h.score for h in plain] == pytest.approx([0.9, 0.6], abs=1e-4)


def test_unit_scores_take_the_best_unit_of_each_passage(pooled, tmp_path):
    index, emb = pooled
    dense = DenseRetriever(index, emb)
    vec = dense.embed_query("q")
    assert dense.unit_scores(vec) == pytest.approx([1.0, 0.9], abs=1e-4)
    no_units = make_corpus(POOLING)
    no_units.passages[:] = [replace(p, units=()) for p in no_units.passages]
    bare = build_index(no_units, emb, tmp_path / "bare", SETTINGS)
    # Without units MaxP falls back to the passage vector.
    assert DenseRetriever(bare, emb).unit_scores(vec) == pytest.approx([-1.0, -1.0])
    assert [h.score for h in DenseRetriever(bare, emb).run("q", k=2)] == pytest.approx(
        [0.9, 0.6], abs=1e-4
    )


# --- fusion on a crafted example ---------------------------------------------------------------


class TableEmbeddings(Embeddings):
    """Vectors looked up by a keyword in the text, so the dense ranking is set by the test."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table

    def _vec(self, text: str) -> list[float]:
        for key, vec in self.table.items():
            if key in text:
                return vec
        return [0.0] * 4

    def embed_documents(self, texts):
        return [self._vec(t) for t in texts]

    def embed_query(self, text):
        return self._vec(text)


# BM25 for "zinc": A (three mentions) > B > C (one mention, long) and D (no mention).
# Dense (by the table): B > C > D > A.
CRAFTED = [
    (("S",), ["AAA zinc zinc zinc report."]),
    (("S",), ["BBB zinc report with a few more words."]),
    (("S",), ["CCC zinc mentioned once in a much longer passage about other topics entirely."]),
    (("S",), ["DDD nothing relevant here at all."]),
]
TABLE = {
    "AAA": [1.0, 0.0, 0.0, 0.0],
    "BBB": [0.0, 1.0, 0.0, 0.0],
    "CCC": [0.0, 0.0, 1.0, 0.0],
    "DDD": [0.0, 0.0, 0.0, 1.0],
    "zinc": [0.1, 0.9, 0.5, 0.3],  # the query
}


@pytest.fixture
def crafted(tmp_path):
    emb = TableEmbeddings(TABLE)
    index = build_index(make_corpus(CRAFTED), emb, tmp_path / "crafted", SETTINGS)
    return index, emb


def _labels(hits):
    return [h.passage.text[:3] for h in hits]


def test_rrf_order_on_crafted_example(crafted):
    index, emb = crafted
    hits = HybridRetriever(index, emb, top_k=4, method="rrf").run("zinc")
    # A: 1/61 + 1/64, B: 1/62 + 1/61, C: 1/63 + 1/62, D: 0 + 1/63 (no lexical vote)
    assert _labels(hits) == ["BBB", "AAA", "CCC", "DDD"]
    expected = [1 / 62 + 1 / 61, 1 / 61 + 1 / 64, 1 / 63 + 1 / 62, 1 / 63]
    assert [h.score for h in hits] == pytest.approx(expected)
    assert [h.rank for h in hits] == [1, 2, 3, 4]
    assert "bm25_rank" not in hits[3].scores and hits[3].scores["bm25"] == 0


def test_every_hit_carries_all_scores(crafted):
    index, emb = crafted
    query = np.array(TABLE["zinc"]) / np.linalg.norm(TABLE["zinc"])
    for h in HybridRetriever(index, emb).run("zinc", k=3):
        assert {"bm25", "dense", "fused"} <= h.scores.keys()
        assert h.scores["fused"] == h.score
        assert h.scores["dense"] == pytest.approx(float(np.dot(TABLE[h.passage.text[:3]], query)))


def test_candidates_limit_the_pool(crafted):
    index, emb = crafted
    # Top-1 of each list: A (BM25) and B (dense) only.
    hits = HybridRetriever(index, emb, candidates=1).run("zinc", k=4)
    assert sorted(_labels(hits)) == ["AAA", "BBB"]


def test_default_fusion_weighs_scores_not_ranks(crafted):
    """A's dense score is a ninth of B's, C's more than half: by scores C outranks A, though
    RRF (ranks only, BM25 preferring A) puts A second."""
    index, emb = crafted
    hits = HybridRetriever(index, emb, top_k=4).run("zinc")
    assert _labels(hits) == ["BBB", "CCC", "AAA", "DDD"]
    top_dense = max(h.scores["dense"] for h in hits)
    top_bm25 = max(h.scores["bm25"] for h in hits)
    expected = [0.7 * h.scores["dense"] / top_dense + 0.3 * h.scores["bm25"] / top_bm25
                for h in hits]
    assert [h.score for h in hits] == pytest.approx(expected)


def test_describe_names_the_fusion_and_its_setting(crafted):
    index, emb = crafted
    assert HybridRetriever(index, emb).describe() == {"fusion": "weighted", "dense_weight": 0.7}
    assert HybridRetriever(index, emb, method="rrf").describe() == {"fusion": "rrf", "rrf_k": 60}


@pytest.mark.parametrize(
    ("weight", "order"),
    [(1.0, ["BBB", "CCC", "DDD", "AAA"]), (0.0, ["AAA", "BBB", "CCC"])],
)
def test_weighted_fusion_extremes_reduce_to_one_retriever(crafted, weight, order):
    index, emb = crafted
    hybrid = HybridRetriever(index, emb, method="weighted", dense_weight=weight)
    assert _labels(hybrid.run("zinc", k=4))[: len(order)] == order


def test_query_vector_is_reused(crafted):
    index, emb = crafted
    hybrid = HybridRetriever(index, emb)
    vec = hybrid.embed_query("zinc")
    assert _labels(hybrid.run("zinc", query_vec=vec)) == _labels(hybrid.run("zinc"))


def test_hybrid_on_the_mini_corpus(index):
    hybrid = HybridRetriever(index, FakeEmbeddings(), top_k=3)
    assert "£66 million" in hybrid.run("How much for the vaccines centre? £66m")[0].passage.text
    assert len(hybrid.run("Stevenage")) == 3


def test_hybrid_validates(index):
    fake = FakeEmbeddings()
    with pytest.raises(ValueError, match="top_k must be > 0, got 0"):
        HybridRetriever(index, fake, top_k=0)
    with pytest.raises(ValueError, match="candidates must be > 0"):
        HybridRetriever(index, fake, candidates=0)
    with pytest.raises(ValueError, match="dense_weight must be in"):
        HybridRetriever(index, fake, dense_weight=1.5)
    with pytest.raises(ValueError):
        HybridRetriever(index, fake, method="sum")
    assert HybridRetriever(index, fake, method="weighted").method is FusionMethod.WEIGHTED
    with pytest.raises(InvalidQuestionError, match="empty query"):
        HybridRetriever(index, fake).run("   ")
    with pytest.raises(ValueError, match="k must be > 0"):
        HybridRetriever(index, fake).run("jobs", k=0)


# "orchard" is in E only (three times): a dominant lexical match the dense side ranks last.
DOMINANT = [
    (("S",), ["EEE orchard orchard orchard partner note."]),
    (("S",), ["FFF partner report."]),
    (("S",), ["GGG partner report with more words."]),
    (("S",), ["HHH partner report with even more words in it."]),
    (("S",), ["III partner report with many more words in it than the others."]),
]
DOMINANT_TABLE = {
    "EEE": [0.0, 0.0, 0.0, 1.0], "FFF": [1.0, 0.0, 0.0, 0.0], "GGG": [0.9, 0.1, 0.0, 0.0],
    "HHH": [0.8, 0.2, 0.0, 0.0], "III": [0.7, 0.3, 0.0, 0.0],
    "orchard": [1.0, 0.0, 0.0, 0.0],  # the query
}


def test_a_dominant_lexical_match_takes_the_last_slot(tmp_path):
    emb = TableEmbeddings(DOMINANT_TABLE)
    index = build_index(make_corpus(DOMINANT), emb, tmp_path / "dominant", SETTINGS)
    plain = HybridRetriever(index, emb, dominant_ratio=None).run("orchard partner", k=2)
    assert _labels(plain) == ["FFF", "GGG"]  # fusion alone (RRF or weighted) buries it
    hits = HybridRetriever(index, emb).run("orchard partner", k=2)
    assert _labels(hits) == ["FFF", "EEE"] and [h.rank for h in hits] == [1, 2]
    with pytest.raises(ValueError, match="dominant_ratio must be >= 1"):
        HybridRetriever(index, emb, dominant_ratio=0.5)


# "NNN" shares no word with the query but is closest in meaning; the others share "meadow".
PARAPHRASED = [
    (("S",), ["JJJ meadow meadow report."]),
    (("S",), ["KKK meadow report with words."]),
    (("S",), ["LLL meadow report with a few more words."]),
    (("S",), ["MMM meadow mentioned once in a long passage about other things."]),
    (("S",), ["NNN nothing in common."]),
]
PARAPHRASED_TABLE = {
    "JJJ": [0.9, 0.1, 0.0, 0.0], "KKK": [0.8, 0.2, 0.0, 0.0], "LLL": [0.7, 0.3, 0.0, 0.0],
    "MMM": [0.6, 0.4, 0.0, 0.0], "NNN": [1.0, 0.0, 0.0, 0.0],
    "meadow": [1.0, 0.0, 0.0, 0.0],  # the query
}


def test_the_passage_closest_in_meaning_takes_the_last_slot(tmp_path):
    emb = TableEmbeddings(PARAPHRASED_TABLE)
    index = build_index(make_corpus(PARAPHRASED), emb, tmp_path / "para", SETTINGS)
    plain = HybridRetriever(index, emb, keep_dense_best=False).run("meadow", k=3)
    assert _labels(plain) == ["JJJ", "KKK", "LLL"]  # fusion alone (RRF or weighted) buries it
    hits = HybridRetriever(index, emb).run("meadow", k=3)
    assert _labels(hits) == ["JJJ", "KKK", "NNN"] and [h.rank for h in hits] == [1, 2, 3]
    # ... not when only two passages are asked for: the top of the fused ranking stays.
    assert _labels(HybridRetriever(index, emb).run("meadow", k=2)) == ["JJJ", "KKK"]
