"""One router per file, by role; ``create_app`` includes them in this order."""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["all_routers"]


def all_routers() -> list[APIRouter]:
    from api.routes import ask, documents, feedback, health, openai_chat, passages, search

    return [
        health.router,
        documents.router,
        ask.router,
        search.router,
        passages.router,
        feedback.router,
        openai_chat.router,
    ]
