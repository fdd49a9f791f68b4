"""The web app: HTTP API under /api (and /v1 for OpenAI-style clients), /health, the OpenAPI
docs at /docs, and the chat UI at /.

The assistant is built once, in the lifespan (off the event loop); requests only read it. API
routes are registered before the UI mount because a mount at "/" takes every unmatched path.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import FastAPI, HTTPException, Request
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from api.body_limit import BodyLimitMiddleware
from api.error_handlers import install_error_handlers
from api.factory import AssistantFactory, default_assistant_factory
from api.feedback_store import FeedbackStore
from api.routes import all_routers
from api.sessions import SessionStore
from dealqa.settings import Settings, get_settings

__all__ = ["create_app", "MAX_BODY_BYTES"]

MAX_BODY_BYTES = 64 * 1024
_API_PREFIXES = ("/api", "/v1", "/health")


def create_app(
    settings: Settings | None = None,
    assistant_factory: AssistantFactory | None = None,
    *,
    with_ui: bool = True,
    assistant_concurrency: int | None = None,
) -> FastAPI:
    """Build the app; cheap (no model load) until the server starts and runs the lifespan.

    ``assistant_factory`` (default: ``assistant.build_assistant``) is called once at start-up.
    ``with_ui=False`` leaves out the Gradio page (API-only tests start faster).
    ``assistant_concurrency`` caps simultaneous assistant calls (default: CPU count).
    """
    settings = settings or get_settings()
    factory = assistant_factory or default_assistant_factory
    if assistant_concurrency is not None and assistant_concurrency <= 0:
        raise ValueError(f"assistant_concurrency must be > 0, got {assistant_concurrency}")
    workers = assistant_concurrency or os.cpu_count() or 2

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.assistant = await anyio.to_thread.run_sync(factory, settings)
        try:
            yield
        finally:
            app.state.assistant = None

    app = FastAPI(
        title="dealqa",
        summary="Grounded, cited answers from government deal documents.",
        description=(
            "Every answer quotes the document and cites its passages as [n]. "
            "The chat UI is at [/](/); OpenAI-compatible clients can use `/v1/chat/completions`."
        ),
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.assistant = None
    app.state.sessions = SessionStore()
    app.state.feedback = FeedbackStore(settings.feedback_db)
    app.state.limiter = CapacityLimiter(workers)
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES, prefixes=_API_PREFIXES)
    routers = all_routers()
    for router in routers:
        app.include_router(router)
    _add_api_fallback(app, [r for router in routers for r in router.routes])
    if with_ui:
        from ui.mount import mount_ui

        mount_ui(app, lambda: app.state.assistant, app.state.feedback, settings)
    return app


def _add_api_fallback(app: FastAPI, routes: list[BaseRoute]) -> None:
    """Unknown paths under /api and /v1 get a JSON 404 (or 405 for a known path with the wrong
    method) here, instead of falling through to the UI mount and its HTML page."""
    known = [(r.path_regex, r.methods or set()) for r in routes if isinstance(r, APIRoute)]

    async def fallback(request: Request, rest: str) -> None:
        path = request.url.path
        allowed = sorted({m for rx, methods in known if rx.match(path) for m in methods})
        if allowed:
            raise HTTPException(405, headers={"Allow": ", ".join(allowed)})
        raise HTTPException(404, f"no API route {path}: see /docs for the routes")

    for prefix in ("/api", "/v1"):
        app.add_api_route(
            f"{prefix}/{{rest:path}}",
            fallback,
            methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            include_in_schema=False,
        )
