"""POST /v1/chat/completions (OpenAI-compatible) and GET /v1/models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes_web import FakeAssistant, make_app, parse_sse
from fastapi.testclient import TestClient

from api.openai_compat import SOURCES_HEADING, split_messages
from api.schemas import ChatMessageIn
from dealqa.errors import InvalidQuestionError
from dealqa.types import Turn


def user(text: str) -> dict:
    return {"role": "user", "content": text}


def test_models_lists_the_assistant(client: TestClient) -> None:
    assert client.get("/v1/models").json()["data"][0]["id"] == "dealqa"


def test_completion_puts_citations_in_the_text(client: TestClient) -> None:
    r = client.post("/v1/chat/completions",
                    json={"model": "dealqa", "messages": [user("Liverpool jobs")], "temperature": 0.2})
    assert r.status_code == 200
    body = r.json()
    assert body["object"] == "chat.completion" and body["model"] == "dealqa"
    choice = body["choices"][0]
    assert choice["finish_reason"] == "stop" and choice["message"]["role"] == "assistant"
    content = choice["message"]["content"]
    answer, sources = content.split(SOURCES_HEADING)
    assert "[1]" in answer and "Note: This deal was withdrawn on 1 May 2024." in answer
    assert sources.startswith("[1] Key commitments › Sector action: “Acme Biologics")
    assert sources.endswith("(mini-deal#sector-action-2)")
    assert body["citations"][0]["passage_id"] == "mini-deal#sector-action-2"
    assert body["usage"]["total_tokens"] > 0


def test_history_comes_from_earlier_messages_without_the_sources(
    client: TestClient, fake: FakeAssistant
) -> None:
    earlier = f"Acme Biologics [1]{SOURCES_HEADING}[1] Sector action: “Acme…” (mini-deal#x)"
    messages = [
        {"role": "system", "content": "Be brief."},
        user("Who invests in Liverpool?"),
        {"role": "assistant", "content": earlier},
        {"role": "user", "content": [{"type": "text", "text": "How many jobs?"}]},
    ]
    client.post("/v1/chat/completions", json={"messages": messages})
    assert fake.calls[-1] == ("ask", ("How many jobs?", (Turn("Who invests in Liverpool?",
                                                             "Acme Biologics [1]"),)))


def test_streaming_completion_ends_with_sources_and_done(client: TestClient) -> None:
    r = client.post("/v1/chat/completions",
                    json={"messages": [user("Liverpool jobs")], "stream": True})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    datas = [d for _, d in parse_sse(r.text)]
    assert datas[-1] == "[DONE]"
    chunks = [json.loads(d) for d in datas[:-1]]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert "[1]" in text and f"{SOURCES_HEADING}[1] Key commitments › Sector action" in text
    assert chunks[-1]["citations"][0]["n"] == 1


def test_streaming_failure_ends_the_stream_cleanly(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path, FakeAssistant(fail_stream_after=1))) as client:
        r = client.post("/v1/chat/completions",
                        json={"messages": [user("Liverpool jobs")], "stream": True})
    datas = [d for _, d in parse_sse(r.text)]
    assert datas[-1] == "[DONE]"
    assert json.loads(datas[-2])["choices"][0]["finish_reason"] == "error"


def test_split_messages_rules() -> None:
    msgs = [ChatMessageIn(role="user", content="a"), ChatMessageIn(role="user", content="b"),
            ChatMessageIn(role="assistant", content="B"), ChatMessageIn(role="user", content="c")]
    # An unanswered user message is not a turn; the one that got a reply is.
    assert split_messages(msgs) == ("c", (Turn("b", "B"),))
    with pytest.raises(InvalidQuestionError, match="must end with a user message"):
        split_messages(msgs[:3])
