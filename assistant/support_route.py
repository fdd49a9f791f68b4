"""Chat questions like "we're a gene-therapy SME in Stevenage: what applies to us?" go to the
support finder; its ranked measures become a short cited answer."""

from __future__ import annotations

from dataclasses import replace

from assistant.templates import Templates
from dealqa.types import Citation

__all__ = ["answer_from_support", "MAX_MEASURES"]

MAX_MEASURES = 3


def answer_from_support(result, templates: Templates) -> tuple[str, list[Citation], bool]:
    """(text, citations, abstained) from a finder.SupportResult: one line per measure, each with
    its figure, why it fits and the [n] of its verbatim source."""
    matches = [m for m in result.matches if m.citations][:MAX_MEASURES]
    if not matches:
        return result.message, [], True
    lines, citations = [], []
    for m in matches:
        n = len(citations) + 1
        citations.append(replace(m.citations[0], n=n))
        figure = f" ({m.figure})" if m.figure and m.figure not in m.measure else ""
        why = f" — {'; '.join(m.why[:2])}" if m.why else ""
        lines.append(f"• {m.measure}{figure}{why} [{n}]")
    intro = templates.get("support", "intro")
    return intro + "\n" + "\n".join(lines), citations, False
