"""Pure HTML rendering of answers and sources (no Gradio, no browser)."""

from __future__ import annotations

import re

import pytest
from fakes_web import FakeAssistant

from dealqa.types import Answer, Citation, DocStatus
from ui.render import (
    SourceView,
    highlight,
    render_answer,
    render_banner,
    render_partial,
    render_sources_panel,
    render_turn_sources,
)
from ui.sources import locate_quote, source_views


def cite(n: int, quote: str = "q", start: int = 0) -> Citation:
    return Citation(n, f"d#p-{n}", "Doc", "Sec", quote, start, start + len(quote), "d", quote)


def answer(text: str, citations: list[Citation], abstained: bool = False,
           caveats: list[str] | None = None) -> Answer:
    return Answer("q?", text, citations, abstained, caveats or [], [])


def test_markers_link_to_their_source_cards_only_when_cited() -> None:
    html = render_answer(answer("£12m [1] and jobs [2]; see [3].", [cite(1), cite(2)]), turn=4)
    assert '<a class="dq-cite" href="#dq-src-4-1" title="Show source 1">[1]</a>' in html
    assert 'href="#dq-src-4-2"' in html
    assert "[3]" in html and "dq-src-4-3" not in html  # no citation 3: left as text


def test_asserted_and_abstained_answers_look_different() -> None:
    yes = render_answer(answer("£12m [1]", [cite(1)]), 1)
    no = render_answer(answer("The deal does not say.", [], abstained=True), 1)
    assert "dq-answer--asserted" in yes and "From the deal · 1 source" in yes
    assert "dq-answer--abstained" in no and "Not answered by the deal" in no
    assert "dq-answer--asserted" not in no


def test_text_is_escaped_and_html_has_no_blank_lines() -> None:
    text = "<script>alert(1)</script> & more [1]\n\n- first point\n- second [1]\n\nLast para."
    html = render_answer(answer(text, [cite(1)], caveats=["<b>careful</b>"]), 2)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;careful&lt;/b&gt;" in html
    assert "<ul><li>first point</li><li>second <a" in html
    assert "<p>Last para.</p>" in html
    assert "\n\n" not in html  # a blank line would end the chatbot's HTML block


def test_partial_text_is_escaped_without_links() -> None:
    html = render_partial("£12m [1] <b>")
    assert "dq-answer--streaming" in html and "&lt;b&gt;" in html and "dq-cite" not in html


def test_highlight_marks_exactly_the_span() -> None:
    assert highlight("a <b> c", (2, 5)) == "a <mark>&lt;b&gt;</mark> c"
    assert highlight("a & b", None) == "a &amp; b"


@pytest.mark.parametrize(
    "passage_start, quote, start, expected",
    [
        (100, "world", 106, (6, 11)),  # offsets agree with the text
        (100, "world", 500, (6, 11)),  # offsets stale: found by search
        (None, "hello", 0, (0, 5)),
        (100, "absent", 106, None),
        (100, "", 106, None),
    ],
)
def test_locate_quote(passage_start: int | None, quote: str, start: int,
                      expected: tuple[int, int] | None) -> None:
    c = Citation(1, "p", "D", "S", quote, start, start + len(quote))
    assert locate_quote("hello world", passage_start, c) == expected


def test_withdrawn_banner() -> None:
    html = render_banner(DocStatus.WITHDRAWN, "Withdrawn 1 May 2024: no longer current.")
    assert 'class="dq-banner dq-banner--withdrawn"' in html
    assert "<strong>Withdrawn 1 May 2024:</strong> no longer current." in html
    assert "dq-banner--current" in render_banner(DocStatus.CURRENT, "Current.")


def test_source_cards_from_the_fake_assistant() -> None:
    fake = FakeAssistant()
    ans = fake.ask("How much for the Vaccines Centre in Oxford?")
    views = source_views(ans, fake, fake.documents())
    html = render_turn_sources(3, "How much <really>?", views)
    first = ans.citations[0]
    assert f'id="dq-src-3-{first.n}" open' in html  # the first card starts open
    assert f"<mark>{first.quote}</mark>" in html
    assert "dq-banner--withdrawn" in html and "Withdrawn 1 May 2024:" in html
    assert "&lt;really&gt;" in html
    assert "dq-source__context--before" in html  # neighbouring passage shown for context
    assert "Subject to business case approval by HM Treasury" in html  # the footnote
    assert html.count("<details") == len(ans.citations)


def test_unknown_passage_still_shows_the_quote() -> None:
    fake = FakeAssistant()
    c = Citation(1, "mini-deal#gone", "Mini Sector Deal", "S", "a quote", 0, 7, "mini-deal", "")
    [view] = source_views(answer("x [1]", [c]), fake, fake.documents())
    assert view.span == (0, 7) and view.passage_text == "a quote"
    assert view.status is DocStatus.WITHDRAWN


def test_panel_is_empty_state_then_all_turns() -> None:
    empty = render_sources_panel([])
    assert "dq-sources__empty" in empty
    view = SourceView(cite(1, "abc"), "xx abc yy", (3, 6), "Doc", None, "")
    panel = render_sources_panel([render_turn_sources(1, "a", [view]),
                                  render_turn_sources(2, "b", [view])])
    assert re.findall(r'data-turn="(\d)"', panel) == ["1", "2"]
    assert "dq-sources__empty" not in panel and "dq-banner" not in panel
