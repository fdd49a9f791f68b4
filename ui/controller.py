"""What the chat UI does, as plain Python (no Gradio), so it is unit-tested directly.

Per browser tab the UI keeps two lists (Gradio ``State``): the chat messages shown, and one
record per answered turn (question, answer as JSON, index of its chat message, rendered
source cards). Handlers take those lists and return new ones.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from api.feedback_store import FeedbackRecord, FeedbackSource, FeedbackStore
from api.questions import clean_question
from api.schemas import status_notice
from assistant.base import AssistantLike
from dealqa.errors import InvalidQuestionError
from dealqa.types import Answer, Turn
from ui.render import (
    render_answer,
    render_banner,
    render_error,
    render_header,
    render_partial,
    render_sources_panel,
    render_turn_sources,
)
from ui.sources import source_views

__all__ = ["KEEP_BOX", "ChatController", "Message", "Record", "RespondUpdate"]

log = logging.getLogger(__name__)

Message = dict[str, Any]  # {"role": "user" | "assistant", "content": str}
Record = dict[str, Any]  # {"turn", "question", "answer", "chat_index", "sources"}
RespondUpdate = tuple[str | None, list[Message], list[Record], str]  # box, chat, records, panel
# The question box as the user has it: the box is cleared once, when a question is taken; the
# updates that stream its answer leave it alone, so a next question typed meanwhile stays.
KEEP_BOX = None


def _update(box: str | None, chat: list[Message], records: list[Record],
            panel: str) -> RespondUpdate:
    # Copies: the lists keep changing after a yield, and each update must stay as it was sent.
    return box, list(chat), list(records), panel


class ChatController:
    def __init__(
        self,
        assistant: Callable[[], AssistantLike | None],
        feedback: FeedbackStore,
        max_question_chars: int = 2000,
        history_turns: int = 8,
        kept_turns: int = 20,
        context_passages: int = 1,
    ) -> None:
        for name, v in [("max_question_chars", max_question_chars), ("history_turns", history_turns),
                        ("kept_turns", kept_turns)]:
            if v <= 0:
                raise ValueError(f"{name} must be > 0, got {v}")
        if context_passages < 0:
            raise ValueError(f"context_passages must be >= 0, got {context_passages}")
        self._assistant = assistant
        self.feedback = feedback
        self.max_question_chars = max_question_chars
        self.history_turns = history_turns
        self.kept_turns = kept_turns
        self.context_passages = context_passages

    # -- chat ------------------------------------------------------------------------------

    def respond(
        self, message: str, chat: list[Message], records: list[Record]
    ) -> Iterator[RespondUpdate]:
        """Stream one answer: yields (textbox, chat, records, sources panel) updates."""
        chat, records = list(chat or []), list(records or [])
        panel = self.panel(records)
        if not (message or "").strip():
            yield _update("", chat, records, panel)
            return
        chat.append({"role": "user", "content": message.strip()})
        try:
            question = clean_question(message, self.max_question_chars)
        except InvalidQuestionError as err:
            chat.append({"role": "assistant", "content": render_error(str(err))})
            yield _update(message, chat, records, panel)  # keep the text so it can be shortened
            return
        assistant = self._assistant()
        if assistant is None:
            chat.append({"role": "assistant", "content": render_error(
                "The index is still loading: ask again in a few seconds.")})
            yield _update(message, chat, records, panel)
            return
        chat.append({"role": "assistant", "content": render_partial("…")})
        yield _update("", chat, records, panel)
        yield from self._stream(assistant, question, chat, records, panel)

    def _stream(
        self, assistant: AssistantLike, question: str, chat: list[Message],
        records: list[Record], panel: str,
    ) -> Iterator[RespondUpdate]:
        history = [Turn(q=r["question"], a=r["answer"]["text"]) for r in records]
        text, answer = "", None
        try:
            for chunk in assistant.stream(question, history[-self.history_turns :]):
                if isinstance(chunk, Answer):
                    answer = chunk
                    break
                text += chunk
                chat[-1] = {"role": "assistant", "content": render_partial(text)}
                yield _update(KEEP_BOX, chat, records, panel)
        except InvalidQuestionError as err:
            chat[-1] = {"role": "assistant", "content": render_error(str(err))}
            yield _update(KEEP_BOX, chat, records, panel)
            return
        except Exception:
            log.exception("answering %r failed", question)
            answer = None
        if answer is None:
            chat[-1] = {"role": "assistant", "content": render_error(
                "Something went wrong while answering: please ask again.")}
            yield _update(KEEP_BOX, chat, records, panel)
            return
        turn = (records[-1]["turn"] + 1) if records else 1
        chat[-1] = {"role": "assistant", "content": render_answer(answer, turn)}
        records.append({
            "turn": turn,
            "question": question,
            "answer": answer.to_dict(with_retrieved=False),
            "chat_index": len(chat) - 1,
            "sources": self._sources_html(assistant, answer, turn, question),
        })
        records = records[-self.kept_turns :]
        yield _update(KEEP_BOX, chat, records, self.panel(records))

    def _sources_html(self, assistant: AssistantLike, answer: Answer, turn: int, q: str) -> str:
        try:
            views = source_views(answer, assistant, assistant.documents(), self.context_passages)
        except Exception:  # the answer is still worth showing without its cards
            log.exception("could not build the source cards for turn %d", turn)
            return ""
        return render_turn_sources(turn, q, views)

    @staticmethod
    def panel(records: list[Record]) -> str:
        return render_sources_panel([r["sources"] for r in records])

    def clear(self) -> tuple[str, list[Message], list[Record], str, str]:
        """Textbox, chat, records, sources panel, feedback status: all back to empty."""
        return "", [], [], self.panel([]), ""

    # -- feedback --------------------------------------------------------------------------

    def rate_last(self, helpful: bool, comment: str, records: list[Record]) -> tuple[str, str]:
        """Rate the latest answer; returns (status line, comment box value)."""
        if not records:
            return "Ask a question first, then rate its answer.", comment
        return self._store(records[-1], helpful, comment), ""

    def rate_message(self, chat_index: int, liked: bool | str | None, records: list[Record]) -> str:
        """The chatbot's own thumbs on any answer."""
        record = next((r for r in records or [] if r["chat_index"] == chat_index), None)
        if record is None or liked is None:
            return ""
        return self._store(record, liked is True or liked == "Like", "")

    def _store(self, record: Record, helpful: bool, comment: str) -> str:
        a = record["answer"]
        row_id = self.feedback.add(FeedbackRecord(
            question=record["question"],
            answer=a["text"],
            citations=a["citations"],
            helpful=helpful,
            comment=(comment or "").strip()[:2000] or None,
            abstained=a["abstained"],
            source=FeedbackSource.UI,
        ))
        verdict = "helpful" if helpful else "not helpful"
        return f"Thanks: answer {record['turn']} saved as {verdict} (feedback #{row_id})."

    # -- page header -----------------------------------------------------------------------

    def header(self) -> str:
        assistant = self._assistant()
        if assistant is None:
            return render_header("Loading the deal…", [])
        docs = assistant.documents()
        title = docs[0].title if len(docs) == 1 else f"{len(docs)} deal documents"
        return render_header(title, [render_banner(d.status, status_notice(d)) for d in docs])
