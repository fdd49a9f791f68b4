"""POST /v1/chat/completions and GET /v1/models: the assistant behind OpenAI's chat API, so
existing chat clients can use it. Citations appear in the message as [n] plus a Sources list
(and, as an extension, structured under ``citations``)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from api.deps import AssistantDep, LimiterDep, SettingsDep, run_blocking
from api.openai_compat import (
    answer_message_text,
    completion_body,
    completion_chunk,
    new_completion_id,
    split_messages,
)
from api.questions import clean_question
from api.schemas import ChatCompletionRequest, CitationOut
from api.sse import SSE_HEADERS, open_stream
from assistant.base import AnswerChunk
from dealqa.types import Answer

__all__ = ["router", "MODEL_ID"]

router = APIRouter(prefix="/v1", tags=["openai-compatible"])

MODEL_ID = "dealqa"

log = logging.getLogger(__name__)


@router.get("/models")
def models() -> dict[str, Any]:
    return {
        "object": "list",
        "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "dealqa"}],
    }


@router.post("/chat/completions", response_model=None)
async def chat_completions(
    body: ChatCompletionRequest,
    assistant: AssistantDep,
    settings: SettingsDep,
    limiter: LimiterDep,
) -> dict[str, Any] | StreamingResponse:
    question, history = split_messages(body.messages)
    question = clean_question(question, settings.max_question_chars, field="the last user message")
    cid = new_completion_id()
    if not body.stream:
        answer = await run_blocking(limiter, assistant.ask, question, history)
        return completion_body(answer, body.model, cid, _citations(answer))
    first, chunks = await open_stream(limiter, assistant, question, history)
    return StreamingResponse(
        _stream(first, chunks, body.model, cid), media_type="text/event-stream", headers=SSE_HEADERS
    )


def _citations(answer: Answer) -> list[dict[str, Any]]:
    return [CitationOut.of(c).model_dump() for c in answer.citations]


def _stream(
    first: AnswerChunk | None, rest: Iterator[AnswerChunk], model: str, cid: str
) -> Iterator[str]:
    created = int(time.time())

    def data(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        payload = completion_chunk(cid, model, delta, finish, created) | extra
        return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"

    yield data({"role": "assistant", "content": ""})
    try:
        chunk = first
        while chunk is not None:
            if isinstance(chunk, Answer):
                # The text is already out; what follows it (caveats, Sources list) is not.
                tail = answer_message_text(chunk)[len(chunk.text) :]
                if tail:
                    yield data({"content": tail})
                yield data({}, "stop", citations=_citations(chunk), abstained=chunk.abstained)
                break
            if chunk:
                yield data({"content": chunk})
            chunk = next(rest, None)
        else:
            yield data({}, "error")
    except Exception:  # status 200 already sent; end the stream in a way clients understand
        log.exception("chat completion stream failed")
        yield data({}, "error")
    yield "data: [DONE]\n\n"
