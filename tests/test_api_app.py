"""The app itself: factory and lifespan, /health, /docs, /api/documents, routing fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes_web import FakeAssistant, make_app, fake_register, fake_support
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import get_assistant
from dealqa.errors import IndexMissingError
from dealqa.settings import Settings


def test_create_app_is_cheap_the_assistant_is_built_once_at_startup(tmp_path: Path) -> None:
    calls: list[Settings] = []
    settings = Settings(feedback_db=tmp_path / "fb.sqlite3")

    def factory(s: Settings) -> FakeAssistant:
        calls.append(s)
        return FakeAssistant()

    app = create_app(settings, assistant_factory=factory, register_factory=lambda s: fake_register(),
                     support_factory=fake_support, with_ui=False)
    assert calls == []  # nothing loaded by the factory call itself
    assert not (tmp_path / "fb.sqlite3").exists()  # nor any file touched
    with TestClient(app) as client:
        for _ in range(3):
            assert client.post("/api/ask", json={"question": "Liverpool jobs"}).status_code == 200
        assert client.get("/health").status_code == 200
    assert calls == [settings]


def test_health_reports_the_index(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path)) as client:
        r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ready" and body["ready"] is True
    assert (body["documents"], body["passages"]) == (1, 5)
    assert body["model"] == "fake-bow" and body["index_version"] == 1


def test_health_and_api_say_unavailable_before_startup(tmp_path: Path) -> None:
    client = TestClient(make_app(tmp_path))  # no `with`: the lifespan never ran
    r = client.get("/health")
    assert r.status_code == 503
    assert r.json()["ready"] is False and r.json()["status"] == "unavailable"
    r = client.post("/api/ask", json={"question": "anything"})
    assert r.status_code == 503
    assert "not loaded" in r.json()["detail"]


def test_a_failing_factory_fails_startup(tmp_path: Path) -> None:
    def broken(_s: Settings) -> FakeAssistant:
        raise IndexMissingError("no index in /nowhere: run `dealqa index` first")

    app = create_app(Settings(feedback_db=tmp_path / "f"), assistant_factory=broken, with_ui=False)
    with pytest.raises(IndexMissingError, match="no index"):
        with TestClient(app):
            pass


def test_dependency_override_swaps_the_assistant(tmp_path: Path) -> None:
    other = FakeAssistant()
    app = make_app(tmp_path)
    app.dependency_overrides[get_assistant] = lambda: other
    with TestClient(app) as client:
        client.post("/api/ask", json={"question": "Liverpool jobs"})
    assert [c[0] for c in other.calls] == ["ask"]


def test_documents_say_the_deal_is_withdrawn(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path)) as client:
        docs = client.get("/api/documents").json()
    assert len(docs) == 1
    d = docs[0]
    assert d["title"] == "Mini Sector Deal" and d["sha256"] == "0" * 64
    assert d["status"] == "withdrawn" and d["withdrawn"] is True
    assert d["notice"].startswith("Withdrawn 1 May 2024:")
    assert "text" not in d  # the whole document is not shipped with the list


def test_openapi_docs_list_every_route(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path)) as client:
        assert client.get("/docs").status_code == 200
        paths = client.get("/openapi.json").json()["paths"]
    for p in ["/health", "/api/documents", "/api/ask", "/api/ask/stream", "/api/search",
              "/api/passages/{passage_id}", "/api/feedback", "/v1/chat/completions"]:
        assert p in paths, p


def test_unknown_api_path_is_a_json_404_and_wrong_method_a_405(tmp_path: Path) -> None:
    with TestClient(make_app(tmp_path)) as client:
        r = client.get("/api/nope")
        assert r.status_code == 404
        assert r.json()["detail"] == "no API route /api/nope: see /docs for the routes"
        r = client.get("/api/ask")
        assert r.status_code == 405
        assert r.headers["allow"] == "POST"
        assert r.json()["detail"] == "GET is not allowed on /api/ask: see /docs"
        r = client.post("/v1/nope", json={})
        assert r.status_code == 404 and "no API route" in r.json()["error"]["message"]


def test_an_assistant_bug_is_a_json_500_not_a_crash(tmp_path: Path) -> None:
    class Broken(FakeAssistant):
        def ask(self, question, history=()):  # noqa: ANN001, ANN201
            raise RuntimeError("boom")

    with TestClient(make_app(tmp_path, Broken()), raise_server_exceptions=False) as client:
        r = client.post("/api/ask", json={"question": "Liverpool"})
        assert r.status_code == 500
        assert r.json() == {"detail": "the server failed on this request (logged): retry, and "
                                      "report it if it persists"}
        assert client.get("/health").status_code == 200  # still serving


def test_a_domain_error_from_the_assistant_is_a_503_with_its_message(tmp_path: Path) -> None:
    from dealqa.errors import IndexCorruptError

    class Corrupt(FakeAssistant):
        def search(self, query, k=5):  # noqa: ANN001, ANN201
            raise IndexCorruptError("index.faiss is unreadable: run `dealqa ingest` again")

    with TestClient(make_app(tmp_path, Corrupt())) as client:
        r = client.get("/api/search", params={"q": "Liverpool"})
    assert r.status_code == 503
    assert r.json() == {"detail": "index.faiss is unreadable: run `dealqa ingest` again"}


def test_create_app_validates_its_options(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="assistant_concurrency must be > 0, got 0"):
        create_app(Settings(feedback_db=tmp_path / "f"), with_ui=False, assistant_concurrency=0)


def test_importing_the_web_modules_loads_nothing_heavy() -> None:
    import subprocess
    import sys

    code = ("import sys, api, api.app, api.server, ui.chat, ui.mount, ui.controller; "
            "print(sorted(m for m in ('gradio', 'torch', 'sentence_transformers', 'faiss') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
