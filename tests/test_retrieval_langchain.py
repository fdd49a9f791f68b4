"""The LangChain seam: DealRetriever.invoke returns rank-ordered Documents with provenance."""

from __future__ import annotations

import pytest
from conftest import FakeEmbeddings
from langchain_core.documents import Document as LCDocument
from pydantic import ValidationError
from test_retrieval_support import make_corpus

from retrieval.hybrid import HybridRetriever
from retrieval.langchain_retriever import DealRetriever
from retrieval.store import build_index


@pytest.fixture
def hybrid(tmp_path):
    settings = {"model": "f", "chunking": {}}
    index = build_index(make_corpus(), FakeEmbeddings(), tmp_path / "i", settings)
    return HybridRetriever(index, FakeEmbeddings())


def test_invoke_returns_documents_with_metadata(hybrid):
    docs = DealRetriever(hybrid=hybrid, k=2).invoke("Seqirus Liverpool facility")
    best = hybrid.run("Seqirus Liverpool facility", k=1)[0]
    assert len(docs) == 2 and all(isinstance(d, LCDocument) for d in docs)
    top = docs[0]
    assert "Seqirus" in top.page_content
    p = hybrid.index.passage(top.metadata["passage_id"])
    assert top.page_content == p.text
    assert top.metadata == {
        "passage_id": p.passage_id,
        "doc_id": "mini-deal",
        "section": "Ideas › Sector action",
        "start": p.start,
        "end": p.end,
        "score": best.score,
        "rank": 1,
    }
    assert [d.metadata["rank"] for d in docs] == [1, 2]
    assert docs[0].metadata["score"] >= docs[1].metadata["score"]


def test_matches_the_hybrid_ranking(hybrid):
    docs = DealRetriever(hybrid=hybrid, k=4).invoke("manufacturing jobs")
    assert [d.metadata["passage_id"] for d in docs] == [
        h.passage.passage_id for h in hybrid.run("manufacturing jobs", k=4)
    ]


def test_k_must_be_positive(hybrid):
    with pytest.raises(ValidationError):
        DealRetriever(hybrid=hybrid, k=0)
