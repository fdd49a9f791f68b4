"""Questions about the document's own standing ("Is the deal still in force?", "When was it
withdrawn?") are answered from its status stamp, which ingest keeps once as the body of a
``Document status`` section (see ingest/layout.py). The stamp is a four-word line that
retrieval ranks low against the deal's long passages, so these questions go to it directly."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.compose import Composer, Span
from assistant.templates import Templates
from dealqa.types import Citation, Passage
from ingest.layout import STATUS_SECTION

__all__ = ["asks_status", "status_passages", "answer_from_status"]

_ASKS_STATUS = re.compile(
    r"\b(?:withdrawn|withdraw(?:al)?|superseded|archived|revoked|rescinded"
    r"|still (?:in force|in effect|valid|current|live|active|stand(?:s|ing)?|appl(?:y|ies)|"
    r"government policy|the policy|official policy|in place)"
    # ("already in force" asks whether a measure had started, not whether the deal stands)
    r"|(?<!already )in force|current (?:government )?policy|(?:status|standing) of (?:the|this) "
    r"(?:deal|document|publication|sector deal)"
    # "On what date was this sector deal pulled?", "Going by the watermark, ..."
    r"|(?:is|was|were|been|being|get|got)\b[^?]{0,40}?\b(?:pulled|taken down|retired)"
    r"(?! (?:together|in|into|"
    r"through|from|out))|watermark(?:ed|s)?"
    r"|no longer (?:in force|in effect|current|valid|live|active|stands|applies|policy))\b",
    re.IGNORECASE,
)


def asks_status(question: str) -> bool:
    """True when ``question`` asks whether the document still stands, or since when not."""
    return bool(_ASKS_STATUS.search(" ".join(question.split())))


def status_passages(passages: Sequence[Passage]) -> list[Passage]:
    return [p for p in passages if p.section == (STATUS_SECTION,)]


def answer_from_status(passages: Sequence[Passage], composer: Composer,
                       templates: Templates) -> tuple[str, list[Citation]]:
    """Each document's stamp, quoted and cited ("… is marked “Withdrawn 23 June 2025” [1]")."""
    citations, lines = [], []
    for n, p in enumerate(passages, start=1):
        span = Span(p, p.start, p.end)
        cit = composer.citation(n, span)
        citations.append(cit)
        lines.append(templates.get("status", "stamp", title=cit.document, quote=span.quote, n=n))
    return " ".join(lines), citations
