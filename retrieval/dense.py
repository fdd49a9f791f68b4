"""Dense retrieval: cosine similarity of the query to the passages (exact search).

Pooling (``DensePooling.MAXP``, the default): a passage scores the best of its own vector and
its units' vectors (sentences, bullets, table rows — embedded at build time). MiniLM is a
*sentence* model: a question usually targets one bullet of a passage, and that bullet's vector
matches it far better than the passage's, which averages several topics. The passage vector
stays in the max so that questions about the passage as a whole, or needing its section
path, still match. This is MaxP aggregation (Dai & Callan, SIGIR 2019) with the passage as
one more part; it has no parameter to tune. ``PASSAGE`` scores the passage vector alone.

With a few hundred passages and a few thousand units, a matrix product is exact and takes
well under a millisecond; an approximate index would only lose recall.
"""

from __future__ import annotations

from enum import Enum
from functools import cached_property
from typing import Any

import numpy as np

from dealqa.types import Hit
from retrieval.embeddings import query_vector
from retrieval.store import LoadedIndex

__all__ = ["DensePooling", "DenseRetriever"]


class DensePooling(str, Enum):
    PASSAGE = "passage"  # the passage vector alone
    MAXP = "maxp"  # max over the passage vector and its unit vectors


class DenseRetriever:
    def __init__(
        self, index: LoadedIndex, embedder: Any, pooling: DensePooling | str = DensePooling.MAXP
    ) -> None:
        if index is None or embedder is None:
            raise ValueError("DenseRetriever needs a LoadedIndex and an embedder, got None")
        self.index = index
        self.embedder = embedder
        self.pooling = DensePooling(pooling)

    def embed_query(self, query: str) -> np.ndarray:
        return self._check(query_vector(self.embedder, query))

    def _check(self, vec: np.ndarray) -> np.ndarray:
        vec = np.asarray(vec, dtype=np.float32).reshape(-1)
        if vec.shape[0] != self.index.dim:
            raise ValueError(
                f"query vector has {vec.shape[0]} dims but the index has {self.index.dim}: "
                "the embedder does not match the index — rebuild with `dealqa ingest`"
            )
        return vec

    @cached_property
    def _unit_groups(self) -> tuple[np.ndarray, np.ndarray]:
        """(passages that have units, the first unit row of each) for ``np.maximum.reduceat``."""
        offsets = self.index.unit_offsets
        has_units = np.flatnonzero(np.diff(offsets) > 0)
        return has_units, offsets[has_units]

    def passage_scores(self, query_vec: np.ndarray) -> np.ndarray:
        """Cosine of ``query_vec`` to each passage vector, in passage order."""
        return self.index.passage_vectors @ self._check(query_vec)

    def unit_scores(self, query_vec: np.ndarray) -> np.ndarray:
        """Best cosine of ``query_vec`` to any unit of each passage (-1 for a passage with none)."""
        best = np.full(len(self.index.passages), -1.0, dtype=np.float32)
        has_units, starts = self._unit_groups
        if len(has_units):
            sims = self.index.unit_vectors @ self._check(query_vec)
            best[has_units] = np.maximum.reduceat(sims, starts)
        return best

    def scores(self, query_vec: np.ndarray) -> np.ndarray:
        """The pooled dense score of every passage, in passage order."""
        passage = self.passage_scores(query_vec)
        if self.pooling is DensePooling.PASSAGE:
            return passage
        return np.maximum(passage, self.unit_scores(query_vec))

    def run(self, query: str, k: int, query_vec: np.ndarray | None = None) -> list[Hit]:
        if k <= 0:
            raise ValueError(f"k must be > 0, got {k}")
        vec = self.embed_query(query) if query_vec is None else self._check(query_vec)
        scores = self.scores(vec)
        order = np.argsort(-scores, kind="stable")[:k]
        return [
            Hit(self.index.passages[int(i)], float(scores[i]), r, {"dense": float(scores[i])})
            for r, i in enumerate(order, start=1)
        ]
