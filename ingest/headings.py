"""Which blocks are headings, which are the title, and which are running headers.

Headings in converted text are plain short lines. A block is a heading *candidate* when it is
one source line, at most 25 words, starts with a capital (or digit, or ``©``), has no terminal
punctuation, ends on a content word and holds no URL. A candidate becomes a heading when the
text it introduces is real body: a list, a table, a sentence, or another heading that does.

* Short candidates (<= 12 words) chain: ``Government action ...`` -> ``Raise the intensity ...``
  -> bullets makes both headings. A signature block in a foreword ("Rt Hon Greg Clark MP" /
  "Secretary of State for Business, Energy ...") does not: what follows is a fragment.
* Long candidates (13-25 words, e.g. "Implement a regional approach by working closely with
  key clusters and the devolved administrations") must be followed directly by body, and must
  not open with a pronoun: "We will harness the power of innovation ..." is a tagline.
* Part names (Foreword, Executive summary ...) are always headings.

The title is the run of candidate lines before the first part/heading ("HM Government /
Industrial Strategy / Life Sciences Sector Deal"); publisher lines are left out of the title
and later copies of title lines (running headers) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.blocks import BULLET, Block, BlockKind, Line, LineRole
from ingest.inline import InlineText, join_inline

__all__ = ["HeadingDetector", "Detected"]

SHORT_HEADING_WORDS = 12
MAX_HEADING_WORDS = 25
MAX_HEADING_CHARS = 200
MAX_TITLE_LINES = 4
CONTINUATION_MIN_WORDS = 15  # an unterminated paragraph this long was cut by a page break

_TERMINAL = ".!?:;"
_CLOSERS = "\"'’”)]"
_FUNCTION_WORDS = frozenset(
    "a an the and or of to for in on with by from at as that which than including such"
    " its their our".split()
)
_PRONOUN_START = frozenset("we it they this these those our you i he she there its their".split())
_URLISH = re.compile(r"https?://|www\.|\S@\S|\.(?:com|org|uk|gov|net)\b", re.IGNORECASE)
_PUBLISHER = re.compile(
    r"^(?:HM\s+\w+|(?:[A-Z]\w+\s+)?Government|Department\s+(?:for|of)\b.*|Ministry\s+of\b.*"
    r"|(?:Cabinet|Home|Foreign\b.*)\s+Office)$"
)


def _ends_terminal(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in tuple(_TERMINAL)


def _is_candidate(block: Block) -> bool:
    if block.kind is not BlockKind.PARAGRAPH or block.source_lines != 1 or len(block.lines) != 1:
        return False
    text = block.lines[0].text.text
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(text) > MAX_HEADING_CHARS:
        return False
    first = text[0]
    return (
        (first.isupper() or first.isdigit() or first == "©")
        and text[-1] not in _TERMINAL + ","
        and words[-1].lower() not in _FUNCTION_WORDS
        and not _URLISH.search(text)
    )


def _is_long(block: Block) -> bool:
    return len(block.text.split()) > SHORT_HEADING_WORDS


def _body_shape(block: Block) -> bool:
    """Looks like body text: a list, a table, a sentence, or a long line."""
    if block.kind in (BlockKind.LIST, BlockKind.TABLE):
        return True
    text = block.text
    return block.kind is BlockKind.PARAGRAPH and (_ends_terminal(text) or _is_long(block))


@dataclass(frozen=True)
class Detected:
    title: str | None
    title_blocks: list[Block]
    blocks: list[Block]  # the rest, running headers removed
    is_heading: list[bool]  # parallel to ``blocks``


class HeadingDetector:
    """Find the title block, drop running headers, flag headings, heal capitalised page breaks."""

    def __init__(self, is_part: Callable[[str], bool]) -> None:
        if not callable(is_part):
            raise ValueError("is_part must be callable")
        self.is_part = is_part

    def run(self, blocks: list[Block]) -> Detected:
        explicit = any(b.kind is BlockKind.HEADING for b in blocks)
        n_title = self._title_length(blocks, explicit)
        title_blocks, body = blocks[:n_title], blocks[n_title:]
        title = self._title_text(title_blocks)
        body = self._drop_running_headers(body, title_blocks)
        flags = [b.kind is BlockKind.HEADING for b in body] if explicit else self._flags(body)
        body, flags = self._heal_page_breaks(body, flags)
        if not explicit:
            body, flags = _titled_items(body, flags)
        return Detected(title, title_blocks, body, flags)

    # -- title ------------------------------------------------------------------------------------

    def _title_length(self, blocks: list[Block], explicit: bool) -> int:
        if explicit:
            first = blocks[0] if blocks else None
            return 1 if first is not None and first.kind is BlockKind.HEADING and first.level == 1 else 0
        n = 0
        while n < min(len(blocks), MAX_TITLE_LINES):
            block = blocks[n]
            if not _is_candidate(block) or _is_long(block) or self.is_part(block.text):
                break
            n += 1
        if n >= len(blocks):
            return 0  # nothing but short lines: they are the body, not a title
        if n and _body_shape(blocks[n]):
            n -= 1  # the last line of the run leads straight into body: it is that body's heading
        return n

    @staticmethod
    def _title_text(title_blocks: list[Block]) -> str | None:
        lines = [b.text.strip() for b in title_blocks if b.text.strip()]
        named = [ln for ln in lines if not _PUBLISHER.match(ln)] or lines
        return ": ".join(named) or None

    @staticmethod
    def _drop_running_headers(body: list[Block], title_blocks: list[Block]) -> list[Block]:
        title_lines = {b.text.casefold() for b in title_blocks}
        return [b for b in body if not (_is_candidate(b) and b.text.casefold() in title_lines)]

    # -- headings ---------------------------------------------------------------------------------

    def _flags(self, body: list[Block]) -> list[bool]:
        n = len(body)
        cand = [_is_candidate(b) for b in body]
        short = [c and not _is_long(b) for c, b in zip(cand, body)]
        flags = [False] * n
        for i in range(n - 1, -1, -1):  # short headings chain, so decide from the end
            if not short[i]:
                continue
            nxt = i + 1 < n and (flags[i + 1] or _body_shape(body[i + 1]))
            flags[i] = self.is_part(body[i].text) or nxt
        for i in range(n):
            if cand[i] and not short[i]:
                words = body[i].text.split()
                followed_by_body = i + 1 < n and not flags[i + 1] and _body_shape(body[i + 1])
                flags[i] = followed_by_body and words[0].lower() not in _PRONOUN_START
        return flags

    @staticmethod
    def _cut_by_page_break(block: Block, tagline_slot: bool) -> bool:
        words = len(block.text.split())
        if tagline_slot:  # right under a heading: only a paragraph too long for a tagline
            return words > MAX_HEADING_WORDS
        return words >= CONTINUATION_MIN_WORDS

    @classmethod
    def _heal_page_breaks(cls, body: list[Block], flags: list[bool]) -> tuple[list[Block], list[bool]]:
        """Join a long unterminated paragraph with the paragraph after it.

        The lower-case case is healed in :mod:`ingest.blocks`; here the continuation starts
        with a capital ("... Health Advanced Research" / "Programme and take forward ...").
        A tagline right under a heading ("We will harness the power of ...") is left alone.
        """
        out_blocks: list[Block] = []
        out_flags: list[bool] = []  # parallel to out_blocks
        for block, flag in zip(body, flags):
            prev = out_blocks[-1] if out_blocks else None
            if (
                prev is not None
                and not out_flags[-1]
                and not flag
                and prev.kind is BlockKind.PARAGRAPH
                and block.kind is BlockKind.PARAGRAPH
                and not _ends_terminal(prev.text)
                and cls._cut_by_page_break(prev, tagline_slot=len(out_flags) > 1 and out_flags[-2])
            ):
                line = prev.lines[0]
                joined = Line(line.role, join_inline(line.text, block.lines[0].text), line.prefix)
                out_blocks[-1] = Block(prev.kind, [joined], prev.source_lines + block.source_lines)
                continue
            out_blocks.append(block)
            out_flags.append(flag)
        return out_blocks, out_flags


MIN_TITLED_ITEMS = 3


def _titled_items(body: list[Block], flags: list[bool]) -> tuple[list[Block], list[bool]]:
    """A lead-in ending with ":" followed by short titles, each over one paragraph ("We will
    set Grand Challenges ...:" / "Clean Growth" / "We will maximise ..."), is a list whose
    items have titles, not a run of sections: each title would otherwise name a section of one
    sentence, and the list's names would live only in section paths, never in quotable text.
    Such a run becomes one list, an item per title: "• Clean Growth: We will maximise ..."."""
    out_blocks: list[Block] = []
    out_flags: list[bool] = []
    i = 0
    while i < len(body):
        block, flag = body[i], flags[i]
        out_blocks.append(block)
        out_flags.append(flag)
        i += 1
        if flag or block.kind is not BlockKind.PARAGRAPH or not block.text.rstrip().endswith(":"):
            continue
        pairs = []
        j = i
        while j + 1 < len(body) and flags[j] and not flags[j + 1] \
                and body[j].kind is body[j + 1].kind is BlockKind.PARAGRAPH \
                and len(body[j + 1].lines) == 1:
            pairs.append((body[j], body[j + 1]))
            j += 2
        if len(pairs) < MIN_TITLED_ITEMS:
            continue
        lines = []
        for title, para in pairs:
            head = InlineText(f"{title.text.strip()}: ")
            lines.append(Line(LineRole.ITEM, join_inline(head, para.lines[0].text, sep=""), BULLET))
        out_blocks.append(Block(BlockKind.LIST, lines, sum(t.source_lines + p.source_lines
                                                          for t, p in pairs)))
        out_flags.append(False)
        i = j
    return out_blocks, out_flags
