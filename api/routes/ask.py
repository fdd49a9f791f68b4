"""POST /api/ask and /api/ask/stream: a cited answer, whole or as server-sent events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, StreamingResponse

from api.deps import AssistantDep, LimiterDep, SessionsDep, SettingsDep, run_blocking
from api.questions import clean_question, remember_turn, resolve_history
from api.schemas import AnswerOut, AskRequest
from api.sse import SSE_HEADERS, answer_events, open_stream
from dealqa.types import Answer

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["ask"])

RetrievedQuery = Annotated[
    bool, Query(description="also return the passages retrieval ranked (for debugging)")
]

_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"description": "body over 64 KB"},
    422: {"description": "empty or over-long question, malformed history or session_id"},
    503: {"description": "the index is not loaded"},
}


def _prepare(body: AskRequest, sessions, settings) -> tuple[str, list]:
    """The cleaned question and the history to answer it with (the client's or the session's)."""
    question = clean_question(body.question, settings.max_question_chars)
    return question, resolve_history(body.history, body.session_id, sessions)


@router.post("/ask", response_model=AnswerOut, responses=_ERRORS)
async def ask(
    body: AskRequest,
    assistant: AssistantDep,
    sessions: SessionsDep,
    settings: SettingsDep,
    limiter: LimiterDep,
    retrieved: RetrievedQuery = False,
) -> JSONResponse:
    question, history = _prepare(body, sessions, settings)
    answer = await run_blocking(limiter, assistant.ask, question, history)
    remember_turn(sessions, body.session_id, body.history, answer, history)
    # Validated once here; returning a Response skips FastAPI's second validation and
    # serialisation through response_model (which still documents the schema at /docs).
    return JSONResponse(AnswerOut.of(answer, body.session_id, retrieved).model_dump(mode="json"))


@router.post(
    "/ask/stream",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "token*, citations, done"},
        **_ERRORS,
    },
)
async def ask_stream(
    body: AskRequest,
    assistant: AssistantDep,
    sessions: SessionsDep,
    settings: SettingsDep,
    limiter: LimiterDep,
    retrieved: RetrievedQuery = False,
) -> StreamingResponse:
    question, history = _prepare(body, sessions, settings)
    first, chunks = await open_stream(limiter, assistant, question, history)

    def finish(answer: Answer) -> dict[str, Any]:
        remember_turn(sessions, body.session_id, body.history, answer, history)
        return AnswerOut.of(answer, body.session_id, retrieved).model_dump()

    return StreamingResponse(
        answer_events(first, chunks, finish), media_type="text/event-stream", headers=SSE_HEADERS
    )
