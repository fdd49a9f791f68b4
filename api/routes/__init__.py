"""One router per file, by role; ``create_app`` includes them in this order."""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["all_routers"]


def all_routers() -> list[APIRouter]:
    from api.routes import (
        ask, commitments, documents, feedback, health, openai_chat, passages, search, support,
    )

    return [
        health.router,
        documents.router,
        ask.router,
        search.router,
        passages.router,
        feedback.router,
        commitments.router,
        support.router,
        openai_chat.router,
    ]
