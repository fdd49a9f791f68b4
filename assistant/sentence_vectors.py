"""How near each sentence of a long unit is to the question, by the embedding model.

A long bullet ("... the Orthopaedic and Rehabilitation Research and Innovation Centre ... Its
purpose will be to not only improve patient outcomes; but also drive the productivity of the
UK's workforce ...") is quoted in part, and which part is chosen by the question's words. A
question in other words ("what's it meant to do for the country's economy?") shares few of
them with the sentence that answers it; the model still places the two close. Sentences are
embedded on first use and cached (the deal's text does not change while it is served), so a
unit costs one model call the first time it is quoted and none after.
"""

from __future__ import annotations

import numpy as np
from langchain_core.embeddings import Embeddings

from retrieval.embeddings import as_matrix

__all__ = ["SentenceVectors"]


class SentenceVectors:
    def __init__(self, embedder: Embeddings, max_cached: int = 20_000) -> None:
        if max_cached <= 0:
            raise ValueError(f"max_cached must be > 0, got {max_cached}")
        self._embedder = embedder
        self._max_cached = max_cached
        self._vecs: dict[str, np.ndarray] = {}

    def similarities(self, query_vec: np.ndarray, sentences: list[str]) -> list[float]:
        """The cosine of each of ``sentences`` with ``query_vec`` (a unit vector)."""
        missing = [s for s in dict.fromkeys(sentences) if s not in self._vecs]
        if missing:
            if len(self._vecs) + len(missing) > self._max_cached:
                self._vecs.clear()  # a bound on memory; the deal's sentences fit many times
            for s, vec in zip(missing, as_matrix(self._embedder, missing)):
                self._vecs[s] = vec
        q = np.asarray(query_vec, dtype=np.float32)
        return [float(self._vecs[s] @ q) for s in sentences]
