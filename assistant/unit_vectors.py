"""Vectors of answer units: read from the index when there, embedded once and cached when not.

Units of indexed passages were embedded at ingest, so answering costs no extra model call.
Passages from elsewhere (the eval baselines' chunks) get their units embedded on first use.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from dealqa.types import Hit
from retrieval.embeddings import as_matrix

__all__ = ["UnitVectors"]


class UnitVectors:
    def __init__(self, index, embedder: Embeddings) -> None:
        self._embedder = embedder
        self._vecs: dict[tuple[str, int], np.ndarray] = {}
        if index is not None:
            for row, (pi, ui) in enumerate(index.unit_owner):
                self._vecs[(index.passages[pi].passage_id, ui)] = index.unit_vectors[row]

    def prepare(self, passages) -> None:
        """Embed the units of ``passages`` now rather than during (timed) questions."""
        self([Hit(p, 0.0, 1) for p in passages])

    def __call__(self, hits: Sequence[Hit]) -> dict[tuple[str, int], np.ndarray]:
        missing = [
            (h.passage.passage_id, i, h.passage.unit_text(u))
            for h in hits
            for i, u in enumerate(h.passage.units)
            if (h.passage.passage_id, i) not in self._vecs
        ]
        if missing:
            mat = as_matrix(self._embedder, [t for _, _, t in missing])
            for (pid, i, _), vec in zip(missing, mat):
                self._vecs[(pid, i)] = vec
        return {
            (h.passage.passage_id, i): self._vecs[(h.passage.passage_id, i)]
            for h in hits
            for i in range(len(h.passage.units))
        }
