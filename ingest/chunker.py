"""Pack units into passages by structure: within one section, never cutting a unit.

Each section's body is a run of blocks (paragraphs, lists with their lead-in, tables with their
header row). Its units are cut into passages by a small dynamic programme that minimises

    sum over passages of  1 + balance(n) + shortness(n)   +   sum over cuts of  break_cost

subject to every passage being <= ``hard_limit``; going over the soft ``max_tokens`` costs
more than any cut except the dear ones below. The constant 1 per passage asks for as few
passages as fit; ``balance`` prefers even sizes, ``shortness`` avoids tiny ones; ``break_cost``
says where a cut hurts: free between blocks, cheap between list items or sentences, dear
between a lead-in ("... including:") and its list, or between a table header and its rows.
A lone unit over ``hard_limit`` is split at clause boundaries (``;`` ``,`` dashes) as a last
resort. Token counts come from ``count_tokens`` (the embedding model's word pieces).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dealqa.errors import IngestError
from dealqa.types import FootnoteRef, Passage, Unit, UnitKind
from ingest.blocks import BlockKind, LineRole
from ingest.layout import Layout, PlacedBlock, PlacedLine
from ingest.slugs import slugify
from ingest.units import sentence_spans

__all__ = ["Chunker", "passage_id"]

# Cost of a passage break right after a unit (see the module docstring).
BREAK_BLOCK = 0.0
BREAK_ITEM = 0.4
BREAK_ROW = 0.5
BREAK_SENTENCE = 0.6
BREAK_SUB_ITEM = 1.0
BREAK_PARENT_ITEM = 3.0  # "• ... including:" | "◦ first sub-item"
BREAK_LEAD_IN = 4.0  # "... include:" | "• first item"; also header row | first row
BREAK_CLAUSE = 6.0  # inside an over-long unit
# A passage over max_tokens (never over hard_limit) costs more than any break but a lead-in's.
OVER_MAX = 2.0
OVER_MAX_SLOPE = 4.0
_CLAUSE_ENDS = ("; ", ", ", " – ", " — ", " - ")
_OPEN_ENDINGS = (":", "including", "include", "includes")


@dataclass(frozen=True)
class _Atom:
    start: int  # a passage opening here starts at this offset (bullet included)
    end: int
    unit: Unit
    tokens: int
    brk: float  # cost of a passage break right after this atom


def passage_id(doc_id: str, section: Sequence[str], ordinal: int) -> str:
    """``doc#part/sub-part/003``: stable for the same text, unique within a document."""
    path = "/".join(slugify(s) for s in section) or "body"
    return f"{doc_id}#{path}/{ordinal:03d}"


def _opens_list(text: str) -> bool:
    return text.rstrip().lower().endswith(_OPEN_ENDINGS)


class Chunker:
    """Layout -> passages (see the module docstring)."""

    def __init__(
        self,
        count_tokens: Callable[[str], int],
        max_tokens: int = 200,
        hard_limit: int = 254,
        min_tokens: int | None = None,
    ) -> None:
        if not callable(count_tokens):
            raise ValueError("count_tokens must be callable")
        if max_tokens <= 0:
            raise ValueError(f"max_tokens must be > 0, got {max_tokens}")
        if hard_limit < max_tokens:
            raise ValueError(f"hard_limit must be >= max_tokens ({max_tokens}), got {hard_limit}")
        if min_tokens is None:  # "prefer passages of roughly 60-200 tokens", scaled to small limits
            min_tokens = min(60, max_tokens // 3)
        if not 0 <= min_tokens <= max_tokens:
            raise ValueError(f"min_tokens must be in [0, max_tokens], got {min_tokens}")
        self.count_tokens = count_tokens
        self.max_tokens = max_tokens
        self.hard_limit = hard_limit
        self.min_tokens = min_tokens

    def run(self, doc_id: str, layout: Layout, footnotes: Sequence[FootnoteRef] = ()) -> list[Passage]:
        base = self.count_tokens("")  # tokens of empty text: [CLS] [SEP] for BERT models
        ordinals: dict[str, int] = defaultdict(int)
        passages: list[Passage] = []
        for section, blocks in self._runs(layout):
            atoms = [a for a in self._atoms(layout.text, blocks) if a.end > a.start]
            for segment in self._segments(layout.text, atoms, base):
                start, end = segment[0].start, segment[-1].end
                key = passage_id(doc_id, section, 0)
                ordinals[key] += 1
                text = layout.text[start:end]
                passages.append(Passage(
                    passage_id=passage_id(doc_id, section, ordinals[key]),
                    doc_id=doc_id,
                    text=text,
                    section=section,
                    start=start,
                    end=end,
                    units=tuple(a.unit for a in segment),
                    footnotes=tuple(f for f in footnotes if start <= f.start and f.end <= end),
                    n_tokens=self.count_tokens(text),
                ))
        return passages

    # -- atoms ------------------------------------------------------------------------------------

    @staticmethod
    def _runs(layout: Layout) -> list[tuple[tuple[str, ...], list[PlacedBlock]]]:
        """Consecutive body blocks under one heading: passages never cross a run."""
        runs: list[tuple[tuple[str, ...], list[PlacedBlock]]] = []
        open_run = False
        for block in layout.blocks:
            if block.is_heading:
                open_run = False
            elif open_run and runs[-1][0] == block.section:
                runs[-1][1].append(block)
            else:
                runs.append((block.section, [block]))
                open_run = True
        return runs

    def _atoms(self, text: str, blocks: list[PlacedBlock]) -> list[_Atom]:
        atoms: list[_Atom] = []
        for bi, block in enumerate(blocks):
            nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
            lead_in = (block.kind is BlockKind.PARAGRAPH and nxt is not None
                       and nxt.kind in (BlockKind.LIST, BlockKind.TABLE)
                       and _opens_list(text[block.start:block.end]))
            for li, line in enumerate(block.lines):
                after = block.lines[li + 1] if li + 1 < len(block.lines) else None
                pieces = self._line_units(text, block.kind, line)
                for pi, (unit, start) in enumerate(pieces):
                    if pi + 1 < len(pieces):
                        brk = BREAK_SENTENCE
                    elif after is not None:
                        brk = self._line_break(text, block.kind, li, line, after)
                    else:
                        brk = BREAK_LEAD_IN if lead_in else BREAK_BLOCK
                    atoms.extend(self._fit_unit(text, unit, start, brk))
        return atoms

    @staticmethod
    def _line_units(text: str, kind: BlockKind, line: PlacedLine) -> list[tuple[Unit, int]]:
        """Units of one rendered line, each with the offset a passage opening on it starts at."""
        if kind is BlockKind.TABLE:
            return [(Unit(UnitKind.TABLE_ROW, line.start, line.end), line.start)]
        if line.role in (LineRole.ITEM, LineRole.SUB_ITEM, LineRole.NUMBERED):
            # A passage opening on a sub-item starts at its glyph, not at the indent before it.
            prefix = text[line.start:line.content_start]
            glyph = line.start + len(prefix) - len(prefix.lstrip())
            return [(Unit(UnitKind.BULLET, line.content_start, line.end), glyph)]
        spans = sentence_spans(text, line.content_start, line.end)
        return [(Unit(UnitKind.SENTENCE, a, b), a) for a, b in spans]

    @staticmethod
    def _line_break(
        text: str, kind: BlockKind, index: int, line: PlacedLine, after: PlacedLine
    ) -> float:
        if kind is BlockKind.TABLE:
            return BREAK_LEAD_IN if index == 0 else BREAK_ROW
        if after.role is LineRole.SUB_ITEM:
            if line.role is LineRole.SUB_ITEM:
                return BREAK_SUB_ITEM
            opens = _opens_list(text[line.content_start:line.end])
            return BREAK_PARENT_ITEM + (1.0 if opens else 0.0)
        return BREAK_ITEM

    def _fit_unit(self, text: str, unit: Unit, start: int, brk: float) -> list[_Atom]:
        """One atom per unit; a unit over ``hard_limit`` is split at clause boundaries."""
        n = self.count_tokens(text[start:unit.end])
        if n <= self.hard_limit:
            return [_Atom(start, unit.end, unit, n, brk)]
        pieces = self._clause_pieces(text, start, unit.start, unit.end)
        atoms = []
        for i, (a, b) in enumerate(pieces):
            piece_unit = Unit(unit.kind, max(a, unit.start), b)
            atoms.append(_Atom(a, b, piece_unit, self.count_tokens(text[a:b]),
                               brk if i == len(pieces) - 1 else BREAK_CLAUSE))
        return atoms

    def _clause_pieces(self, text: str, start: int, content: int, end: int) -> list[tuple[int, int]]:
        """Greedy: the longest prefix that fits and ends at a clause boundary, then a space."""
        pieces: list[tuple[int, int]] = []
        cur = start
        while self.count_tokens(text[cur:end]) > self.max_tokens:
            cut = self._best_cut(text, cur, max(cur, content), end)
            pieces.append((cur, cut))
            cur = cut
            while cur < end and text[cur].isspace():
                cur += 1
        pieces.append((cur, end))
        return pieces

    def _best_cut(self, text: str, cur: int, content: int, end: int) -> int:
        for marks in (_CLAUSE_ENDS, (" ",)):
            cuts = sorted({i + len(m.rstrip()) for m in marks for i in _find_all(text, m, content, end)})
            fitting = [c for c in cuts if c > cur and self.count_tokens(text[cur:c]) <= self.max_tokens]
            if fitting:
                return fitting[-1]
        raise IngestError(
            f"a single word at offset {cur} is longer than {self.max_tokens} tokens — "
            "raise chunk_max_tokens or fix the source text"
        )

    # -- segmentation -----------------------------------------------------------------------------

    def _cost(self, n: int) -> float:
        if n > self.max_tokens:  # soft limit: worth it only to keep a lead-in with its list
            over = (n - self.max_tokens) / max(self.hard_limit - self.max_tokens, 1)
            return 1.0 + OVER_MAX + OVER_MAX_SLOPE * over
        slack = (self.max_tokens - n) / self.max_tokens
        cost = 1.0 + 0.3 * slack**2
        if self.min_tokens and n < self.min_tokens:
            cost += 1.5 * ((self.min_tokens - n) / self.min_tokens) ** 2
        return cost

    def _segments(self, text: str, atoms: list[_Atom], base: int) -> list[list[_Atom]]:
        if not atoms:
            return []
        n = len(atoms)
        best = [0.0] + [float("inf")] * n
        back = [0] * (n + 1)
        for j in range(1, n + 1):
            total = base
            for i in range(j - 1, -1, -1):
                # Pieces join with whitespace only, so word pieces add up (less the specials).
                total += atoms[i].tokens - base
                if total > self.hard_limit and i < j - 1:
                    break
                cost = best[i] + self._cost(total) + (atoms[i - 1].brk if i else 0.0)
                if cost < best[j]:
                    best[j], back[j] = cost, i
        segments = []
        j = n
        while j:
            segments.append(atoms[back[j]:j])
            j = back[j]
        segments.reverse()
        return [piece for seg in segments for piece in self._enforce(text, seg)]

    def _enforce(self, text: str, segment: list[_Atom]) -> list[list[_Atom]]:
        """Guard the hard limit with the exact count (the additive estimate is a model)."""
        if self.count_tokens(text[segment[0].start:segment[-1].end]) <= self.hard_limit:
            return [segment]
        if len(segment) == 1:
            raise IngestError(
                f"a passage at offset {segment[0].start} exceeds {self.hard_limit} tokens — "
                "raise chunk_hard_limit or lower chunk_max_tokens"
            )
        total = sum(a.tokens for a in segment)
        left, best_i, best_score = 0, 1, float("inf")
        for i in range(1, len(segment)):
            left += segment[i - 1].tokens
            score = segment[i - 1].brk + abs(2 * left - total) / total
            if score < best_score:
                best_i, best_score = i, score
        return self._enforce(text, segment[:best_i]) + self._enforce(text, segment[best_i:])


def _find_all(text: str, needle: str, start: int, end: int) -> list[int]:
    out, i = [], text.find(needle, start, end)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1, end)
    return out
