"""Drop conversion noise that is not content, and read the document's status from it.

Three kinds of noise survive a PDF->text conversion of a government publication:

* status watermarks stamped on every page (``Withdrawn 23 June 2025``; also ``Superseded ...``,
  ``Archived ...``, ``This publication was withdrawn on ...``). The first one becomes the
  document's ``status_note``; every such line is dropped.
* image descriptions written by the converter ("The background of the page features a
  stylized map ..."): a paragraph whose first words describe the page or a picture.
* bare page numbers and horizontal rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dealqa.types import DocStatus

__all__ = ["Denoised", "NoiseFilter", "is_status_line"]

RawBlock = list[str]  # the lines of one blank-line separated block, as read

_STATUS = re.compile(
    r"^(?:this\s+(?:publication|document|page|guidance|policy\s+paper)\s+(?:was|has\s+been|is)\s+)?"
    r"(?:withdrawn|superseded|archived)\b",
    re.IGNORECASE,
)
_PICTURE_WORDS = (
    r"background|page|image|picture|photo(?:graph)?|illustration|figure|graphic|cover|map"
    r"|diagram|chart|infographic|artwork|banner"
)
_IMAGE_DESCRIPTION = re.compile(
    r"^(?:!\[|\[(?:image|figure|photo|picture)\b|(?:image|figure|alt text)\s*(?:description)?\s*:"
    rf"|(?:the|this|an?)\s+(?:{_PICTURE_WORDS})"
    rf"(?:\s+(?:of|on|at)\s+(?:the|this)\s+(?:{_PICTURE_WORDS}|slide))?"
    r"\s+(?:features|shows|depicts|displays|contains|illustrates|consists|is\s+(?:a|an|divided)))",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_MAX_STATUS_WORDS = 14  # a watermark is a short stamp, not a sentence that starts "Withdrawn ..."


def _plain(line: str) -> str:
    return line.replace("*", "").strip()


def is_status_line(line: str) -> bool:
    """True for a status stamp such as ``Withdrawn 23 June 2025``."""
    text = _plain(line)
    return bool(_STATUS.match(text)) and len(text.split()) <= _MAX_STATUS_WORDS


@dataclass(frozen=True)
class Denoised:
    blocks: list[RawBlock]
    status: DocStatus
    status_note: str | None


class NoiseFilter:
    """Remove watermarks, image descriptions, page numbers and rules from raw blocks."""

    def run(self, blocks: list[RawBlock]) -> Denoised:
        note: str | None = None
        kept: list[RawBlock] = []
        for block in blocks:
            lines = []
            for line in block:
                text = _plain(line)
                if is_status_line(line):
                    note = note or text.rstrip(".")
                elif not (_PAGE_NUMBER.match(text) or _RULE.match(line.strip())):
                    lines.append(line)
            if lines and not _IMAGE_DESCRIPTION.match(_plain(" ".join(lines))):
                kept.append(lines)
        status = DocStatus.WITHDRAWN if note else DocStatus.CURRENT
        return Denoised(kept, status, note)
