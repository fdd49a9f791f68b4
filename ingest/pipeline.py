"""The ingest pipeline: load -> clean -> structure -> footnotes -> units -> passages.

Each stage is a small component of its own module; this module only wires them together::

    DocumentLoader   file -> raw text, sha256, doc_id                 (loader.py, pdf_text.py)
    NoiseFilter      watermarks/status, image descriptions, page nos  (noise.py)
    BlockParser      paragraphs, lists, tables; inline cleaning       (blocks.py, inline.py)
    Outliner         title, headings, section paths                   (outline.py, headings.py)
    render           Document.text + exact offsets                    (layout.py)
    FootnoteLinker   markers -> References entries                    (footnotes.py)
    Chunker          units packed into passages within sections       (chunker.py, units.py)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dealqa.errors import EmptyDocumentError, IngestError
from dealqa.types import Document, Passage
from ingest.blocks import BlockParser, split_raw_blocks
from ingest.chunker import Chunker
from ingest.footnotes import FootnoteLinker, has_reference_list
from ingest.inline import InlineCleaner
from ingest.layout import STATUS_SECTION, render
from ingest.loader import SUPPORTED_EXTENSIONS, DocumentLoader
from ingest.noise import NoiseFilter
from ingest.outline import Outliner

__all__ = ["IngestResult", "ingest_paths", "ingest_document", "corpus_paths"]

Progress = Callable[[str], None]

# Files that describe a corpus rather than belong to it (licence notes, read-mes).
_META_STEMS = frozenset(
    "readme attribution attributions license licence notice changelog contributing".split()
)


@dataclass(frozen=True)
class IngestResult:
    documents: list[Document]
    passages: list[Passage]  # all documents, in document order


def corpus_paths(corpus_dir: Path) -> list[Path]:
    """The supported files directly inside ``corpus_dir``, sorted by name.

    Hidden files and corpus notes (README, ATTRIBUTION, LICENSE ...) are left out.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise IngestError(
            f"corpus folder not found: {corpus_dir} — check the path (DEALQA_CORPUS_DIR)"
        )
    return sorted(
        p for p in corpus_dir.iterdir()
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_EXTENSIONS
        and not p.name.startswith(".")
        and p.stem.lower() not in _META_STEMS
    )


def ingest_document(
    path: Path, chunker: Chunker, progress: Progress | None = None
) -> tuple[Document, list[Passage]]:
    """One file -> its cleaned Document and its passages."""
    say = progress or (lambda _msg: None)
    raw = DocumentLoader().run(Path(path))
    name = Path(path).name
    say(f"{name}: loaded {len(raw.text):,} characters")
    denoised = NoiseFilter().run(split_raw_blocks(raw.text))
    cleaner = InlineCleaner(strip_markers=has_reference_list(raw.text))
    blocks = BlockParser(cleaner).run(denoised.blocks)
    note = f", {denoised.status_note}" if denoised.status_note else ""
    say(f"{name}: cleaned ({denoised.status.value}{note})")
    outline = Outliner().run(blocks)
    stamp = BlockParser(cleaner).run([[denoised.status_note]]) if denoised.status_note else []
    layout = render(outline, stamp[0] if stamp else None)
    if not any(not b.is_heading and b.section != (STATUS_SECTION,) for b in layout.blocks):
        raise EmptyDocumentError(
            f"no body text in {path} after cleaning — check that it is the right file"
        )
    n_sections = len({b.section for b in layout.blocks if not b.is_heading})
    say(f"{name}: {n_sections} sections")
    footnotes = FootnoteLinker().run(layout)
    document = Document(
        doc_id=raw.doc_id,
        title=outline.title or raw.meta_title or Path(path).stem,
        source=raw.source,
        sha256=raw.sha256,
        status=denoised.status,
        status_note=denoised.status_note,
        text=layout.text,
    )
    passages = chunker.run(raw.doc_id, layout, footnotes)
    say(f"{name}: {len(passages)} passages, {len(footnotes)} footnote links")
    return document, passages


def ingest_paths(
    paths: Sequence[Path],
    count_tokens: Callable[[str], int],
    max_tokens: int = 200,
    hard_limit: int = 254,
    progress: Progress | None = None,
) -> IngestResult:
    """Ingest ``paths`` in the order given. Raises IngestError (and subclasses) per bad file."""
    chunker = Chunker(count_tokens, max_tokens=max_tokens, hard_limit=hard_limit)
    documents: list[Document] = []
    passages: list[Passage] = []
    seen: dict[str, Path] = {}
    for path in paths:
        document, doc_passages = ingest_document(Path(path), chunker, progress)
        if document.doc_id in seen:
            raise IngestError(
                f"two files give the document id '{document.doc_id}': {seen[document.doc_id]} and "
                f"{path} — rename one"
            )
        seen[document.doc_id] = Path(path)
        documents.append(document)
        passages.extend(doc_passages)
    return IngestResult(documents, passages)
