"""The chat page (Gradio Blocks): layout and event wiring only; behaviour is in ChatController.

Gradio is imported inside ``build_chat_ui`` because importing it takes seconds, and nothing
heavy may happen at import time. (No ``from __future__ import annotations`` here: Gradio reads
the ``gr.LikeData`` annotation at run time to know what to pass.)
"""

import html
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ui.commitments_view import CommitmentsController
from ui.controller import KEEP_BOX, ChatController, Message, Record, RespondUpdate
from ui.examples import ExampleGroup
from ui.support_view import SupportController
from ui.tabs import build_commitments_tab, build_support_tab

if TYPE_CHECKING:
    import gradio as gr

__all__ = ["build_chat_ui", "PAGE_TITLE"]

PAGE_TITLE = "dealqa: cited answers from the deal"
_EMPTY_CHAT = "Ask about the deal's commitments, funding, dates or partners, or pick an example question below."


def build_chat_ui(controller: ChatController, examples: Sequence[ExampleGroup],
                  commitments: CommitmentsController | None = None,
                  support: SupportController | None = None) -> "gr.Blocks":
    """The page: the header, then tabs: Ask (the chat), and Commitments and Find support when
    their controllers are given."""
    import gradio as gr

    with gr.Blocks(title=PAGE_TITLE, analytics_enabled=False) as demo:
        header = gr.HTML(controller.header(), elem_id="dq-header")
        with gr.Tabs(elem_id="dq-tabs"):
            with gr.Tab("Ask", id="ask", elem_id="dq-tab-ask"):
                _chat_tab(gr, controller, examples)
            if commitments is not None:
                with gr.Tab("Commitments", id="commitments", elem_id="dq-tab-commitments"):
                    build_commitments_tab(gr, demo, commitments)
            if support is not None:
                with gr.Tab("Find support", id="support", elem_id="dq-tab-support"):
                    build_support_tab(gr, demo, support)
        demo.load(controller.header, None, header)
    return demo


def _chat_tab(gr: Any, controller: ChatController, examples: Sequence[ExampleGroup]) -> None:
    chat_state = gr.State([])
    records = gr.State([])
    with gr.Row(equal_height=False, elem_id="dq-main"):
        with gr.Column(scale=3, min_width=380):
            chatbot = gr.Chatbot(
                elem_id="dq-chat",
                height=560,
                show_label=False,
                latex_delimiters=[],  # "$" amounts in answers are money, not maths
                buttons=["copy"],
                placeholder=_EMPTY_CHAT,
                feedback_options=("Like", "Dislike"),
            )
            with gr.Row(elem_id="dq-ask-row"):
                box = gr.Textbox(
                    placeholder="Ask a question about the deal…",
                    show_label=False,
                    container=False,
                    lines=1,
                    max_lines=4,
                    scale=6,
                    elem_id="dq-question",
                    autofocus=True,
                )
                ask = gr.Button("Ask", variant="primary", scale=1, elem_id="dq-ask")
            with gr.Row(elem_id="dq-feedback-row"):
                good = gr.Button("✓ Helpful", size="sm", elem_id="dq-helpful")
                bad = gr.Button("✗ Not helpful", size="sm", elem_id="dq-unhelpful")
                comment = gr.Textbox(
                    placeholder="Comment on the last answer (optional)",
                    show_label=False,
                    container=False,
                    scale=3,
                    elem_id="dq-comment",
                )
                clear = gr.Button("Clear conversation", size="sm", elem_id="dq-clear")
            status = gr.Markdown("", elem_id="dq-feedback-status")
        with gr.Column(scale=2, min_width=320):
            panel = gr.HTML(controller.panel([]), elem_id="dq-sources-panel")
    example_buttons = _examples(gr, examples)

    outs = [box, chat_state, records, panel]

    def respond(message: str, chat: list[Message], recs: list[Record]) -> Iterator[Any]:
        for upd in controller.respond(message, chat, recs):
            yield _with_chat(upd)

    for trigger in (box.submit, ask.click):
        trigger(respond, [box, chat_state, records], [*outs, chatbot],
                show_progress="hidden", concurrency_limit=4)
    for button, question in example_buttons:
        button.click(_ask_fixed(controller, question), [chat_state, records],
                     [*outs, chatbot], show_progress="hidden", concurrency_limit=4)
    clear.click(controller.clear, None, [box, chat_state, records, panel, status]).then(
        lambda: [], None, chatbot)
    good.click(lambda c, r: controller.rate_last(True, c, r), [comment, records],
               [status, comment])
    bad.click(lambda c, r: controller.rate_last(False, c, r), [comment, records],
              [status, comment])

    def on_like(recs: list[Record], data: gr.LikeData) -> str:
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        return controller.rate_message(int(index), data.liked, recs)

    chatbot.like(on_like, [records], [status])


def _with_chat(upd: RespondUpdate) -> tuple[Any, ...]:
    import gradio as gr  # loaded by build_chat_ui already: a lookup, not an import

    text, chat, recs, panel = upd
    box = gr.skip() if text is KEEP_BOX else text
    return box, chat, recs, panel, chat  # the chatbot shows what chat_state holds


def _ask_fixed(controller: ChatController, question: str):  # noqa: ANN202 (Gradio reads the signature)
    def ask(chat: list[Message], recs: list[Record]) -> Iterator[Any]:
        for upd in controller.respond(question, chat, recs):
            yield _with_chat(upd)

    return ask


def _examples(gr: Any, groups: Sequence[ExampleGroup]) -> list[tuple[Any, str]]:
    buttons: list[tuple[Any, str]] = []
    with gr.Row(elem_id="dq-examples"):
        for g in groups:
            with gr.Column(min_width=240, elem_classes=["dq-example-group"]):
                gr.HTML(f'<p class="dq-example-group__title"><strong>{_esc(g.audience)}</strong>'
                        f" · {_esc(g.need)}</p>")
                for q in g.questions:
                    b = gr.Button(q, size="sm", elem_classes=["dq-example"])
                    buttons.append((b, q))
    return buttons


def _esc(s: str) -> str:
    return html.escape(s)
