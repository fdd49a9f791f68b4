"""GET /health: is the index loaded, and what is in it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import LimiterDep, run_blocking
from api.schemas import HealthOut

__all__ = ["router"]

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=HealthOut,
    responses={503: {"model": HealthOut, "description": "not ready (still loading, or failed)"}},
)
async def health(request: Request, limiter: LimiterDep) -> HealthOut | JSONResponse:
    assistant = getattr(request.app.state, "assistant", None)
    if assistant is None:
        body = HealthOut(status="unavailable", ready=False,
                         detail="the index is not loaded: the server is starting or failed to start")
        return JSONResponse(body.model_dump(), status_code=503)
    info = await run_blocking(limiter, assistant.info)
    return HealthOut(**{**info, "status": "ready", "ready": True})
