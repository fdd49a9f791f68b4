"""The hybrid retriever at the LangChain seam: ``DealRetriever(hybrid=...).invoke(question)``.

Passages become LangChain ``Document``s with the passage text as ``page_content`` and the
provenance a citation needs (passage id, offsets, section) in ``metadata``.
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from dealqa.types import Hit
from retrieval.hybrid import HybridRetriever

__all__ = ["DealRetriever", "hit_to_document"]


def hit_to_document(hit: Hit) -> LCDocument:
    p = hit.passage
    return LCDocument(
        page_content=p.text,
        metadata={
            "passage_id": p.passage_id,
            "doc_id": p.doc_id,
            "section": p.section_label,
            "start": p.start,
            "end": p.end,
            "score": hit.score,
            "rank": hit.rank,
        },
    )


class DealRetriever(BaseRetriever):
    """LangChain retriever over a :class:`HybridRetriever` (rank-ordered, ``k`` passages)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    hybrid: HybridRetriever
    k: int = Field(default=5, gt=0)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[LCDocument]:
        return [hit_to_document(h) for h in self.hybrid.run(query, k=self.k)]
