"""Query-embedding cache, so the retriever and the answerer share one embedding per question."""

from __future__ import annotations

from collections import OrderedDict

from langchain_core.embeddings import Embeddings

__all__ = ["CachedQueryEmbeddings"]


class CachedQueryEmbeddings(Embeddings):
    """Wraps an embedder; ``embed_query`` results are kept in a small LRU (documents are not)."""

    def __init__(self, inner: Embeddings, maxsize: int = 512) -> None:
        if maxsize <= 0:
            raise ValueError(f"maxsize must be > 0, got {maxsize}")
        self.inner = inner
        self.maxsize = maxsize
        self._cache: OrderedDict[str, list[float]] = OrderedDict()

    def __getattr__(self, name: str):  # count_tokens, encode, model_path, dim ... pass through
        return getattr(self.inner, name)

    def clear(self) -> None:
        """Forget cached queries (the eval does this between systems, for honest latency)."""
        self._cache.clear()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        hit = self._cache.get(text)
        if hit is not None:
            self._cache.move_to_end(text)
            return hit
        vec = self.inner.embed_query(text)
        self._cache[text] = vec
        if len(self._cache) > self.maxsize:
            self._cache.popitem(last=False)
        return vec
