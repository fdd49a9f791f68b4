"""GET /api/search: ranked passages with their scores, no answer composed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AssistantDep, LimiterDep, SettingsDep, run_blocking
from api.questions import clean_question
from api.schemas import HitOut, SearchOut

__all__ = ["router", "MAX_K"]

router = APIRouter(prefix="/api", tags=["search"])

MAX_K = 50


@router.get("/search", response_model=SearchOut)
async def search(
    assistant: AssistantDep,
    settings: SettingsDep,
    limiter: LimiterDep,
    q: Annotated[str, Query(description="what to look for; 1 to 2,000 characters")],
    k: Annotated[int, Query(ge=1, le=MAX_K, description="how many passages")] = 5,
) -> SearchOut:
    query = clean_question(q, settings.max_question_chars, field="q")
    hits = await run_blocking(limiter, assistant.search, query, k)
    return SearchOut(query=query, k=k, hits=[HitOut.of(h) for h in hits])
