"""Collect what the source viewer shows for each citation: the passage, where the quote sits in
it, the neighbouring passages and the document's status."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from api.schemas import status_notice
from assistant.base import AssistantLike
from dealqa.types import Answer, Citation, Document, Passage
from ui.render import SourceView

__all__ = ["source_views", "locate_quote"]

log = logging.getLogger(__name__)


def locate_quote(passage_text: str, passage_start: int | None, c: Citation) -> tuple[int, int] | None:
    """The quote's span inside the passage: from the offsets when they agree with the text,
    else by searching for it, else None (the card then shows the quote on its own)."""
    if passage_start is not None and c.quote:
        s, e = c.start - passage_start, c.end - passage_start
        if 0 <= s < e <= len(passage_text) and passage_text[s:e] == c.quote:
            return s, e
    if c.quote:
        i = passage_text.find(c.quote)
        if i >= 0:
            return i, i + len(c.quote)
    return None


def source_views(
    answer: Answer, assistant: AssistantLike, documents: Sequence[Document], context: int = 1
) -> list[SourceView]:
    docs = {d.doc_id: d for d in documents}
    return [_view(c, assistant, docs, context) for c in answer.citations]


def _view(
    c: Citation, assistant: AssistantLike, docs: dict[str, Document], context: int
) -> SourceView:
    passage: Passage | None
    try:
        passage = assistant.passage(c.passage_id)
    except KeyError:
        log.warning("citation [%d] names unknown passage %r", c.n, c.passage_id)
        passage = None
    text = passage.text if passage else c.passage_text or c.quote
    before: list[str] = []
    after: list[str] = []
    if passage is not None and context > 0:
        around = assistant.neighbours(passage.passage_id, context)
        ids = [p.passage_id for p in around]
        at = ids.index(passage.passage_id) if passage.passage_id in ids else len(around)
        before = [p.text for p in around[:at]]
        after = [p.text for p in around[at + 1 :]]
    doc = docs.get(c.doc_id or (passage.doc_id if passage else ""))
    return SourceView(
        citation=c,
        passage_text=text,
        span=locate_quote(text, passage.start if passage else None, c),
        document_title=doc.title if doc else c.document,
        status=doc.status if doc else None,
        notice=status_notice(doc) if doc else "",
        before=before,
        after=after,
        footnotes=passage.footnotes if passage else (),
    )
