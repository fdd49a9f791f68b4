"""POST /api/ask and /api/ask/stream with the fake assistant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes_web import FakeAssistant, make_app, parse_sse
from fastapi.testclient import TestClient

from dealqa.types import Turn


def test_ask_returns_the_answer_with_citations(client: TestClient, fake: FakeAssistant) -> None:
    r = client.post("/api/ask", json={"question": "  How much for the Vaccines Centre?  "})
    assert r.status_code == 200
    body = r.json()
    assert "[1]" in body["text"] and body["abstained"] is False
    assert body["question"] == "How much for the Vaccines Centre?"  # stripped before asking
    c = body["citations"][0]
    assert c["n"] == 1 and c["passage_id"] == "mini-deal#support-manufacturing-1"
    assert c["section"] == "Key commitments › Support manufacturing"
    # The quote and its offsets point into the document's cleaned text.
    assert fake.document.text[c["start"] : c["end"]] == c["quote"]
    assert body["caveats"] == ["This deal was withdrawn on 1 May 2024."]
    assert body["retrieved"] == [] and body["session_id"] is None


def test_ask_can_include_the_retrieved_passages(client: TestClient) -> None:
    r = client.post("/api/ask?retrieved=true", json={"question": "Liverpool jobs"})
    ranked = r.json()["retrieved"]
    assert ranked and ranked[0]["rank"] == 1 and ranked[0]["passage_id"].startswith("mini-deal#")


def test_abstaining_answer_is_marked(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "What about quantum computing?"}).json()
    assert body["abstained"] is True and body["citations"] == []


def test_client_history_reaches_the_assistant(client: TestClient, fake: FakeAssistant) -> None:
    history = [{"q": "Who invests in Liverpool?", "a": "Acme Biologics [1]"}]
    client.post("/api/ask", json={"question": "How many jobs?", "history": history})
    assert fake.calls[-1] == ("ask", ("How many jobs?", (Turn("Who invests in Liverpool?",
                                                             "Acme Biologics [1]"),)))


def test_session_keeps_the_conversation(client: TestClient, fake: FakeAssistant) -> None:
    first = client.post("/api/ask", json={"question": "Liverpool facility", "session_id": "s-1"})
    assert first.json()["session_id"] == "s-1"
    client.post("/api/ask", json={"question": "How many jobs?", "session_id": "s-1"})
    _, (question, history) = fake.calls[-1]
    assert question == "How many jobs?"
    assert history == (Turn("Liverpool facility", first.json()["text"]),)
    # Another session starts empty.
    client.post("/api/ask", json={"question": "Liverpool", "session_id": "other"})
    assert fake.calls[-1][1][1] == ()


def test_session_with_explicit_history_restarts_from_it(client: TestClient, fake: FakeAssistant) -> None:
    client.post("/api/ask", json={"question": "Liverpool", "session_id": "s"})
    sent = [{"q": "Oxford vaccines?", "a": "£20m [1]"}]
    client.post("/api/ask", json={"question": "And jobs?", "session_id": "s", "history": sent})
    client.post("/api/ask", json={"question": "Which city?", "session_id": "s"})
    _, (_, history) = fake.calls[-1]
    assert [t.q for t in history] == ["Oxford vaccines?", "And jobs?"]


def test_session_history_is_bounded(tmp_path: Path, fake: FakeAssistant) -> None:
    app = make_app(tmp_path, fake)
    with TestClient(app) as client:
        limit = app.state.sessions.max_turns
        for i in range(limit + 3):
            client.post("/api/ask", json={"question": f"Liverpool {i}", "session_id": "s"})
        client.post("/api/ask", json={"question": "last", "session_id": "s"})
    history = fake.calls[-1][1][1]
    assert len(history) == limit and history[-1].q == f"Liverpool {limit + 2}"


def _events(r) -> list[tuple[str, dict]]:
    return [(e, json.loads(d)) for e, d in parse_sse(r.text)]


def test_stream_sends_text_then_citations_then_done(client: TestClient) -> None:
    r = client.post("/api/ask/stream", json={"question": "Liverpool jobs"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/event-stream")
    events = _events(r)
    kinds = [e for e, _ in events]
    assert kinds[-2:] == ["citations", "done"] and set(kinds[:-2]) == {"token"}
    assert len(kinds) > 3  # really streamed in pieces
    done = events[-1][1]
    assert "".join(d["text"] for e, d in events if e == "token") == done["text"]
    assert events[-2][1]["citations"] == done["citations"]
    assert done["citations"][0]["passage_id"] == "mini-deal#sector-action-2"


def test_stream_with_session_remembers_the_turn(client: TestClient, fake: FakeAssistant) -> None:
    client.post("/api/ask/stream", json={"question": "Liverpool", "session_id": "st"})
    client.post("/api/ask", json={"question": "jobs?", "session_id": "st"})
    assert [t.q for t in fake.calls[-1][1][1]] == ["Liverpool"]


def test_stream_failure_midway_is_an_error_event(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path, FakeAssistant(fail_stream_after=2))) as client:
        r = client.post("/api/ask/stream", json={"question": "Liverpool jobs"})
    assert r.status_code == 200  # already sent when the failure happened
    events = _events(r)
    assert [e for e, _ in events] == ["token", "token", "error"]
    assert events[-1][1]["detail"] == "the answer failed mid-stream: retry the question"


def test_stream_rejects_a_bad_question_before_streaming(client: TestClient) -> None:
    r = client.post("/api/ask/stream", json={"question": "   "})
    assert r.status_code == 422
    assert r.json()["detail"].startswith("question is empty")


@pytest.mark.parametrize("path", ["/api/ask", "/api/ask/stream"])
def test_a_question_the_assistant_rejects_is_a_422(client: TestClient, path: str) -> None:
    # The API lets "???" through; the assistant refuses it. Even when streaming, that must
    # surface as a 422 and not as an error event inside a 200.
    r = client.post(path, json={"question": "???"})
    assert r.status_code == 422
    assert r.json() == {"detail": "question has no words in it: ask in words"}
