"""POST /api/feedback (store a rating) and GET /api/feedback (review the latest ratings)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import FeedbackDep
from api.feedback_store import FeedbackRecord, FeedbackSource
from api.schemas import FeedbackIn, FeedbackOut

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["feedback"])


@router.post("/feedback", response_model=FeedbackOut, status_code=201)
def add_feedback(body: FeedbackIn, store: FeedbackDep) -> FeedbackOut:
    record = FeedbackRecord(
        question=body.question,
        answer=body.answer,
        citations=body.citations,
        helpful=body.helpful,
        comment=(body.comment or "").strip() or None,
        abstained=body.abstained,
        session_id=body.session_id,
        source=FeedbackSource.API,
    )
    return FeedbackOut(id=store.add(record))


@router.get("/feedback")
def list_feedback(
    store: FeedbackDep,
    helpful: Annotated[bool | None, Query(description="false: only answers rated poor")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[dict]:
    return [r.to_dict() for r in store.recent(helpful=helpful, limit=limit)]
