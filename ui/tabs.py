"""The Commitments and Find support tabs (Gradio layout and wiring only; behaviour is in
ui.commitments_view and ui.support_view). Gradio is passed in, never imported at module level.
"""

from typing import Any

from ui.commitments_view import ALL_THEMES, CommitmentsController
from ui.support_view import ANY, SupportController

__all__ = ["build_commitments_tab", "build_support_tab"]


def build_commitments_tab(gr: Any, demo: Any, controller: CommitmentsController) -> None:
    with gr.Row(elem_id="dq-cm-filters", equal_height=True):
        theme = gr.Dropdown(controller.theme_choices(), value=ALL_THEMES, label="Theme",
                            elem_id="dq-cm-theme", scale=2)
        place = gr.Textbox(label="Place", placeholder="e.g. Liverpool", elem_id="dq-cm-place",
                           scale=2)
        amount = gr.Textbox(label="Minimum amount", placeholder="e.g. 50m or £1.5bn",
                            elem_id="dq-cm-min", scale=2)
        apply = gr.Button("Filter", variant="primary", elem_id="dq-cm-apply", scale=1)
    out = gr.HTML("", elem_id="dq-cm-out")
    inputs = [theme, place, amount]
    for trigger in (apply.click, place.submit, amount.submit, theme.change):
        trigger(controller.show, inputs, out, show_progress="hidden")
    demo.load(controller.show, inputs, out)


def build_support_tab(gr: Any, demo: Any, controller: SupportController) -> None:
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=380):
            text = gr.Textbox(label="Your organisation and what it needs", lines=3,
                              placeholder="e.g. We are a small company making cell therapies "
                                          "in Stevenage and need funding to scale up.",
                              elem_id="dq-sp-text")
            with gr.Row():
                kind = gr.Dropdown([ANY], value=ANY, label="Kind (optional)",
                                   elem_id="dq-sp-kind")
                sector = gr.Textbox(label="Sector (optional)", elem_id="dq-sp-sector")
                place = gr.Textbox(label="Place (optional)", elem_id="dq-sp-place")
            needs = gr.CheckboxGroup([], label="Needs (optional)", elem_id="dq-sp-needs")
            find = gr.Button("Find support", variant="primary", elem_id="dq-sp-find")
            results = gr.HTML("", elem_id="dq-sp-results")
        with gr.Column(scale=2, min_width=320):
            panel = gr.HTML("", elem_id="dq-sp-sources")
    for trigger in (find.click, text.submit):
        trigger(controller.find, [text, kind, sector, place, needs], [results, panel],
                show_progress="minimal")
    # The finder loads at server start-up, after this page is built: fill the choices then.
    demo.load(lambda: (gr.Dropdown(choices=controller.kinds(), value=ANY),
                       gr.CheckboxGroup(choices=controller.needs())), None, [kind, needs])
