"""The embedder: cheap validating constructor, any-embedder helpers, and the real model."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import FakeEmbeddings

from retrieval.embeddings import MiniLMEmbeddings, _load_model, as_matrix, embedder_id, query_vector


def test_constructor_only_validates():
    _load_model.cache_clear()
    emb = MiniLMEmbeddings("/no/such/model")  # nothing is loaded yet, so no error
    assert emb.batch_size == 32 and _load_model.cache_info().currsize == 0
    with pytest.raises(ValueError, match="batch_size must be > 0, got 0"):
        MiniLMEmbeddings("/m", batch_size=0)
    with pytest.raises(ValueError, match="model_path must be a non-empty path"):
        MiniLMEmbeddings("")
    with pytest.raises(ValueError, match="device must be"):
        MiniLMEmbeddings("/m", device="tpu")


def test_as_matrix_and_query_vector_with_a_plain_langchain_embedder():
    fake = FakeEmbeddings(dim=16)
    m = as_matrix(fake, ["alpha beta", "gamma"])
    assert m.shape == (2, 16) and m.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(m, axis=1), 1.0, rtol=1e-6)
    assert as_matrix(fake, []).shape == (0, 16)
    q = query_vector(fake, "alpha beta")
    assert q.shape == (16,) and q.dtype == np.float32
    np.testing.assert_allclose(q, m[0], rtol=1e-6)


def test_embedder_id_for_a_fake_names_the_class():
    assert embedder_id(FakeEmbeddings()).endswith("FakeEmbeddings")


@pytest.mark.integration
def test_real_model_vectors_and_tokens(real_embedder):
    m = real_embedder.encode(["Vaccines Development and Manufacturing Centre", "Seqirus"])
    assert m.shape == (2, 384) and m.dtype == np.float32 and real_embedder.dim == 384
    np.testing.assert_allclose(np.linalg.norm(m, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(real_embedder.embed_documents(["Seqirus"])[0], m[1], atol=1e-5)
    np.testing.assert_allclose(real_embedder.embed_query("Seqirus"), m[1], atol=1e-5)
    assert real_embedder.count_tokens("") == 2  # [CLS] [SEP]
    assert real_embedder.count_tokens("hello world") == 4
    assert real_embedder.count_tokens("word " * 400) == 402  # counted past the 256 limit


@pytest.mark.integration
def test_instances_share_one_model(real_embedder):
    other = MiniLMEmbeddings(real_embedder.model_path, batch_size=8)
    assert other.model is real_embedder.model
    assert embedder_id(other) == embedder_id(real_embedder)
    assert embedder_id(other).startswith("sha256:")


@pytest.mark.integration
def test_fast_query_path_matches_encode(real_embedder) -> None:
    import numpy as np

    for q in ("How much for the Vaccines Development & Manufacturing Centre?", "Seqirus", "x " * 400):
        fast = np.asarray(real_embedder.embed_query(q), dtype=np.float32)
        slow = real_embedder.encode([q])[0]
        assert float(np.dot(fast, slow)) > 0.9999 and abs(float(np.linalg.norm(fast)) - 1) < 1e-5
