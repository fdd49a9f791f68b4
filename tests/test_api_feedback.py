"""Feedback: the SQLite store and POST/GET /api/feedback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fakes_web import make_app
from fastapi.testclient import TestClient

from api.feedback_store import FeedbackRecord, FeedbackSource, FeedbackStore


def test_store_is_created_on_first_use_only(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "fb.sqlite3"
    store = FeedbackStore(path)
    assert not path.exists()
    assert store.recent() == []
    assert path.exists()


def test_store_rejects_a_directory(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="feedback_db must be a file path"):
        FeedbackStore(tmp_path)


def test_store_round_trip_and_filter(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "fb.sqlite3")
    cites = [{"n": 1, "passage_id": "d#p-1", "quote": "£12m"}]
    a = store.add(FeedbackRecord("q1", "a1 [1]", cites, helpful=True, abstained=False))
    b = store.add(FeedbackRecord("q2", "a2", [], helpful=False, comment="wrong figure",
                                 source=FeedbackSource.UI, session_id="s"))
    assert b > a
    newest = store.recent()
    assert [r.id for r in newest] == [b, a]
    poor = store.recent(helpful=False)
    assert len(poor) == 1
    r = poor[0]
    assert (r.question, r.answer, r.comment, r.source, r.session_id) == (
        "q2", "a2", "wrong figure", FeedbackSource.UI, "s")
    assert store.recent(helpful=True)[0].citations == cites
    assert store.recent(limit=1)[0].id == b
    with pytest.raises(ValueError, match="limit must be > 0, got 0"):
        store.recent(limit=0)


def test_post_feedback_is_stored_in_the_configured_db(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path)) as client:
        answer = client.post("/api/ask", json={"question": "Liverpool jobs"}).json()
        r = client.post("/api/feedback", json={
            "question": answer["question"], "answer": answer["text"],
            "citations": answer["citations"], "helpful": False, "comment": "  missing the jobs  ",
            "abstained": answer["abstained"], "session_id": "s1",
        })
        assert r.status_code == 201
        row_id = r.json()["id"]
        listed = client.get("/api/feedback", params={"helpful": "false"}).json()
    assert listed[0]["id"] == row_id and listed[0]["comment"] == "missing the jobs"
    # Straight from the file named by settings.feedback_db:
    with sqlite3.connect(tmp_path / "feedback.sqlite3") as db:
        q, helpful, cites = db.execute(
            "SELECT question, helpful, citations FROM feedback WHERE id = ?", (row_id,)).fetchone()
    assert (q, helpful) == ("Liverpool jobs", 0)
    assert "mini-deal#sector-action-2" in cites
