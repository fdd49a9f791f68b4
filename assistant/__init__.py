"""Question answering over the indexed deal: follow-ups, retrieval chain, extractive answerer."""

from __future__ import annotations

from assistant.base import AnswerChunk, AssistantLike

__all__ = ["Assistant", "AssistantLike", "AnswerChunk", "build_assistant"]


def build_assistant(settings=None, *, embedder=None, index=None, progress=None):
    """The assistant over the configured index, built first when missing or stale.

    Heavy imports happen here, not at package import, so ``import assistant`` stays cheap.
    """
    from assistant.assistant import Assistant
    from dealqa.indexing import ensure_index, load_commitments, make_embedder
    from dealqa.settings import get_settings

    settings = settings or get_settings()
    embedder = embedder or make_embedder(settings)
    if index is None:
        index = ensure_index(settings, embedder, progress=progress)
        register = load_commitments(settings)  # saved next to the index at ingest
    else:
        register = _register(index)
    assistant = Assistant(index, embedder, top_k=settings.top_k,
                          max_question_chars=settings.max_question_chars, register=register)
    from finder import build_finder

    assistant.finder = build_finder(assistant, assistant.register)
    return assistant


def _register(index):
    """The commitments register of an index given directly (derived from its passages; no model,
    ~0.3 s)."""
    from commitments import build_register

    return build_register(index.documents, index.passages)


def __getattr__(name: str):
    if name == "Assistant":
        from assistant.assistant import Assistant

        return Assistant
    raise AttributeError(name)
