"""``dealqa serve``: one uvicorn server for the UI, the API and the docs."""

from __future__ import annotations

import logging

from fastapi import FastAPI

from assistant.base import AssistantLike
from dealqa.settings import Settings, get_settings

__all__ = ["serve", "serving_app"]

log = logging.getLogger(__name__)


def serving_app(settings: Settings, assistant: AssistantLike | None = None) -> FastAPI:
    """The app as ``serve`` runs it: the assistant built now (not lazily in the lifespan), so a
    missing or corrupt index reaches the CLI as the domain error's one-line message instead of
    a uvicorn start-up traceback; and torch kept to one thread per call."""
    from api.app import create_app
    from api.factory import default_assistant_factory

    _one_torch_thread_per_call()
    built = assistant if assistant is not None else default_assistant_factory(settings)
    return create_app(settings, assistant_factory=lambda _settings: built)


def serve(host: str | None = None, port: int | None = None, settings: Settings | None = None) -> None:
    """Load the index (building it first if missing), then serve until interrupted.
    Defaults come from settings (127.0.0.1:8000)."""
    import uvicorn

    settings = settings or get_settings()
    host = host or settings.host
    port = settings.port if port is None else port
    if not 0 <= port <= 65535:
        raise ValueError(f"port must be between 0 and 65535, got {port}")
    app = serving_app(settings)
    log.info("dealqa: UI at http://%s:%d/  API docs at http://%s:%d/docs", host, port, host, port)
    uvicorn.run(app, host=host, port=port, log_level="info", timeout_graceful_shutdown=5)


def _one_torch_thread_per_call() -> None:
    # The API runs one assistant call per core at a time (api.deps.run_blocking). If each call
    # also asked torch for a thread per core, the cores would be oversubscribed and every
    # query embedding would slow down several-fold (spinning OpenMP threads), worst of all on
    # a busy machine. One thread per call keeps the parallelism at the request level.
    try:
        import torch
    except ImportError:  # an assistant without torch: nothing to tune
        return
    torch.set_num_threads(1)
