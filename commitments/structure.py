"""A document as the register reads it: sentences inside blocks inside lists, in order.

The heuristics need more than a sentence: a sub-bullet (``£66m on a Vaccines ... Centre``) gets
its actor and conditions from the bullet above it and from the list's lead-in paragraph
("... subject to final business approvals ... investments announced include:"), and a sentence
that opens "This will lead to 150 new research roles" gets its actor from an earlier sentence
of the same paragraph. Everything here is derived from the passages' units (sentences, bullets,
table rows) and the cleaned text, so it works for any document ingest can read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dealqa.types import Document, FootnoteRef, Passage, Unit, UnitKind
from ingest.units import sentence_spans

__all__ = ["Sentence", "Block", "DocView", "read_document"]


@dataclass(frozen=True)
class Block:
    """A paragraph, a bullet or a table row."""

    index: int
    kind: UnitKind  # SENTENCE for paragraphs
    start: int
    end: int
    depth: int  # bullets: 0 top level, 1 nested; others 0
    list_id: int | None  # bullets of one list share it
    parent: int | None  # block index of the bullet a nested bullet hangs from
    lead_in: int | None  # block index of the paragraph ending ':' that opens the list


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int
    passage: Passage


@dataclass
class DocView:
    document: Document
    sentences: list[Sentence]
    blocks: list[Block]
    footnotes: list[FootnoteRef]

    def text(self, start: int, end: int) -> str:
        return self.document.text[start:end]

    def block_text(self, index: int) -> str:
        b = self.blocks[index]
        return self.document.text[b.start:b.end]

    def block_sentences(self, index: int) -> list[Sentence]:
        return [s for s in self.sentences if s.block == index]


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _depth(text: str, unit_start: int) -> int:
    # Nested bullets are indented ("  ◦ ") in the cleaned text; top-level ones are not ("• ").
    prefix = text[_line_start(text, unit_start):unit_start]
    return 1 if prefix[:1].isspace() else 0


class _Reader:
    """Walks the units of one document in order and keeps the list state between them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences: list[Sentence] = []
        self.blocks: list[Block] = []
        self.list_id = 0
        self._reset(None)

    def _reset(self, section: tuple[str, ...] | None) -> None:
        self.section = section
        self.paragraph: int | None = None  # line start of the open paragraph
        self.last_top: int | None = None  # the top-level bullet nested bullets hang from
        self.lead_in: int | None = None  # the paragraph ending ':' that opens the list

    def unit(self, unit: Unit, passage: Passage) -> None:
        if passage.section != self.section:
            self._reset(passage.section)
            self.list_id += 1
        if unit.kind is UnitKind.HEADING:
            self._reset(passage.section)
        elif unit.kind is UnitKind.SENTENCE:
            self._sentence(unit, passage)
        else:
            self._line(unit, passage)

    def _sentence(self, unit: Unit, passage: Passage) -> None:
        line = _line_start(self.text, unit.start)
        if line != self.paragraph:  # a new paragraph; it may open the list that follows
            self.paragraph, self.last_top, self.lead_in = line, None, None
            self.list_id += 1
            self.blocks.append(Block(len(self.blocks), UnitKind.SENTENCE, unit.start, unit.end,
                                     0, None, None, None))
        else:
            b = self.blocks[-1]
            self.blocks[-1] = Block(b.index, b.kind, b.start, unit.end, 0, None, None, None)
        if self.text[:unit.end].rstrip().endswith(":"):
            self.lead_in = self.blocks[-1].index
        self.sentences.append(Sentence(unit.start, unit.end, len(self.blocks) - 1, passage))

    def _line(self, unit: Unit, passage: Passage) -> None:
        """A bullet or a table row; a bullet may hold several sentences."""
        self.paragraph = None
        bullet = unit.kind is UnitKind.BULLET
        if not bullet:
            self.last_top, self.lead_in = None, None
        depth = _depth(self.text, unit.start) if bullet else 0
        parent = self.last_top if (bullet and depth > 0) else None
        index = len(self.blocks)
        self.blocks.append(Block(index, unit.kind, unit.start, unit.end, depth,
                                 self.list_id if bullet else None, parent,
                                 self.lead_in if bullet else None))
        if bullet and depth == 0:
            self.last_top = index
        spans = (sentence_spans(self.text, unit.start, unit.end) if bullet
                 else [(unit.start, unit.end)])
        self.sentences.extend(Sentence(a, b, index, passage) for a, b in spans)


def read_document(document: Document, passages: Sequence[Passage]) -> DocView:
    """Sentences and blocks of ``document`` from its passages (others are ignored)."""
    own = sorted((p for p in passages if p.doc_id == document.doc_id), key=lambda p: p.start)
    reader = _Reader(document.text)
    footnotes: list[FootnoteRef] = []
    for passage in own:
        footnotes.extend(passage.footnotes)
        for unit in passage.units:
            reader.unit(unit, passage)
    return DocView(document, reader.sentences, reader.blocks, footnotes)
