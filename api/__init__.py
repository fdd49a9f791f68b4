"""HTTP API and server (issue 3). ``create_app`` and ``serve`` are imported on first use, so
``import api`` stays cheap."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from api.app import create_app

        return create_app
    if name == "serve":
        from api.server import serve

        return serve
    raise AttributeError(f"module 'api' has no attribute {name!r}")
