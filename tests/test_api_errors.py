"""Every bad input gets a 4xx whose message names the problem; no input gets a 500."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakes_web import make_app
from fastapi.testclient import TestClient

from dealqa.settings import Settings

MAX_BODY_BYTES = Settings().max_body_bytes


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    # raise_server_exceptions=False: a bug must show up as the 500 a real client would get.
    app = make_app(tmp_path_factory.mktemp("errors"))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


ASK_CASES = [
    # (json body, status, start of the detail message)
    ({"question": ""}, 422, "question is empty: send a question"),
    ({"question": "   \n\t "}, 422, "question is empty: send a question"),
    ({"question": "x" * 2001}, 422, "question is 2,001 characters, over the 2,000 limit: shorten it"),
    ({"question": 42}, 422, "question: Input should be a valid string"),
    ({"question": None}, 422, "question: Input should be a valid string"),
    ({}, 422, "question is required"),
    ({"questoin": "typo"}, 422, "question is required"),
    ({"question": "ok", "extra": 1}, 422, "unknown field 'extra'"),
    ({"question": "ok", "history": "not a list"}, 422, "history: Input should be a valid list"),
    ({"question": "ok", "history": [{"q": "only q"}]}, 422, "history[0].a is required"),
    ({"question": "ok", "history": [["q", "a"]]}, 422, "history[0]: Input should be a valid"),
    ({"question": "ok", "history": [{"q": "a", "a": 1}]}, 422, "history[0].a: Input should be a valid string"),
    ({"question": "ok", "history": [{"q": "a", "a": "b", "c": 1}]}, 422, "unknown field 'history[0].c'"),
    ({"question": "ok", "history": [{"q": "q", "a": "a"}] * 51}, 422, "history: List should have at most 50"),
    ({"question": "ok", "session_id": "has space"}, 422, "session_id: String should match pattern"),
    ({"question": "ok", "session_id": ""}, 422, "session_id: String should match pattern"),
    ({"question": "ok", "session_id": 7}, 422, "session_id: Input should be a valid string"),
]


@pytest.mark.parametrize("path", ["/api/ask", "/api/ask/stream"])
@pytest.mark.parametrize("body, status, message", ASK_CASES)
def test_bad_ask_bodies(client: TestClient, path: str, body: dict, status: int, message: str) -> None:
    r = client.post(path, json=body)
    assert r.status_code == status
    assert r.json()["detail"].startswith(message), r.json()["detail"]


def test_history_errors_say_what_history_must_look_like(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": "ok", "history": [{"q": "only q"}]})
    assert 'history must be a list of {"q": "...", "a": "..."} turns' in r.json()["detail"]
    assert r.json()["errors"][0]["loc"] == ["body", "history", 0, "a"]


def test_question_of_exactly_the_limit_is_fine(client: TestClient) -> None:
    assert client.post("/api/ask", json={"question": "Liverpool " + "x" * 1990}).status_code == 200


@pytest.mark.parametrize(
    "content, content_type, message",
    [
        (b'{"question": ', "application/json", "request body is not valid JSON (Expecting value)"),
        (b"\xff\xfe garbage", "application/json", "request body is not valid JSON"),
        (b'["a list"]', "application/json", "request body must be a JSON object"),
        (b'"a string"', "application/json", "request body must be a JSON object"),
        (b"", "application/json", "request body is missing"),
        (b'{"question": "hi"}', "text/plain", "request body must be a JSON object sent with "
                                              "Content-Type: application/json"),
    ],
)
def test_malformed_bodies(client: TestClient, content: bytes, content_type: str, message: str) -> None:
    r = client.post("/api/ask", content=content, headers={"content-type": content_type})
    assert r.status_code == 422
    assert r.json()["detail"].startswith(message), r.json()["detail"]


LIMIT_MESSAGE = "request body is larger than 65,536 bytes: send a shorter question and history"


def test_body_over_64kb_is_413(client: TestClient) -> None:
    big = {"question": "ok", "history": [{"q": "x" * 20_000, "a": "y" * 20_000}] * 2}
    r = client.post("/api/ask", json=big)
    assert r.status_code == 413
    assert r.json() == {"detail": LIMIT_MESSAGE}


def test_chunked_body_over_64kb_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the size is only known by reading
        for _ in range(8):
            yield b" " * 10_000

    r = client.post("/api/ask", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json() == {"detail": LIMIT_MESSAGE}


def test_body_just_under_the_limit_is_read(client: TestClient) -> None:
    pad = MAX_BODY_BYTES - len(b'{"question": "Liverpool", "history": []}') - 10
    body = b'{"question": "Liverpool", "history": []}' + b" " * pad
    assert len(body) < MAX_BODY_BYTES
    r = client.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 200


@pytest.mark.parametrize(
    "params, message",
    [
        ({}, "q is required"),
        ({"q": ""}, "q is empty"),
        ({"q": "  "}, "q is empty"),
        ({"q": "y" * 2001}, "q is 2,001 characters, over the 2,000 limit"),
        ({"q": "ok", "k": 0}, "k: Input should be greater than or equal to 1"),
        ({"q": "ok", "k": 51}, "k: Input should be less than or equal to 50"),
        ({"q": "ok", "k": "five"}, "k: Input should be a valid integer"),
    ],
)
def test_bad_search_queries(client: TestClient, params: dict, message: str) -> None:
    r = client.get("/api/search", params=params)
    assert r.status_code == 422
    assert r.json()["detail"].startswith(message), r.json()["detail"]


@pytest.mark.parametrize(
    "path, status, message",
    [
        ("/api/passages/nope", 404, "unknown passage id 'nope'"),
        ("/api/passages/" + "z" * 300, 404, "unknown passage id '" + "z" * 77 + "...'"),
        ("/api/passages/mini-deal%23foreword-0?n=9", 422, "n: Input should be less than or equal to 5"),
    ],
)
def test_bad_passage_requests(client: TestClient, path: str, status: int, message: str) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert r.json()["detail"].startswith(message), r.json()["detail"]


@pytest.mark.parametrize(
    "body, message",
    [
        ({"answer": "a", "helpful": True}, "question is required"),
        ({"question": "q", "answer": "a", "helpful": "yes"}, "helpful: Input should be a valid boolean"),
        ({"question": "q", "answer": "a", "helpful": True, "comment": "c" * 2001},
         "comment: String should have at most 2000 characters"),
        ({"question": "   ", "answer": "a", "helpful": True},
         "question is empty: send the question that was answered"),
    ],
)
def test_bad_feedback(client: TestClient, body: dict, message: str) -> None:
    r = client.post("/api/feedback", json=body)
    assert r.status_code == 422
    assert r.json()["detail"].startswith(message), r.json()["detail"]


@pytest.mark.parametrize(
    "body, message",
    [
        ({"messages": []}, "messages: List should have at least 1 item"),
        ({"messages": [{"role": "assistant", "content": "hi"}]}, "messages must end with a user message"),
        ({"messages": [{"role": "robot", "content": "hi"}]}, "messages[0].role: Input should be"),
        ({"messages": [{"role": "user", "content": " "}]}, "the last user message is empty"),
        ({"messages": [{"role": "user", "content": "hi"}], "stream": "yes"}, "stream: Input should be a valid boolean"),
        ({}, "messages is required"),
    ],
)
def test_bad_chat_completions_use_openai_error_shape(client: TestClient, body: dict, message: str) -> None:
    r = client.post("/v1/chat/completions", json=body)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["type"] == "invalid_request_error" and err["code"] == 422
    assert err["message"].startswith(message), err["message"]


WEIRD_BODIES = [
    b"null", b"true", b"0", b"[]", b"{}", b'{"question": {}}', b'{"question": []}',
    b'{"question": "\\u0000"}', b'{"question": "\\ud800"}', b'{"question": "' + "é".encode() * 900 + b'"}',
    b'{"question": "ok", "history": null}', b'{"question": "ok", "history": [null]}',
    b'{"question": "ok", "history": [{"q": null, "a": null}]}', b'{"question": 1e999}',
    b'{"question": "ok", "session_id": null}', b'{"question": "' + b"[1]" * 500 + b'"}',
    b'{"question": "<script>alert(1)</script>"}', b'{"question": "quantum"}',
    b'{"question": "ok"' + b"}" * 50, b'{"a": ' * 200 + b"1" + b"}" * 200,
]


@pytest.mark.parametrize("path", ["/api/ask", "/api/ask/stream", "/v1/chat/completions",
                                  "/api/feedback"])
@pytest.mark.parametrize("body", WEIRD_BODIES, ids=range(len(WEIRD_BODIES)))
def test_no_input_gets_a_500(client: TestClient, path: str, body: bytes) -> None:
    r = client.post(path, content=body, headers={"content-type": "application/json"})
    assert r.status_code < 500, (r.status_code, r.text[:200])
    if r.status_code >= 400:
        payload = r.json()
        message = payload["error"]["message"] if path.startswith("/v1") else payload["detail"]
        assert isinstance(message, str) and message and "\n" not in message
