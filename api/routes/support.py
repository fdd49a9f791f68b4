"""POST /api/support: the deal's measures that fit an organisation, ranked, with citations."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from api.deps import LimiterDep, SupportDep, run_blocking
from api.schemas import SupportOut, SupportRequest

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["support"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"description": "empty or over-long profile, unknown kind or need"},
    503: {"description": "the support finder is not available"},
}


@router.post("/support", response_model=SupportOut, responses=_ERRORS)
async def support(body: SupportRequest, service: SupportDep, limiter: LimiterDep) -> Any:
    try:
        profile = service.profile(body.profile or "", body.kind, body.sector, body.place,
                                  body.needs)
    except ValueError as err:
        raise HTTPException(422, str(err)) from None
    return await run_blocking(limiter, service.run, profile, body.k)
