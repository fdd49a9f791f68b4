"""Pure HTML rendering for the chat UI: answers, source cards, status banners.

No Gradio and no assistant here: inputs are plain records, output is HTML built from the
templates in ``ui/templates`` with every piece of text escaped. Output never contains a blank
line, because the chatbot runs messages through Markdown and a blank line would end the HTML
block mid-answer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from string import Template

from dealqa.types import Answer, Citation, DocStatus, FootnoteRef

__all__ = [
    "SourceView",
    "source_anchor",
    "render_answer",
    "render_partial",
    "render_error",
    "render_banner",
    "render_header",
    "render_turn_sources",
    "render_sources_panel",
    "highlight",
]

TEMPLATES = Path(__file__).parent / "templates"
_MARKER = re.compile(r"\[(\d+)\]")
_BULLET = re.compile(r"^\s*(?:[-*•◦▪▶]\s+)+")


@dataclass(frozen=True)
class SourceView:
    """Everything one source card shows; built by ui.sources from the assistant."""

    citation: Citation
    passage_text: str
    span: tuple[int, int] | None  # the quote's offsets inside passage_text, if found
    document_title: str
    status: DocStatus | None
    notice: str  # one line on the document's status, e.g. why a withdrawn deal is historical
    before: Sequence[str] = ()  # neighbouring passages, for context
    after: Sequence[str] = ()
    footnotes: Sequence[FootnoteRef] = field(default_factory=tuple)


@cache
def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8").strip())


def source_anchor(turn: int | str, n: int) -> str:
    return f"dq-src-{turn}-{n}"


def _paragraphs(text: str, turn: int | None, cited: set[int]) -> str:
    """Escaped text as <p>/<ul>, with [n] markers turned into links to their source cards."""
    blocks: list[str] = []
    items: list[str] = []
    for raw in text.strip().splitlines():
        line = _link_markers(html.escape(raw.strip()), turn, cited)
        if _BULLET.match(raw):
            items.append(f"<li>{_BULLET.sub('', line, count=1)}</li>")
            continue
        if items:
            blocks.append(f"<ul>{''.join(items)}</ul>")
            items = []
        if line:
            blocks.append(f"<p>{line}</p>")
    if items:
        blocks.append(f"<ul>{''.join(items)}</ul>")
    return "".join(blocks)


def _link_markers(escaped: str, turn: int | None, cited: set[int]) -> str:
    if turn is None:
        return escaped

    def link(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n not in cited:
            return m.group(0)
        return (
            f'<a class="dq-cite" href="#{source_anchor(turn, n)}" '
            f'title="Show source {n}">[{n}]</a>'
        )

    return _MARKER.sub(link, escaped)


def render_answer(answer: Answer, turn: int) -> str:
    """The final chat message: a badge saying whether it asserts or abstains, the text with
    linked markers, and the caveats."""
    n_src = len(answer.citations)
    if answer.abstained:
        kind, badge = "abstained", "Not answered by the deal"
    else:
        kind = "asserted"
        badge = f"From the deal · {n_src} source{'s' if n_src != 1 else ''}" if n_src else "From the deal"
    caveats = "".join(f"<li>{html.escape(c)}</li>" for c in answer.caveats)
    return _template("answer.html").substitute(
        kind=kind,
        turn=turn,
        badge=html.escape(badge),
        text=_paragraphs(answer.text, turn, {c.n for c in answer.citations}),
        caveats=f'<ul class="dq-answer__caveats">{caveats}</ul>' if caveats else "",
    )


def render_partial(text: str) -> str:
    """Answer text while it streams: no links yet (citations arrive at the end)."""
    return (
        '<div class="dq-answer dq-answer--streaming"><div class="dq-answer__text">'
        f"{_paragraphs(text, None, set())}</div></div>"
    )


def render_error(message: str) -> str:
    return (
        '<div class="dq-answer dq-answer--error"><div class="dq-answer__badge">Not answered</div>'
        f'<div class="dq-answer__text"><p>{html.escape(message)}</p></div></div>'
    )


def render_banner(status: DocStatus | None, notice: str) -> str:
    """A status line such as "Withdrawn 23 June 2025: ..." with its first clause in bold."""
    head, sep, rest = notice.partition(": ")
    return _template("banner.html").substitute(
        status="withdrawn" if status is DocStatus.WITHDRAWN else "current",
        head=html.escape(head + (":" if sep else "")),
        rest=html.escape(f" {rest}" if sep else ""),
    )


def render_header(title: str, banners: Sequence[str]) -> str:
    return _template("header.html").substitute(
        title=html.escape(title), banners="".join(banners)
    )


def highlight(text: str, span: tuple[int, int] | None) -> str:
    """Escaped ``text`` with ``span`` wrapped in <mark>."""
    if span is None:
        return html.escape(text)
    s, e = span
    return (
        html.escape(text[:s])
        + f"<mark>{html.escape(text[s:e])}</mark>"
        + html.escape(text[e:])
    )


def _context(texts: Sequence[str], where: str) -> str:
    return "".join(
        f'<p class="dq-source__context dq-source__context--{where}">{html.escape(t)}</p>'
        for t in texts
    )


def _footnotes(refs: Sequence[FootnoteRef]) -> str:
    if not refs:
        return ""
    items = "".join(
        f"<li><sup>{r.marker}</sup> {html.escape(r.anchor)}: {html.escape(r.text)}</li>" for r in refs
    )
    return f'<ul class="dq-source__notes">{items}</ul>'


def _card(turn: int | str, view: SourceView, open_: bool) -> str:
    c = view.citation
    return _template("source_card.html").substitute(
        anchor=source_anchor(turn, c.n),
        open=" open" if open_ else "",
        n=c.n,
        section=html.escape(c.section or "(no section)"),
        banner=render_banner(view.status, view.notice) if view.status is not None else "",
        document=html.escape(view.document_title or c.document),
        before=_context(view.before, "before"),
        passage=highlight(view.passage_text, view.span)
        if view.span
        else f"{html.escape(view.passage_text)}<br><mark>{html.escape(c.quote)}</mark>",
        after=_context(view.after, "after"),
        footnotes=_footnotes(view.footnotes),
        passage_id=html.escape(c.passage_id),
    )


def render_turn_sources(turn: int | str, question: str, views: Sequence[SourceView],
                        current: bool = False) -> str:
    """One answer's source cards; the first is open so the latest answer shows its evidence.
    ``turn`` keys the anchors (the support tab uses "m1", "m2" ... per match); ``current``
    shows this section instead of the panel's last one until a [n] link picks another."""
    if not views:
        return ""
    cards = "".join(_card(turn, v, i == 0) for i, v in enumerate(views))
    return _template("turn.html").substitute(
        turn=html.escape(str(turn)), question=html.escape(question), cards=cards,
        current=" dq-turn--current" if current else "",
    )


def render_sources_panel(turn_sections: Sequence[str]) -> str:
    """All kept turns' sources; CSS shows the latest until a [n] link picks another turn."""
    body = "".join(s for s in turn_sections if s) or _template("sources_empty.html").template
    return _template("sources_panel.html").substitute(body=body)
