"""Section paths: which headings each block sits under.

Plain-text headings carry no level, so levels come from each heading's *role*:

* PART - front/back matter of a government publication (Foreword, "... at a glance",
  Executive summary, Key commitments, Implementation plan, Governance, References, Annex, ``©``
  ...): always top level.
* PILLAR - the recurring themes a deal is organised by (default: the five Industrial Strategy
  foundations). A pillar sits inside the current part, *unless it already appeared in this
  part*: then the part is over and the pillar opens a top-level chapter of its own (the
  detailed chapters that follow the summaries). Pillars after a pillar chapter are chapters too.
* STRAND - a heading that repeats inside one part ("Government action to support life
  sciences" under every pillar of Key commitments), or shares all but its first word with one
  ("Sector action ..."). Learnt from the document; a strand sits right below the nearest
  pillar or part.
* TOPIC - anything else: nested under the heading just before it when no body text came in
  between, otherwise a sibling of the open topic (or a child of the open strand/pillar/part).

Markdown documents carry levels (``##``); there the levels are used as given.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from ingest.blocks import Block, BlockKind
from ingest.headings import HeadingDetector

__all__ = [
    "HeadingRole",
    "SectionedBlock",
    "Outline",
    "Outliner",
    "DEFAULT_PILLARS",
    "DEFAULT_PART_PATTERNS",
    "REFERENCE_HEADINGS",
]

# The five foundations of the UK Industrial Strategy: every Sector Deal is organised by them.
DEFAULT_PILLARS: tuple[str, ...] = (
    "Ideas", "People", "Infrastructure", "Business Environment", "Places",
)
REFERENCE_HEADINGS = r"references|endnotes|end\s*notes|footnotes|notes|sources|bibliography"
DEFAULT_PART_PATTERNS: tuple[str, ...] = (
    r"(?:ministerial\s+|joint\s+)?forewords?",
    r"(?:executive\s+)?summary",
    r"introduction|contents|table\s+of\s+contents",
    r"key\s+commitments|commitments",
    r".{3,60}\s+at\s+a\s+glance",
    r"implementation(?:\s+plan)?|governance|next\s+steps|conclusions?|glossary",
    r"acknowledge?ments|contact(?:\s+us)?|about\s+this\s+(?:document|publication)",
    r"(?:annex|appendix)(?:\s+\w{1,3})?(?:\s*[:.–-]\s*.*|\s+.*)?",
    REFERENCE_HEADINGS,
    r"©.*",
)


class HeadingRole(str, Enum):
    PART = "part"
    PILLAR = "pillar"
    STRAND = "strand"
    TOPIC = "topic"


@dataclass(frozen=True)
class SectionedBlock:
    block: Block
    section: tuple[str, ...]  # for a heading: the path that it opens (itself last)
    is_heading: bool


@dataclass(frozen=True)
class Outline:
    title: str | None
    title_blocks: list[Block]
    blocks: list[SectionedBlock]


@dataclass(frozen=True)
class _Open:
    text: str
    role: HeadingRole
    level: int = 0  # explicit markdown level; 0 for inferred headings


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _tail(key: str) -> str | None:
    words = key.split()
    return " ".join(words[1:]) if len(words) >= 2 else None


class Outliner:
    """Blocks -> title + blocks with their section paths (see the module docstring)."""

    def __init__(
        self,
        pillars: Sequence[str] = DEFAULT_PILLARS,
        part_patterns: Sequence[str] = DEFAULT_PART_PATTERNS,
    ) -> None:
        if isinstance(pillars, str) or isinstance(part_patterns, str):
            raise ValueError("pillars and part_patterns must be sequences of strings, not a string")
        self.pillars = frozenset(_key(p) for p in pillars)
        self._part = re.compile("|".join(f"(?:{p})" for p in part_patterns), re.IGNORECASE) \
            if part_patterns else None

    def is_part(self, text: str) -> bool:
        return bool(self._part and self._part.fullmatch(" ".join(text.split())))

    def run(self, blocks: list[Block]) -> Outline:
        detected = HeadingDetector(self.is_part).run(blocks)
        headings = [b.text for b, h in zip(detected.blocks, detected.is_heading) if h]
        roles = self._roles(headings)
        stack: list[_Open] = []
        pillars_in_part: set[str] = set()
        out: list[SectionedBlock] = []
        after_heading = False
        for block, flag in zip(detected.blocks, detected.is_heading):
            if flag:
                if block.kind is BlockKind.HEADING:
                    stack = self._place_explicit(stack, block)
                else:
                    role = roles[_key(block.text)]
                    stack = self._place(stack, block.text, role, after_heading, pillars_in_part)
            out.append(SectionedBlock(block, tuple(o.text for o in stack), flag))
            after_heading = flag
        return Outline(detected.title, detected.title_blocks, out)

    # -- roles ------------------------------------------------------------------------------------

    def _base_role(self, text: str) -> HeadingRole:
        if self.is_part(text):
            return HeadingRole.PART
        if _key(text) in self.pillars:
            return HeadingRole.PILLAR
        return HeadingRole.TOPIC

    def _roles(self, headings: list[str]) -> dict[str, HeadingRole]:
        """Base roles, plus strands: topics that repeat inside one part (same walk as _place)."""
        base = {_key(h): self._base_role(h) for h in headings}
        counts: Counter[tuple[int, str]] = Counter()
        part, pillar_part, seen = 0, True, set()
        for h in headings:
            key, role = _key(h), base[_key(h)]
            if role is HeadingRole.PART:
                part, pillar_part, seen = part + 1, False, set()
            elif role is HeadingRole.PILLAR:
                if pillar_part or key in seen:
                    part, pillar_part, seen = part + 1, True, set()
                seen.add(key)
            else:
                counts[(part, key)] += 1
        strands = {key for (_, key), n in counts.items() if n >= 2}
        tails = {_tail(k) for k in strands} - {None}
        for key, role in base.items():
            if role is HeadingRole.TOPIC and (key in strands or _tail(key) in tails):
                base[key] = HeadingRole.STRAND
        return base

    # -- placement --------------------------------------------------------------------------------

    def _place(
        self, stack: list[_Open], text: str, role: HeadingRole, after_heading: bool,
        pillars_in_part: set[str],
    ) -> list[_Open]:
        new = _Open(text, role)
        if role is HeadingRole.PART:
            pillars_in_part.clear()
            return [new]
        if role is HeadingRole.PILLAR:
            key = _key(text)
            if not stack or stack[0].role is HeadingRole.PILLAR or key in pillars_in_part:
                pillars_in_part.clear()
                pillars_in_part.add(key)
                return [new]  # a repeat closes the part: this pillar is a chapter of its own
            pillars_in_part.add(key)
            return [stack[0], new]
        if role is HeadingRole.STRAND:
            anchors = [i for i, o in enumerate(stack)
                       if o.role in (HeadingRole.PART, HeadingRole.PILLAR)]
            return (stack[: anchors[-1] + 1] if anchors else []) + [new]
        if after_heading or not stack or stack[-1].role is not HeadingRole.TOPIC:
            return [*stack, new]
        return [*stack[:-1], new]

    @staticmethod
    def _place_explicit(stack: list[_Open], block: Block) -> list[_Open]:
        level = block.level or 1
        kept = [o for o in stack if o.level < level]
        return [*kept, _Open(block.text, HeadingRole.TOPIC, level)]
