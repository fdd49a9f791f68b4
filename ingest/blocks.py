"""Raw text -> blocks: paragraphs, bullet lists, tables and explicit markdown headings.

What happens here, on the de-noised raw blocks (blank-line separated):

* lines of a paragraph are joined (``Business,\\nEnergy`` -> ``Business, Energy``);
* page breaks are healed: a block that starts lower-case continues the previous paragraph or
  the previous list item (``cholesterol-`` + ``lowering`` -> ``cholesterol-lowering``);
* bullets are normalised: ``- ▶ ``, ``▶ ``, ``► `` -> ``• `` (top level) and indented `` - ``
  (or a plain ``- `` under a top-level item that ends with ``:``) -> ``  ◦ `` (sub-item);
  numbered items keep their number (``12. ``); consecutive list blocks form one list;
* table rows keep their cells separated by a tab (``Aug 2017\\tLife Science ...``): cell
  boundaries stay unambiguous (cells contain dashes), :func:`ingest.units.split_units`
  recognises a row anywhere, and a tab reads as a gap in a quote. Markdown pipe rows become
  tab rows the same way.

Whether a short paragraph is really a heading is decided later, by :mod:`ingest.outline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from ingest.inline import InlineCleaner, InlineText, Marker

__all__ = [
    "BlockKind",
    "LineRole",
    "Line",
    "Block",
    "BlockParser",
    "split_raw_blocks",
    "BULLET",
    "SUB_BULLET",
    "CELL_SEPARATOR",
]

BULLET = "• "
SUB_BULLET = "  ◦ "
CELL_SEPARATOR = "\t"

_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_TOP_GLYPHS = "▶►•▪■●‣➢➤"
_BULLET = re.compile(
    rf"^(?P<indent>[ \t]*)(?:(?P<dash>[-*+–])[ \t]+)?(?P<glyph>[{_TOP_GLYPHS}◦])?[ \t]*(?P<rest>.*)$"
)
_NUMBERED = re.compile(r"^[ \t]*(?P<num>\d{1,3})[.)][ \t]+(?P<rest>\S.*)$")
_PIPE_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"  # may still turn out to be an inferred heading
    LIST = "list"
    TABLE = "table"
    HEADING = "heading"  # explicit markdown heading (``## ...``)


class LineRole(str, Enum):
    TEXT = "text"
    ITEM = "item"
    SUB_ITEM = "sub_item"
    NUMBERED = "numbered"
    ROW = "row"


@dataclass
class Line:
    role: LineRole
    text: InlineText
    prefix: str = ""  # rendered before the text: "• ", "  ◦ ", "12. "
    number: int | None = None  # of a numbered item

    @property
    def rendered(self) -> str:
        return self.prefix + self.text.text


@dataclass
class Block:
    kind: BlockKind
    lines: list[Line]
    source_lines: int = 1  # lines in the source: a heading is always a single source line
    level: int | None = None  # markdown heading level

    @property
    def text(self) -> str:
        return "\n".join(line.rendered for line in self.lines)


def split_raw_blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of raw lines (form feeds count as page breaks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


@dataclass
class _RawLine:
    role: LineRole
    raw: str
    number: int | None = None
    glyph: bool = False  # the item was marked with an arrow/bullet glyph, not just a dash


@dataclass
class _RawBlock:
    kind: BlockKind
    lines: list[_RawLine] = field(default_factory=list)
    source_lines: int = 0
    level: int | None = None


@dataclass(frozen=True)
class _Bullet:
    text: str
    number: int | None  # of a numbered item
    glyph: str | None  # ▶ • ◦ ... (None for a plain dash or a number)
    indented: bool


def _parse_bullet(line: str) -> _Bullet | None:
    numbered = _NUMBERED.match(line)
    if numbered:
        return _Bullet(numbered["rest"], int(numbered["num"]), None, False)
    m = _BULLET.match(line)
    if m and (m["dash"] or m["glyph"]) and m["rest"].strip():
        return _Bullet(m["rest"].strip(), None, m["glyph"], bool(m["indent"]))
    return None


def _depth(bullet: _Bullet, list_so_far: list[_RawLine]) -> LineRole:
    """Top-level item or sub-item, from the indent, the glyph, and the list so far."""
    if bullet.number is not None:
        return LineRole.NUMBERED
    tops = [ln for ln in list_so_far if ln.role is LineRole.ITEM]
    if not tops:
        return LineRole.ITEM  # the first item of a list is top level whatever its indent
    if bullet.glyph == "◦" or bullet.indented:
        return LineRole.SUB_ITEM
    if bullet.glyph:
        return LineRole.ITEM
    # A plain "- " under an arrow bullet that introduces something ("...including:") is a
    # sub-item in these documents: the converter dropped the sub-item indent.
    parent = tops[-1]
    introduces = parent.glyph and parent.raw.rstrip("* ").endswith(":")
    return LineRole.SUB_ITEM if introduces else LineRole.ITEM


def _join(left: str, right: str) -> str:
    """Join two pieces of one sentence; a word hyphenated across a break closes up."""
    right = right.strip()
    if len(left) > 1 and left.endswith("-") and left[-2].isalpha() and right[:1].islower():
        return left + right
    return f"{left} {right}"


def _starts_lower(raw: str) -> bool:
    return raw.lstrip("*_ \t")[:1].islower()


class BlockParser:
    """Turn de-noised raw blocks into :class:`Block` objects with cleaned inline text."""

    def __init__(self, cleaner: InlineCleaner | None = None) -> None:
        self.cleaner = cleaner or InlineCleaner()

    def run(self, raw_blocks: list[list[str]]) -> list[Block]:
        out: list[_RawBlock] = []
        for raw_block in raw_blocks:
            for block in self._segments(raw_block, out[-1] if out else None):
                self._append(out, block)
        return [self._clean(b) for b in out]

    # -- raw structure ------------------------------------------------------------------------

    def _segments(self, lines: list[str], previous: _RawBlock | None) -> list[_RawBlock]:
        """Split one raw block into markdown headings, paragraphs, lists and tables."""
        segments: list[_RawBlock] = []
        for line in lines:
            current = segments[-1] if segments else None
            heading = _MD_HEADING.match(line)
            if heading:
                segments.append(_RawBlock(BlockKind.HEADING, [_RawLine(LineRole.TEXT, heading[2])],
                                          0, len(heading[1])))
            elif _PIPE_RULE.match(line) and current is not None and current.kind is BlockKind.TABLE:
                continue
            elif CELL_SEPARATOR in line.strip() or _PIPE_ROW.match(line):
                self._open(segments, BlockKind.TABLE).lines.append(_RawLine(LineRole.ROW, _cells(line)))
            elif (bullet := _parse_bullet(line)) is not None:
                target = self._open(segments, BlockKind.LIST)
                # Consecutive list blocks merge later, so the list so far may start before us.
                merges = previous is not None and previous.kind is BlockKind.LIST and len(segments) == 1
                before = previous.lines if merges and previous is not None else []
                role = _depth(bullet, before + target.lines)
                target.lines.append(_RawLine(role, bullet.text, bullet.number, bullet.glyph is not None))
            elif current is not None and current.kind is BlockKind.LIST:
                current.lines[-1].raw = _join(current.lines[-1].raw, line)  # wrapped item line
            else:
                para = self._open(segments, BlockKind.PARAGRAPH)
                if para.lines:
                    para.lines[0].raw = _join(para.lines[0].raw, line)
                else:
                    para.lines.append(_RawLine(LineRole.TEXT, line.strip()))
            if segments:
                segments[-1].source_lines += 1
        return segments

    @staticmethod
    def _open(segments: list[_RawBlock], kind: BlockKind) -> _RawBlock:
        if not segments or segments[-1].kind is not kind or kind is BlockKind.HEADING:
            segments.append(_RawBlock(kind))
        return segments[-1]

    @staticmethod
    def _append(out: list[_RawBlock], block: _RawBlock) -> None:
        previous = out[-1] if out else None
        if previous is not None and previous.kind in (BlockKind.PARAGRAPH, BlockKind.LIST):
            if block.kind is BlockKind.PARAGRAPH and _starts_lower(block.lines[0].raw):
                # A page break split the sentence: continue the previous paragraph or item.
                previous.lines[-1].raw = _join(previous.lines[-1].raw, block.lines[0].raw)
                previous.source_lines += block.source_lines
                return
            if block.kind is BlockKind.LIST and previous.kind is BlockKind.LIST:
                previous.lines.extend(block.lines)
                previous.source_lines += block.source_lines
                return
        out.append(block)

    # -- cleaning -------------------------------------------------------------------------------

    def _clean(self, block: _RawBlock) -> Block:
        lines = []
        for raw in block.lines:
            if raw.role is LineRole.ROW:
                text = _join_cells([self.cleaner.run(c) for c in raw.raw.split(CELL_SEPARATOR)])
            else:
                text = self.cleaner.run(raw.raw)
            lines.append(Line(raw.role, text, _prefix(raw), raw.number))
        return Block(block.kind, lines, block.source_lines, block.level)


def _prefix(raw: _RawLine) -> str:
    if raw.role is LineRole.ITEM:
        return BULLET
    if raw.role is LineRole.SUB_ITEM:
        return SUB_BULLET
    if raw.role is LineRole.NUMBERED:
        return f"{raw.number}. "
    return ""


def _cells(line: str) -> str:
    pipe = _PIPE_ROW.match(line)
    if pipe:
        return CELL_SEPARATOR.join(c.strip() for c in pipe[1].split("|"))
    return CELL_SEPARATOR.join(c.strip() for c in line.strip().split(CELL_SEPARATOR))


def _join_cells(cells: list[InlineText]) -> InlineText:
    """Join cleaned cells with the separator, keeping empty cells so columns stay aligned."""
    text, markers = "", []
    for i, cell in enumerate(cells):
        if i:
            text += CELL_SEPARATOR
        markers.extend(Marker(m.number, m.anchor_start + len(text), m.anchor_end + len(text))
                       for m in cell.markers)
        text += cell.text
    return InlineText(text, tuple(markers))
