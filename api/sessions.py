"""Server-side conversation memory for ``/api/ask`` with a ``session_id``.

In memory on purpose: one process serves one index, and a restart losing a few follow-up
contexts is harmless. Every dimension is bounded (turns per session, number of sessions, idle
time) so a client minting session ids cannot grow the server without limit.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from dealqa.types import Turn

__all__ = ["SessionStore"]


@dataclass
class _Session:
    turns: list[Turn] = field(default_factory=list)
    touched: float = 0.0


class SessionStore:
    """Thread-safe LRU of conversations: ``ttl_s`` idle expiry, ``max_turns`` kept per session,
    at most ``max_sessions`` alive (the least recently used is dropped first)."""

    def __init__(
        self,
        ttl_s: float = 1800.0,
        max_turns: int = 8,
        max_sessions: int = 1000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if ttl_s <= 0:
            raise ValueError(f"ttl_s must be > 0, got {ttl_s}")
        if max_turns <= 0:
            raise ValueError(f"max_turns must be > 0, got {max_turns}")
        if max_sessions <= 0:
            raise ValueError(f"max_sessions must be > 0, got {max_sessions}")
        self.ttl_s = ttl_s
        self.max_turns = max_turns
        self.max_sessions = max_sessions
        self._clock = clock
        self._sessions: OrderedDict[str, _Session] = OrderedDict()
        self._lock = threading.Lock()

    def history(self, session_id: str) -> tuple[Turn, ...]:
        """The kept turns, oldest first; empty for an unknown or expired session."""
        with self._lock:
            self._expire()
            s = self._sessions.get(session_id)
            return tuple(s.turns) if s else ()

    def append(self, session_id: str, turn: Turn) -> None:
        with self._lock:
            self._expire()
            s = self._sessions.pop(session_id, None) or _Session()
            s.turns.append(turn)
            del s.turns[: -self.max_turns]  # keep only the most recent turns
            s.touched = self._clock()
            self._sessions[session_id] = s  # (re)insert as most recently used
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)

    def replace(self, session_id: str, turns: list[Turn]) -> None:
        """Start the session over from ``turns`` (a client that sent its own history)."""
        with self._lock:
            self._sessions.pop(session_id, None)
        for t in turns[-self.max_turns :]:
            self.append(session_id, t)

    def clear(self, session_id: str) -> bool:
        with self._lock:
            return self._sessions.pop(session_id, None) is not None

    def __len__(self) -> int:
        with self._lock:
            self._expire()
            return len(self._sessions)

    def _expire(self) -> None:
        # Oldest-touched first, so stop at the first live one: O(expired) per call.
        cutoff = self._clock() - self.ttl_s
        while self._sessions:
            sid, s = next(iter(self._sessions.items()))
            if s.touched > cutoff:
                break
            del self._sessions[sid]
