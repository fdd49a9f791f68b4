"""GET /api/passages/{id}: one passage with its neighbours, section and document, for the
source viewer. Ids contain ``#``, so clients must percent-encode it (``%23``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from api.deps import AssistantDep
from api.schemas import DocumentOut, PassageOut, PassageViewOut

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["sources"])


@router.get(
    "/passages/{passage_id:path}",
    response_model=PassageViewOut,
    responses={404: {"description": "unknown passage id"}},
)
def passage(
    passage_id: str,
    assistant: AssistantDep,
    n: Annotated[int, Query(ge=0, le=5, description="neighbours on each side")] = 1,
) -> PassageViewOut:
    try:
        p = assistant.passage(passage_id)
    except KeyError:
        shown = passage_id if len(passage_id) <= 80 else passage_id[:77] + "..."
        raise HTTPException(
            404,
            f"unknown passage id {shown!r}: use an id from /api/search or a citation"
            " (percent-encode '#' as %23)",
        ) from None
    around = assistant.neighbours(passage_id, n) if n else [p]
    ids = [x.passage_id for x in around]
    at = ids.index(p.passage_id) if p.passage_id in ids else len(around)
    doc = next((d for d in assistant.documents() if d.doc_id == p.doc_id), None)
    return PassageViewOut(
        passage=PassageOut.of(p),
        before=[PassageOut.of(x) for x in around[:at]],
        after=[PassageOut.of(x) for x in around[at + 1 :]],
        document=DocumentOut.of(doc) if doc else None,
    )
