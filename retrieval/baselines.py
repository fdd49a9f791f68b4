"""Baselines for ``dealqa eval --baselines``: what a user would get by copying the usual recipe.

The recipe: load the raw file (no cleaning: watermarks, ``**bold**`` and ``\\$`` stay in),
split it with ``RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)``, and search
the chunks with MiniLM + a flat faiss index, or with plain bm25s (its default tokenisation).
Offsets of recipe passages index the *raw* file text, since there is no cleaned text here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import bm25s
import faiss
import numpy as np

from dealqa.types import Hit, Passage, Unit
from retrieval.embeddings import as_matrix, query_vector

__all__ = ["recipe_passages", "RecipeDenseRetriever", "RecipeBM25Retriever"]

CHUNK_SIZE, CHUNK_OVERLAP = 1000, 200


def _units(text: str, offset: int) -> tuple[Unit, ...]:
    try:  # ingest is a sibling package; the baseline works (without units) before it exists
        from ingest import split_units
    except ImportError:
        return ()
    return tuple(split_units(text, offset=offset))


def recipe_passages(paths: Iterable[Path | str]) -> list[Passage]:
    """Raw text of each file split by the LangChain default recipe; ids ``recipe-0001``..."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, add_start_index=True
    )
    passages: list[Passage] = []
    for path in sorted(Path(p) for p in paths):
        text = path.read_text(encoding="utf-8")  # what TextLoader does
        doc_id = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
        for chunk in splitter.create_documents([text]):
            start = int(chunk.metadata["start_index"])
            body = chunk.page_content
            passages.append(
                Passage(
                    passage_id=f"recipe-{len(passages) + 1:04d}",
                    doc_id=doc_id,
                    text=body,
                    section=("",),
                    start=start,
                    end=start + len(body),
                    units=_units(body, start),
                )
            )
    return passages


def _check_k(k: int) -> None:
    if k <= 0:
        raise ValueError(f"k must be > 0, got {k}")


class RecipeDenseRetriever:
    """MiniLM (or any embedder) + exact inner-product faiss over the recipe chunks, in memory."""

    def __init__(self, passages: Sequence[Passage], embedder: Any) -> None:
        if embedder is None:
            raise ValueError("RecipeDenseRetriever needs an embedder, got None")
        self.passages = list(passages)
        self.embedder = embedder
        self._index: faiss.Index | None = None

    def warm_up(self) -> None:
        if self._index is None:
            vectors = as_matrix(self.embedder, [p.text for p in self.passages])
            index = faiss.IndexFlatIP(vectors.shape[1])
            index.add(vectors)
            self._index = index

    def run(self, query: str, k: int) -> list[Hit]:
        _check_k(k)
        if not self.passages:
            return []
        self.warm_up()
        assert self._index is not None
        vec = query_vector(self.embedder, query)[None, :]
        sims, ids = self._index.search(vec, min(k, len(self.passages)))
        return [
            Hit(self.passages[int(i)], float(s), r, {"dense": float(s)})
            for r, (s, i) in enumerate(zip(sims[0], ids[0]), start=1)
            if i >= 0
        ]


class RecipeBM25Retriever:
    """bm25s with its default tokeniser (no stemming, no amount handling) over the chunks."""

    def __init__(self, passages: Sequence[Passage], k1: float = 1.5, b: float = 0.75) -> None:
        self.passages = list(passages)
        self.k1, self.b = k1, b
        self._model: bm25s.BM25 | None = None

    def warm_up(self) -> None:
        if self._model is None and self.passages:
            corpus = bm25s.tokenize([p.text for p in self.passages], show_progress=False)
            model = bm25s.BM25(k1=self.k1, b=self.b)
            model.index(corpus, show_progress=False)
            self._model = model

    def run(self, query: str, k: int) -> list[Hit]:
        _check_k(k)
        self.warm_up()
        if self._model is None:
            return []
        tokens = bm25s.tokenize([query], return_ids=False, show_progress=False)[0]
        ids = self._model.get_tokens_ids(tokens)
        if not ids:
            return []
        scores = np.asarray(self._model.get_scores(ids), dtype=np.float32)
        order = [int(i) for i in np.argsort(-scores, kind="stable")[:k] if scores[i] > 0]
        return [
            Hit(self.passages[i], float(scores[i]), r, {"bm25": float(scores[i])})
            for r, i in enumerate(order, start=1)
        ]
