"""Translation between OpenAI chat-completion messages and the assistant's question + history.

Chat clients only show message text, so citations travel inside it: the answer keeps its [n]
markers and gains a "Sources:" list. When the client sends that text back as history, the list
is cut off again so follow-up resolution sees only the answer.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from typing import Any

from api.schemas import ChatMessageIn
from dealqa.errors import InvalidQuestionError
from dealqa.types import Answer, Turn

__all__ = [
    "SOURCES_HEADING",
    "split_messages",
    "answer_message_text",
    "completion_body",
    "completion_chunk",
    "new_completion_id",
]

SOURCES_HEADING = "\n\nSources:\n"
_QUOTE_CHARS = 160  # a source line shows the start of the quote; the full quote is in citations


def split_messages(messages: Sequence[ChatMessageIn]) -> tuple[str, tuple[Turn, ...]]:
    """(question, history): the last user message is the question; earlier user messages that
    got an assistant reply become turns. System/developer/tool messages are not questions."""
    talk = [m for m in messages if m.role in ("user", "assistant")]
    if not talk or talk[-1].role != "user":
        raise InvalidQuestionError(
            "messages must end with a user message: put the question last"
        )
    history: list[Turn] = []
    pending: str | None = None
    for m in talk[:-1]:
        if m.role == "user":
            pending = m.text()
        elif pending is not None:
            history.append(Turn(q=pending, a=strip_sources(m.text())))
            pending = None
    return talk[-1].text(), tuple(history)


def strip_sources(text: str) -> str:
    return text.split(SOURCES_HEADING, 1)[0]


def answer_message_text(answer: Answer) -> str:
    """The answer as one chat message: text, caveats, then one line per cited source."""
    parts = [answer.text]
    parts += [f"\n\nNote: {c}" for c in answer.caveats]
    if answer.citations:
        lines = [_source_line(c.n, c.section, c.quote, c.passage_id) for c in answer.citations]
        parts.append(SOURCES_HEADING + "\n".join(lines))
    return "".join(parts)


def _source_line(n: int, section: str, quote: str, passage_id: str) -> str:
    q = " ".join(quote.split())
    if len(q) > _QUOTE_CHARS:
        q = q[: _QUOTE_CHARS - 1].rstrip() + "…"
    return f"[{n}] {section}: “{q}” ({passage_id})"


def new_completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex[:24]}"


def completion_body(
    answer: Answer, model: str, completion_id: str, citations: list[dict[str, Any]]
) -> dict[str, Any]:
    content = answer_message_text(answer)
    prompt_words = len(answer.question.split())
    completion_words = len(content.split())
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        # Word counts, not model tokens: nothing here is billed, clients only display it.
        "usage": {
            "prompt_tokens": prompt_words,
            "completion_tokens": completion_words,
            "total_tokens": prompt_words + completion_words,
        },
        "citations": citations,  # extension: the structured form of the Sources list
        "abstained": answer.abstained,
    }


def completion_chunk(
    completion_id: str,
    model: str,
    delta: dict[str, Any],
    finish_reason: str | None = None,
    created: int | None = None,
) -> dict[str, Any]:
    return {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": created if created is not None else int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }
