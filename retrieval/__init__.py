"""Retrieval: embeddings, the persisted index, BM25, dense, hybrid fusion, baselines.

Import from the modules (``retrieval.hybrid``, ``retrieval.store`` ...); this package file
stays empty so ``import retrieval`` does not pull in torch or faiss.
"""

__all__: list[str] = []
