"""Render the outline to ``Document.text`` and record where every line landed.

``Document.text`` is *generated* from the cleaned blocks, so every offset is exact by
construction: blocks are separated by a blank line, lines of a list or table by a newline,
list items carry their normalised bullet (``• ``, ``  ◦ ``, ``12. ``), table rows their tabs.
The title lines open the text; headings stay in the text (a reader of the cleaned document
sees them) but never inside a passage: the section path carries them. A status stamp
("Withdrawn 23 June 2025", dropped from every page by the noise filter) is placed once after
the title, as the body of a ``Document status`` section: "When was the deal withdrawn?" is then
answered, and cited, from the document's own words.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.blocks import Block, BlockKind, LineRole
from ingest.inline import Marker
from ingest.outline import Outline

__all__ = ["PlacedLine", "PlacedBlock", "Layout", "render", "STATUS_SECTION"]

STATUS_SECTION = "Document status"
BLOCK_SEPARATOR = "\n\n"
LINE_SEPARATOR = "\n"


@dataclass(frozen=True)
class PlacedLine:
    role: LineRole
    start: int  # of the rendered line, bullet included
    content_start: int  # after the bullet / number
    end: int
    markers: tuple[Marker, ...]  # anchor offsets into the document text
    number: int | None = None


@dataclass(frozen=True)
class PlacedBlock:
    kind: BlockKind
    section: tuple[str, ...]
    is_heading: bool
    lines: tuple[PlacedLine, ...]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


@dataclass(frozen=True)
class Layout:
    text: str
    blocks: tuple[PlacedBlock, ...]  # headings and body in reading order (no title lines)


def _place(block: Block, at: int, parts: list[str]) -> tuple[PlacedLine, ...]:
    placed = []
    for i, line in enumerate(block.lines):
        if i:
            parts.append(LINE_SEPARATOR)
            at += len(LINE_SEPARATOR)
        content = at + len(line.prefix)
        placed.append(PlacedLine(
            line.role, at, content, content + len(line.text.text),
            tuple(m.shifted(content) for m in line.text.markers), line.number,
        ))
        parts.append(line.rendered)
        at += len(line.rendered)
    return tuple(placed)


def render(outline: Outline, status: Block | None = None) -> Layout:
    parts: list[str] = []
    at = 0
    placed: list[PlacedBlock] = []
    items = [(b, (), True, False) for b in outline.title_blocks]
    if status is not None:
        items.append((status, (STATUS_SECTION,), False, True))
    items += [(sb.block, sb.section, sb.is_heading, True) for sb in outline.blocks]
    for block, section, is_heading, keep in items:
        if not block.text:
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            at += len(BLOCK_SEPARATOR)
        lines = _place(block, at, parts)
        at = lines[-1].end
        if keep:
            placed.append(PlacedBlock(block.kind, section, is_heading, lines))
    return Layout("".join(parts), tuple(placed))
