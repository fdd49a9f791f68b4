"""End to end on the real index: the app with assistant.build_assistant, through HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fakes_web import parse_sse
from fastapi.testclient import TestClient

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    import assistant

    if not hasattr(assistant, "build_assistant"):
        pytest.skip("assistant.build_assistant is missing: the lead wires the real assistant")
    from api.app import create_app
    from dealqa.settings import get_settings

    # The configured index (built first if missing); only the feedback file is redirected.
    settings = get_settings().model_copy(
        update={"feedback_db": tmp_path_factory.mktemp("e2e") / "feedback.sqlite3"})
    with TestClient(create_app(settings, with_ui=False)) as c:
        yield c


def test_health_and_documents(client: TestClient) -> None:
    health = client.get("/health").json()
    assert health["ready"] is True and health["documents"] >= 1 and health["passages"] > 10
    docs = client.get("/api/documents").json()
    deal = next(d for d in docs if "Life Sciences" in d["title"])
    assert deal["withdrawn"] is True and "23 June 2025" in deal["notice"]
    assert len(deal["sha256"]) == 64


def test_answer_citations_point_at_their_passages(client: TestClient) -> None:
    r = client.post("/api/ask", json={
        "question": "How much did the government commit to the Vaccines Development & "
                    "Manufacturing Centre?"})
    assert r.status_code == 200
    body = r.json()
    assert body["abstained"] is False and body["citations"]
    assert "[1]" in body["text"]
    for c in body["citations"]:
        view = client.get(f"/api/passages/{quote(c['passage_id'], safe='')}").json()
        p = view["passage"]
        assert p["section_label"] == c["section"]
        # Offsets index the document text; the passage covers [start, end) of it.
        assert p["text"][c["start"] - p["start"] : c["end"] - p["start"]] == c["quote"]


def test_out_of_scope_question_abstains(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "What does the deal say about quantum "
                                                     "computing in fisheries?"}).json()
    assert body["abstained"] is True


def test_stream_and_session_follow_up(client: TestClient) -> None:
    r = client.post("/api/ask/stream", json={
        "question": "Which companies are investing in new UK research centres?",
        "session_id": "e2e"})
    events = [(e, json.loads(d)) for e, d in parse_sse(r.text)]
    assert [e for e, _ in events][-2:] == ["citations", "done"]
    r = client.post("/api/ask", json={"question": "Where is the MSD one?", "session_id": "e2e"})
    assert r.status_code == 200
    assert r.json()["standalone_question"]  # resolved against the stored first turn


def test_search_and_chat_completions(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "clinical trials approvals", "k": 3}).json()["hits"]
    assert len(hits) == 3 and hits[0]["rank"] == 1
    r = client.post("/v1/chat/completions", json={
        "messages": [{"role": "user", "content": "What is the Accelerated Access Collaborative?"}]})
    content = r.json()["choices"][0]["message"]["content"]
    assert "[1]" in content and "\n\nSources:\n[1] " in content
