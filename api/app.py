"""The web app: HTTP API under /api (and /v1 for OpenAI-style clients), /health, the OpenAPI
docs at /docs, and the chat UI at /.

The assistant is built once, in the lifespan (off the event loop); requests only read it. API
routes are registered before the UI mount because a mount at "/" takes every unmatched path.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import FastAPI, HTTPException, Request
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from api.body_limit import BodyLimitMiddleware
from api.error_handlers import install_error_handlers
from api.factory import (
    AssistantFactory,
    RegisterFactory,
    SupportFactory,
    default_assistant_factory,
    default_register_factory,
    default_support_factory,
)
from api.feedback_store import FeedbackStore
from api.routes import all_routers
from api.sessions import SessionStore
from dealqa.errors import DealQAError
from dealqa.settings import Settings, get_settings

__all__ = ["create_app"]

log = logging.getLogger(__name__)
_API_PREFIXES = ("/api", "/v1", "/health")


def create_app(
    settings: Settings | None = None,
    assistant_factory: AssistantFactory | None = None,
    *,
    register_factory: RegisterFactory | None = None,
    support_factory: SupportFactory | None = None,
    with_ui: bool = True,
    assistant_concurrency: int | None = None,
) -> FastAPI:
    """Build the app; cheap (no model load) until the server starts and runs the lifespan.

    Called once at start-up, in this order: ``assistant_factory`` (default:
    ``assistant.build_assistant``), ``register_factory`` (default: the commitments register of
    the index) and ``support_factory(assistant, register)`` (default: the finder package).
    The assistant must load; the register and the support finder may fail, and then only their
    routes answer 503 with the reason. ``with_ui=False`` leaves out the Gradio page (API-only
    tests start faster). ``assistant_concurrency`` caps simultaneous assistant calls (default:
    ``settings.api_concurrency``, where 0 means one per CPU core).
    """
    settings = settings or get_settings()
    factory = assistant_factory or default_assistant_factory
    make_register = register_factory or default_register_factory
    make_support = support_factory or default_support_factory
    if assistant_concurrency is not None and assistant_concurrency <= 0:
        raise ValueError(f"assistant_concurrency must be > 0, got {assistant_concurrency}")
    if settings.api_concurrency < 0:
        raise ValueError(f"api_concurrency must be >= 0, got {settings.api_concurrency}")
    workers = assistant_concurrency or settings.api_concurrency or os.cpu_count() or 2

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        assistant = await anyio.to_thread.run_sync(factory, settings)
        register = await _optional(app, "register", make_register, settings)
        if register is not None:
            await _optional(app, "support", make_support, assistant, register)
        else:
            why = app.state.unavailable["register"]
            app.state.unavailable["support"] = f"the support finder needs the register: {why}"
        app.state.assistant = assistant
        try:
            yield
        finally:
            app.state.assistant = app.state.register = app.state.support = None

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
    app.state.assistant = app.state.register = app.state.support = None
    app.state.unavailable = {}  # component -> why it did not load (its routes answer 503)
    app.state.sessions = SessionStore(
        ttl_s=settings.session_ttl_s,
        max_turns=settings.session_max_turns,
        max_sessions=settings.session_max_sessions,
    )
    app.state.feedback = FeedbackStore(settings.feedback_db)
    app.state.limiter = CapacityLimiter(workers)
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes, prefixes=_API_PREFIXES)
    routers = all_routers()
    for router in routers:
        app.include_router(router)
    _add_api_fallback(app, [r for router in routers for r in router.routes])
    if with_ui:
        from ui.mount import mount_ui

        mount_ui(app, app.state, settings)
    return app


async def _optional(app: FastAPI, name: str, make: Callable[..., object], *args: object) -> object:
    """Build one optional component into ``app.state.<name>``; on a domain error (no finder
    installed, register unreadable ...) keep serving the rest and remember why."""
    try:
        built = await anyio.to_thread.run_sync(make, *args)
    except DealQAError as err:
        log.warning("%s not available: %s", name, err)
        app.state.unavailable[name] = str(err)
        return None
    setattr(app.state, name, built)
    return built


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
