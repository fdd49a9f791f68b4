"""Server-sent events for ``/api/ask/stream``.

Events, in order: ``token`` ({"text"}) for each piece of answer text as the assistant produces
it, then ``citations`` ({"citations": [...]}) and ``done`` (the whole answer, as /api/ask
returns it). If the assistant fails after the stream has started the status is already 200,
so the failure is reported as an ``error`` event ({"detail"}) and the stream ends.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from anyio import CapacityLimiter

from api.deps import run_blocking
from assistant.base import AnswerChunk, AssistantLike
from dealqa.types import Answer, Turn

__all__ = ["SSE_HEADERS", "sse_event", "answer_events", "open_stream"]

log = logging.getLogger(__name__)

# no-transform / X-Accel-Buffering: stop proxies from buffering the stream into one response.
SSE_HEADERS = {"Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no"}


async def open_stream(
    limiter: CapacityLimiter, assistant: AssistantLike, question: str, history: Sequence[Turn]
) -> tuple[AnswerChunk | None, Iterator[AnswerChunk]]:
    """Start the assistant's stream and pull its first chunk, off the event loop.

    Pulling the first chunk before the response starts means a question the assistant rejects
    (InvalidQuestionError) still gets its 4xx, not an error event inside a 200; and the costly
    part of an answer (retrieval) runs under the API's concurrency limit.
    """

    def start() -> tuple[AnswerChunk | None, Iterator[AnswerChunk]]:
        chunks = iter(assistant.stream(question, history))
        return next(chunks, None), chunks

    return await run_blocking(limiter, start)


def sse_event(event: str, data: Any) -> str:
    # json.dumps escapes newlines, so one data: line always holds the whole payload.
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def answer_events(
    first: AnswerChunk | None,
    rest: Iterator[AnswerChunk],
    finish: Callable[[Answer], dict[str, Any]],
) -> Iterator[str]:
    """Turn the assistant's stream into SSE text; ``finish`` makes the final payload."""
    try:
        chunk = first
        while chunk is not None:
            if isinstance(chunk, Answer):
                done = finish(chunk)
                yield sse_event("citations", {"citations": done["citations"]})
                yield sse_event("done", done)
                return
            if chunk:
                yield sse_event("token", {"text": chunk})
            chunk = next(rest, None)
        yield sse_event("error", {"detail": "the answer stream ended without an answer: retry"})
    except Exception:  # the 200 is already sent: report in-band, keep the server up
        log.exception("answer stream failed")
        yield sse_event("error", {"detail": "the answer failed mid-stream: retry the question"})
