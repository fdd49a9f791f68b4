"""Conditions from the commitments register, attached to the figures an answer cites.

The register links every figure to its conditions wherever the deal states them (a footnote, a
lead-in such as "subject to final business approvals", another section). An answer quoting the
figure carries those conditions too, even when they sit outside the quoted sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from dealqa.types import Citation

__all__ = ["RegisterNotes"]


class RegisterNotes:
    def __init__(self, register) -> None:
        self._by_passage: dict[str, list[tuple[int, int, object]]] = {}
        for c in getattr(register, "commitments", []) or []:
            for ref in c.citations:
                self._by_passage.setdefault(ref.passage_id, []).append((ref.start, ref.end, c))

    def commitments_for(self, citations: Sequence[Citation]) -> list:
        """Register records whose statement overlaps a cited span, in citation order."""
        seen, out = set(), []
        for cit in citations:
            for start, end, c in self._by_passage.get(cit.passage_id, []):
                if start < cit.end and cit.start < end and c.id not in seen:
                    # The figure itself must be quoted, not just its sentence's neighbour.
                    if c.raw and c.raw.replace("\\", "") in cit.quote:
                        seen.add(c.id)
                        out.append(c)
        return out

    def inline(self, citations: Sequence[Citation], text: str) -> str:
        """Conditions of the cited figures not yet in ``text``, as "(Subject to ...)"."""
        extra: list[str] = []
        low = text.lower()
        for c in self.commitments_for(citations):
            for cond in c.conditions:
                cond = cond.strip().rstrip(".")
                if cond and cond.lower() not in low:
                    extra.append(f"({cond})")
                    low += " " + cond.lower()
        return " ".join(extra)

    def caveats(self, citations: Sequence[Citation], existing: Sequence[str]) -> list[str]:
        known = " ".join(existing).lower()
        out: list[str] = []
        for c in self.commitments_for(citations):
            for cond in c.conditions:
                text = cond.strip().rstrip(".")
                if text and text.lower() not in known:
                    out.append(f"{c.raw} ({c.purpose}): {text[:1].lower() + text[1:]}.")
                    known += " " + text.lower()
        return out
