"""The assistant's public surface, as a Protocol, so the API/UI/eval can be tested with fakes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol, runtime_checkable

from dealqa.types import Answer, Document, Hit, Passage, Turn

__all__ = ["AssistantLike", "AnswerChunk"]

# ``stream()`` yields pieces of answer text (str) as they are produced, then the final Answer.
AnswerChunk = str | Answer


@runtime_checkable
class AssistantLike(Protocol):
    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Answer ``question`` (resolved against ``history``). Raises InvalidQuestionError."""

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[AnswerChunk]:
        """Yield answer text chunks, then the final ``Answer`` as the last item."""

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """Ranked passages for ``query`` (hybrid retrieval), no answer composition."""

    def passage(self, passage_id: str) -> Passage:
        """The passage with this id; KeyError if unknown."""

    def neighbours(self, passage_id: str, n: int = 1) -> list[Passage]:
        """Up to ``n`` passages before and after, same document, in document order (incl. itself)."""

    def documents(self) -> list[Document]:
        """Every indexed document (title, sha256, status ...)."""

    def info(self) -> dict[str, Any]:
        """{"documents": int, "passages": int, "model": str, "index_version": int, ...}."""
