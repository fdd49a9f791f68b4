"""Lexical retrieval: BM25 (bm25s) over the shared amount-aware tokeniser.

The index is rebuilt in memory whenever a retriever is created: the corpus is a few hundred
passages, so this takes milliseconds and keeps the on-disk index free of a second format.
Section labels are indexed with the passage text, as they are for dense retrieval, so a bullet
under "Vaccines" matches a question about vaccines; so are the passage's condition footnotes
(see ``retrieval.text.passage_lexical_text``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import bm25s
import numpy as np

from dealqa.types import Hit, Passage
from retrieval.text import passage_lexical_text, tokenize

__all__ = ["BM25Retriever"]


class BM25Retriever:
    """Okapi BM25 (Lucene variant) over passages; ``scores`` exposes the full score vector."""

    def __init__(
        self,
        passages: Sequence[Passage],
        k1: float = 1.5,
        b: float = 0.75,
        tokenizer: Callable[[str], list[str]] = tokenize,
    ) -> None:
        if k1 < 0:
            raise ValueError(f"k1 must be >= 0, got {k1}")
        if not 0 <= b <= 1:
            raise ValueError(f"b must be in [0, 1], got {b}")
        self.passages = list(passages)
        self.k1, self.b = k1, b
        self.tokenizer = tokenizer
        self._model: bm25s.BM25 | None = None

    def warm_up(self) -> None:
        if self._model is not None or not self.passages:
            return
        corpus = [self.tokenizer(passage_lexical_text(p)) for p in self.passages]
        model = bm25s.BM25(k1=self.k1, b=self.b, method="lucene")
        model.index(corpus, show_progress=False)
        self._model = model

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for ``query`` (zeros when no query term is indexed)."""
        self.warm_up()
        tokens = self.tokenizer(query)
        if self._model is None or not tokens:
            return np.zeros(len(self.passages), dtype=np.float32)
        ids = self._model.get_tokens_ids(tokens)
        if not ids:  # every query term is unknown to the corpus
            return np.zeros(len(self.passages), dtype=np.float32)
        return np.asarray(self._model.get_scores(ids), dtype=np.float32)

    def run(self, query: str, k: int) -> list[Hit]:
        if k <= 0:
            raise ValueError(f"k must be > 0, got {k}")
        scores = self.scores(query)
        order = _top(scores, k)
        return [
            Hit(self.passages[i], float(scores[i]), r, {"bm25": float(scores[i])})
            for r, i in enumerate(order, start=1)
        ]


def _top(scores: np.ndarray, k: int) -> list[int]:
    """Indices of the ``k`` best positive scores; ties keep document order (stable sort)."""
    order = np.argsort(-scores, kind="stable")[:k]
    return [int(i) for i in order if scores[i] > 0]
