"""Input rules shared by every route that takes a question (ask, stream, search, chat API, UI)."""

from __future__ import annotations

from collections.abc import Sequence

from api.schemas import TurnIn
from api.sessions import SessionStore
from dealqa.errors import InvalidQuestionError
from dealqa.types import Answer, Turn

__all__ = ["clean_question", "resolve_history", "remember_turn"]


def clean_question(question: str, max_chars: int, field: str = "question") -> str:
    """Strip ``question``; raise InvalidQuestionError if it is empty or too long."""
    q = question.strip()
    if not q:
        raise InvalidQuestionError(f"{field} is empty: send a question with some words in it")
    if len(q) > max_chars:
        raise InvalidQuestionError(
            f"{field} is {len(q):,} characters, over the {max_chars:,} limit: shorten it"
        )
    return q


def resolve_history(
    history: Sequence[TurnIn] | None, session_id: str | None, sessions: SessionStore
) -> tuple[Turn, ...]:
    """The client's own history wins; otherwise the session's; otherwise none."""
    if history is not None:
        return tuple(Turn(q=t.q, a=t.a) for t in history)
    if session_id is not None:
        return sessions.history(session_id)
    return ()


def remember_turn(
    sessions: SessionStore,
    session_id: str | None,
    sent_history: Sequence[TurnIn] | None,
    answer: Answer,
    history: Sequence[Turn],
) -> None:
    if session_id is None:
        return
    turn = Turn(q=answer.question, a=answer.text)
    if sent_history is not None:
        # The client re-stated the conversation: continue from its version, not ours.
        sessions.replace(session_id, [*history, turn])
    else:
        sessions.append(session_id, turn)
