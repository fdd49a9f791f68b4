"""The chat page mounted at "/" in the same app as the API (Gradio, no browser)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakes_web import make_app
from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(make_app(tmp_path_factory.mktemp("ui"), with_ui=True)) as c:
        yield c


def test_root_serves_the_chat_page(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "dqOpenSource" in r.text  # our head script, which opens sources on [n] clicks


def test_page_config_carries_title_css_and_examples(client: TestClient) -> None:
    config = client.get("/config").json()
    assert config["title"] == "dealqa: cited answers from the deal"
    assert ".dq-source__passage mark" in config["css"]
    values = [c.get("props", {}).get("value") for c in config["components"]]
    labels = {v for v in values if isinstance(v, str)}
    assert "Is this sector deal still current government policy?" in labels
    assert {"✓ Helpful", "✗ Not helpful", "Clear conversation"} <= labels


def test_api_docs_and_health_still_work_beside_the_mount(client: TestClient) -> None:
    assert client.get("/health").json()["ready"] is True
    assert client.get("/docs").status_code == 200
    assert "/api/ask" in client.get("/openapi.json").json()["paths"]
    r = client.post("/api/ask", json={"question": "Liverpool jobs"})
    assert r.status_code == 200 and "[1]" in r.json()["text"]
    r = client.get("/api/unknown")
    assert r.status_code == 404 and r.headers["content-type"] == "application/json"


def test_gradio_queue_polls_gently() -> None:
    # Gradio's idle 1 ms polling costs ~18% of a core on the event loop the API shares; if a
    # Gradio release renames the attributes this fails, so the tuning is not silently lost.
    import gradio as gr

    from ui.mount import IDLE_POLL_S, PROGRESS_POLL_S, calm_queue_polling

    with gr.Blocks(analytics_enabled=False) as demo:
        gr.Markdown("x")
    calm_queue_polling(demo)
    assert demo._queue.sleep_when_free == IDLE_POLL_S
    assert demo._queue.progress_update_sleep_when_free == PROGRESS_POLL_S
