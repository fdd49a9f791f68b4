"""Helpful / not-helpful feedback, kept in SQLite so poor answers can be reviewed later.

One short-lived connection per call: SQLite connections are not shareable across threads, and
feedback is rare enough that connecting costs nothing that matters. WAL lets a reviewer read
while the server writes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

__all__ = ["FeedbackSource", "FeedbackRecord", "FeedbackStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at  TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    session_id  TEXT,
    question    TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    citations   TEXT    NOT NULL,
    abstained   INTEGER,
    helpful     INTEGER NOT NULL,
    comment     TEXT
)
"""


class FeedbackSource(str, Enum):
    API = "api"
    UI = "ui"


@dataclass(frozen=True)
class FeedbackRecord:
    question: str
    answer: str
    citations: Sequence[dict[str, Any]]  # as in Answer.to_dict()["citations"]
    helpful: bool
    comment: str | None = None
    abstained: bool | None = None
    session_id: str | None = None
    source: FeedbackSource = FeedbackSource.API
    id: int | None = None
    created_at: str | None = None  # ISO 8601, UTC

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at,
            "source": self.source.value,
            "session_id": self.session_id,
            "question": self.question,
            "answer": self.answer,
            "citations": list(self.citations),
            "abstained": self.abstained,
            "helpful": self.helpful,
            "comment": self.comment,
        }


class FeedbackStore:
    def __init__(self, path: Path | str) -> None:
        path = Path(path)
        if path.exists() and path.is_dir():
            raise ValueError(f"feedback_db must be a file path, got the directory {path}")
        self.path = path
        self._ready = False
        self._init_lock = threading.Lock()

    def add(self, record: FeedbackRecord) -> int:
        """Store ``record``; returns its row id."""
        created = record.created_at or datetime.now(UTC).isoformat(timespec="seconds")
        row = (
            created,
            record.source.value,
            record.session_id,
            record.question,
            record.answer,
            json.dumps(list(record.citations), ensure_ascii=False),
            None if record.abstained is None else int(record.abstained),
            int(record.helpful),
            record.comment,
        )
        with self._connect() as db:
            cur = db.execute(
                "INSERT INTO feedback (created_at, source, session_id, question, answer,"
                " citations, abstained, helpful, comment) VALUES (?,?,?,?,?,?,?,?,?)",
                row,
            )
            return int(cur.lastrowid)

    def recent(self, helpful: bool | None = None, limit: int = 50) -> list[FeedbackRecord]:
        """Newest first; ``helpful=False`` gives the answers that need review."""
        if limit <= 0:
            raise ValueError(f"limit must be > 0, got {limit}")
        where, args = ("WHERE helpful = ?", [int(helpful)]) if helpful is not None else ("", [])
        with self._connect() as db:
            rows = db.execute(
                f"SELECT * FROM feedback {where} ORDER BY id DESC LIMIT ?", [*args, limit]
            ).fetchall()
        return [_to_record(r) for r in rows]

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self._ensure_schema()
        with closing(sqlite3.connect(self.path, timeout=5.0)) as db:
            db.row_factory = sqlite3.Row
            with db:  # commit on success, roll back on error
                yield db

    def _ensure_schema(self) -> None:
        # Deferred to first use so constructing the store (at app creation) touches no disk.
        if self._ready:
            return
        with self._init_lock:
            if self._ready:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=5.0)) as db:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(_SCHEMA)
                db.commit()
            self._ready = True


def _to_record(r: sqlite3.Row) -> FeedbackRecord:
    return FeedbackRecord(
        id=r["id"],
        created_at=r["created_at"],
        source=FeedbackSource(r["source"]),
        session_id=r["session_id"],
        question=r["question"],
        answer=r["answer"],
        citations=json.loads(r["citations"]),
        abstained=None if r["abstained"] is None else bool(r["abstained"]),
        helpful=bool(r["helpful"]),
        comment=r["comment"],
    )
