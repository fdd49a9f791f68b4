"""Mount the chat page into the FastAPI app at "/" (after every API route is registered, since
the mount at "/" takes every path that nothing before it matched)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI

from dealqa.settings import Settings
from ui.chat import build_chat_ui
from ui.commitments_view import CommitmentsController
from ui.controller import ChatController
from ui.examples import DEFAULT_EXAMPLES, load_examples
from ui.support_view import SupportController

__all__ = ["mount_ui", "calm_queue_polling", "STATIC", "QUEUE_MAX_SIZE"]

STATIC = Path(__file__).parent / "static"
QUEUE_MAX_SIZE = 64  # chat events waiting at once; beyond that users are told the queue is full
IDLE_POLL_S = 0.02
PROGRESS_POLL_S = 0.1


def mount_ui(
    app: FastAPI,
    state: Any,
    settings: Settings,
    examples_path: Path = DEFAULT_EXAMPLES,
) -> FastAPI:
    """``state`` is ``app.state``: the assistant, register and support finder appear on it
    when the lifespan has built them, so the controllers read them on every event."""
    import gradio as gr

    def assistant() -> Any:
        return state.assistant

    controller = ChatController(assistant, state.feedback,
                                max_question_chars=settings.max_question_chars)
    demo = build_chat_ui(controller, load_examples(examples_path),
                         CommitmentsController(lambda: state.register),
                         SupportController(lambda: state.support, assistant))
    demo.queue(max_size=QUEUE_MAX_SIZE, default_concurrency_limit=4)
    calm_queue_polling(demo)
    return gr.mount_gradio_app(
        app,
        demo,
        path="/",
        footer_links=[],
        run_history=False,
        mcp_server=False,
        ssr_mode=False,
        # System fonts: the default theme pulls Google Fonts, which offline machines cannot reach.
        theme=gr.themes.Soft(
            primary_hue="teal",
            neutral_hue="slate",
            font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
            font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
        ),
        css_paths=[STATIC / "dealqa.css"],
        head_paths=[STATIC / "head.html"],
    )


def calm_queue_polling(demo: Any) -> None:
    """Slow Gradio's idle queue polling from 1 ms to 20 ms (progress: 10 ms to 100 ms).

    Gradio's queue loop runs on the event loop the API shares and, at 1 ms, costs ~18% of a
    core with nobody connected: on a 2-core server that is capacity taken from the API. 20 ms
    before a chat event starts is not noticeable next to answering it. These are private
    attributes, so nothing is done if a Gradio release renames them (tests/test_ui_app.py
    notices that).
    """
    queue = getattr(demo, "_queue", None)
    if queue is None:
        return
    if isinstance(getattr(queue, "sleep_when_free", None), float):
        queue.sleep_when_free = max(queue.sleep_when_free, IDLE_POLL_S)
    if isinstance(getattr(queue, "progress_update_sleep_when_free", None), float):
        queue.progress_update_sleep_when_free = max(queue.progress_update_sleep_when_free,
                                                    PROGRESS_POLL_S)
