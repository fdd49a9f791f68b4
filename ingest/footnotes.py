"""Link superscript footnote markers to the entries of the References list.

The References section is a numbered list ("1. Known as Merck and Co Inc. in the US and
Canada"). Each marker recorded by :class:`ingest.inline.InlineCleaner` (``MSD¹``) becomes a
:class:`~dealqa.types.FootnoteRef` carrying that entry's text and the anchor it was glued to.
Markers whose number has no entry (the conversion lost it) are dropped from the text but not
linked: there is nothing true to say about them.
"""

from __future__ import annotations

import re

from dealqa.types import FootnoteRef
from ingest.blocks import LineRole
from ingest.layout import Layout
from ingest.outline import REFERENCE_HEADINGS

__all__ = ["FootnoteLinker", "has_reference_list"]

_REFERENCES = re.compile(rf"(?:{REFERENCE_HEADINGS})", re.IGNORECASE)
_RAW_REFERENCES = re.compile(
    rf"^[ \t#*]*(?:{REFERENCE_HEADINGS})[ \t*:]*\n(?:[ \t]*\n)*[ \t]*1[.)][ \t]+\S",
    re.IGNORECASE | re.MULTILINE,
)


def has_reference_list(raw_text: str) -> bool:
    """Does the raw text hold a References heading followed by a numbered list?

    Decided up front because it decides whether superscript digits are footnote markers.
    """
    return bool(_RAW_REFERENCES.search(raw_text.replace("\r\n", "\n")))


def _in_references(section: tuple[str, ...]) -> bool:
    return any(_REFERENCES.fullmatch(" ".join(s.split())) for s in section)


class FootnoteLinker:
    """Layout -> footnote references, in text order."""

    def run(self, layout: Layout) -> list[FootnoteRef]:
        entries = self.entries(layout)
        refs = []
        for block in layout.blocks:
            for line in block.lines:
                for m in line.markers:
                    if m.number in entries:
                        refs.append(FootnoteRef(
                            marker=m.number,
                            text=entries[m.number],
                            anchor=layout.text[m.anchor_start:m.anchor_end],
                            start=m.anchor_start,
                            end=m.anchor_end,
                        ))
        return sorted(refs, key=lambda r: (r.start, r.marker))

    @staticmethod
    def entries(layout: Layout) -> dict[int, str]:
        """``{number: entry text}`` from the numbered lines under a References heading."""
        out: dict[int, str] = {}
        for block in layout.blocks:
            if block.is_heading or not _in_references(block.section):
                continue
            for line in block.lines:
                if line.role is LineRole.NUMBERED and line.number is not None:
                    out.setdefault(line.number, layout.text[line.content_start:line.end])
        return out
