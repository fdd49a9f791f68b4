"""Read one file (.txt, .md, .pdf) into raw text plus its identity (doc_id, sha256, source)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from dealqa.errors import EmptyDocumentError, IngestError, UnsupportedFileError
from ingest.pdf_text import PdfTextExtractor
from ingest.slugs import slugify

__all__ = ["FileType", "SUPPORTED_EXTENSIONS", "RawDocument", "DocumentLoader", "doc_id_for"]


class FileType(str, Enum):
    TEXT = "text"
    MARKDOWN = "markdown"
    PDF = "pdf"


SUPPORTED_EXTENSIONS: dict[str, FileType] = {
    ".txt": FileType.TEXT,
    ".md": FileType.MARKDOWN,
    ".markdown": FileType.MARKDOWN,
    ".pdf": FileType.PDF,
}


@dataclass(frozen=True)
class RawDocument:
    doc_id: str
    source: str
    sha256: str
    file_type: FileType
    text: str
    meta_title: str | None = None  # PDF metadata title, when there is a real one


def doc_id_for(path: Path) -> str:
    """Stable slug of the file name without extension: ``life-sciences-sector-deal-2017``."""
    return slugify(path.stem, max_len=80)


def _source(path: Path) -> str:
    """The path as given, made relative to the working directory where it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise IngestError(
            f"cannot read {path}: it looks binary, not text — convert it to .txt or .pdf"
        )
    try:  # text saved on Windows: decode rather than refuse
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise IngestError(f"cannot read {path}: it is not UTF-8 text — re-save it as UTF-8") from err


class DocumentLoader:
    """Path -> :class:`RawDocument`; raises the ingest errors of :mod:`dealqa.errors`."""

    def run(self, path: Path) -> RawDocument:
        path = Path(path)
        file_type = SUPPORTED_EXTENSIONS.get(path.suffix.lower())
        if not path.is_file():
            raise IngestError(f"file not found: {path} — check the path")
        if file_type is None:
            supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
            raise UnsupportedFileError(
                f"unsupported file type '{path.suffix or '(none)'}': {path} — use one of {supported}"
            )
        try:
            data = path.read_bytes()
        except OSError as err:
            raise IngestError(f"cannot read {path}: {err.strerror} — check its permissions") from err
        if not data.strip():
            raise EmptyDocumentError(
                f"no text in {path}: the file is empty — add content or remove it"
            )
        meta_title = None
        if file_type is FileType.PDF:
            pdf = PdfTextExtractor().run(data, path)
            text, meta_title = pdf.text, pdf.title
        else:
            text = _decode(data, path)
            if not text.strip():
                raise EmptyDocumentError(
                    f"no text in {path}: the file holds only whitespace — add content or remove it"
                )
        return RawDocument(
            doc_id=doc_id_for(path),
            source=_source(path),
            sha256=hashlib.sha256(data).hexdigest(),
            file_type=file_type,
            text=text,
            meta_title=meta_title,
        )
