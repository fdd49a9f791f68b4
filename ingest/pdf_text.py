"""Text out of a PDF with pypdf, re-flowed into blank-line separated paragraphs.

pypdf returns one line per visual line and no paragraph breaks, while the rest of ingest
expects the blank-line separated blocks of the bundled text conversion. A line ends its
paragraph when it is clearly shorter than a full line (a heading, the last line of a
paragraph), or when the next line opens a bullet or a table row. Pages are separated by a
blank line; a page break inside a sentence is healed later like any other (lower-case start).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from dealqa.errors import EmptyDocumentError, IngestError

__all__ = ["PdfText", "PdfTextExtractor", "reflow_lines"]

_SHORT_LINE = 0.7  # of a typical full line: shorter than this, the line ends a block
_NEW_BLOCK = re.compile(r"^\s*(?:[-*+–]\s+|[▶►•◦▪■●‣➢➤]|\d{1,3}[.)]\s+\S)|\t")
_JUNK_TITLE = re.compile(r"^(?:untitled|microsoft\s+word\b|document\d*$)|\.(?:docx?|pdf|indd)$", re.I)


@dataclass(frozen=True)
class PdfText:
    text: str
    title: str | None  # from the PDF's metadata, when it is a real title


def reflow_lines(lines: list[str]) -> str:
    """Join visual lines into paragraphs separated by blank lines."""
    lines = [ln.rstrip() for ln in lines if ln.strip()]
    if not lines:
        return ""
    lengths = sorted(len(ln) for ln in lines)
    typical = lengths[int(0.8 * (len(lengths) - 1))]
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and (len(line) < _SHORT_LINE * typical or _NEW_BLOCK.match(nxt)):
            out.append("")
    return "\n".join(out)


class PdfTextExtractor:
    """PDF bytes -> re-flowed text and metadata title. Raises IngestError for unreadable files."""

    def run(self, data: bytes, path: Path) -> PdfText:
        from pypdf import PdfReader  # imported here: ingest of .txt corpora never pays for it
        from pypdf.errors import PdfReadError

        logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns on every odd xref
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise IngestError(
                    f"cannot read PDF {path}: it is encrypted — save a copy without a password"
                )
            pages = [page.extract_text() or "" for page in reader.pages]
            meta = reader.metadata
            raw_title = meta.title if meta is not None else None
        except IngestError:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as err:
            raise IngestError(
                f"cannot read PDF {path}: the file is corrupt or not a PDF ({type(err).__name__}) — "
                "re-export it or remove it"
            ) from err
        text = "\n\n".join(reflow_lines(p.splitlines()) for p in pages)
        if not text.strip():
            raise EmptyDocumentError(
                f"no extractable text in {path}: the PDF has no text layer (scanned?) — OCR it first"
            )
        title = " ".join(str(raw_title).split()) if raw_title else None
        return PdfText(text, title if title and not _JUNK_TITLE.search(title) else None)
