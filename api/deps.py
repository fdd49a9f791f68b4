"""Dependencies: how a route reaches the assistant, the session store, feedback and settings.

Everything lives on ``app.state`` (set by ``create_app`` and its lifespan), so tests swap the
assistant, the register or the support finder either by passing a factory to ``create_app`` or
with ``app.dependency_overrides[get_assistant]`` (``get_register``, ``get_support``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import Depends, HTTPException, Request

from api.feedback_store import FeedbackStore
from api.sessions import SessionStore
from api.support import SupportService
from assistant.base import AssistantLike
from commitments import Register
from dealqa.settings import Settings

__all__ = [
    "get_assistant",
    "get_sessions",
    "get_feedback_store",
    "get_app_settings",
    "get_limiter",
    "AssistantDep",
    "SessionsDep",
    "FeedbackDep",
    "SettingsDep",
    "LimiterDep",
    "get_register",
    "get_support",
    "RegisterDep",
    "SupportDep",
    "run_blocking",
]

T = TypeVar("T")


def get_assistant(request: Request) -> AssistantLike:
    assistant = getattr(request.app.state, "assistant", None)
    if assistant is None:
        raise HTTPException(
            503, "the assistant is not loaded: wait for start-up to finish (GET /health)"
        )
    return assistant


def get_sessions(request: Request) -> SessionStore:
    return request.app.state.sessions


def get_feedback_store(request: Request) -> FeedbackStore:
    return request.app.state.feedback


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_limiter(request: Request) -> CapacityLimiter:
    return request.app.state.limiter


AssistantDep = Annotated[AssistantLike, Depends(get_assistant)]
SessionsDep = Annotated[SessionStore, Depends(get_sessions)]
FeedbackDep = Annotated[FeedbackStore, Depends(get_feedback_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
LimiterDep = Annotated[CapacityLimiter, Depends(get_limiter)]


async def run_blocking(limiter: CapacityLimiter, fn: Callable[..., T], *args: object) -> T:
    """Run a CPU-bound assistant call off the event loop, at most ``limiter`` at a time.

    The assistant embeds queries with torch; letting 40 requests (Starlette's default pool) do
    that at once on a few cores only adds context switches, so calls queue here instead.
    """
    return await anyio.to_thread.run_sync(functools.partial(fn, *args), limiter=limiter)


def _component(request: Request, name: str, what: str) -> Any:
    value = getattr(request.app.state, name, None)
    if value is None:
        why = request.app.state.unavailable.get(name)
        raise HTTPException(503, why or f"{what} is not loaded: wait for start-up to finish "
                                        "(GET /health)")
    return value


def get_register(request: Request) -> Register:
    return _component(request, "register", "the commitments register")


def get_support(request: Request) -> SupportService:
    return _component(request, "support", "the support finder")


RegisterDep = Annotated[Register, Depends(get_register)]
SupportDep = Annotated[SupportService, Depends(get_support)]
