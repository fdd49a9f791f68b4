"""Inline cleaning of one line of converted text, recording footnote markers as it goes.

The PDF->text conversion leaves markdown noise inside lines: ``**bold**``, ``*italic*``,
escapes such as ``\\$``, ``<https://...>`` autolinks and superscript footnote markers glued to
a word (``£210m²``, ``**MSD**¹``, ``diagnostics ⁶``). Every edit here is a *deletion*, so the
cleaner works on a keep-mask over the raw characters and maps any raw offset to the cleaned
text with a prefix sum; that is how a marker's anchor ends up with exact cleaned offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

__all__ = ["SUPERSCRIPT_DIGITS", "Marker", "InlineText", "InlineCleaner", "join_inline"]

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_VALUE = {ch: str(i) for i, ch in enumerate(SUPERSCRIPT_DIGITS)}

_ESCAPE = re.compile(r"\\([^\w\s])")  # markdown escapes: \$ \* \_ \# ...
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
# Single-star italics; ASCII look-arounds because ``\w`` would also match the digit ``³``.
_ITALIC = re.compile(r"(?<![A-Za-z0-9*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![A-Za-z0-9*])")
_STRAY_BOLD = re.compile(r"\*\*")
_SUPERSCRIPTS = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^\s<>]+|[\w.+-]+@[\w-]+\.[\w.-]+)>")
_SPACE_LIKE = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\n": " "})
_ANCHOR_LEAD = "([{\"'‘“"
_ANCHOR_TRAIL = ".,;:)]}\"'’”"
_MASK = "\x00"  # stands in for characters that must not be read as markup any more


@dataclass(frozen=True)
class Marker:
    """A footnote marker: ``number`` and the offsets of the text it was glued to."""

    number: int
    anchor_start: int
    anchor_end: int

    def shifted(self, by: int) -> "Marker":
        return Marker(self.number, self.anchor_start + by, self.anchor_end + by)


@dataclass(frozen=True)
class InlineText:
    """Cleaned text of one line plus the footnote markers found in it (offsets into ``text``)."""

    text: str
    markers: tuple[Marker, ...] = ()

    @property
    def words(self) -> int:
        return len(self.text.split())


def join_inline(left: InlineText, right: InlineText, sep: str = " ") -> InlineText:
    """Concatenate two cleaned lines, shifting the right-hand markers."""
    if not left.text:
        return right
    if not right.text:
        return left
    shift = len(left.text) + len(sep)
    return InlineText(
        left.text + sep + right.text,
        left.markers + tuple(m.shifted(shift) for m in right.markers),
    )


class InlineCleaner:
    """Remove inline markup from one line; optionally strip and record footnote markers.

    ``strip_markers`` is off for documents without a References list, where superscript
    digits are more likely real content (``m²``) than footnote markers.
    """

    def __init__(self, strip_markers: bool = True) -> None:
        self.strip_markers = strip_markers

    def run(self, raw: str) -> InlineText:
        raw = raw.translate(_SPACE_LIKE)
        keep = [True] * len(raw)
        masked = self._drop_escapes(raw, keep)
        masked, emphasis = self._drop_emphasis(masked, keep)
        found = self._drop_markers(raw, keep, emphasis) if self.strip_markers else []
        for m in _AUTOLINK.finditer(masked):
            keep[m.start()] = keep[m.end() - 1] = False
        self._collapse_spaces(raw, keep)
        return self._render(raw, keep, found)

    @staticmethod
    def _drop_escapes(raw: str, keep: list[bool]) -> str:
        chars = list(raw)
        for m in _ESCAPE.finditer(raw):
            keep[m.start()] = False
            chars[m.start() + 1] = _MASK  # an escaped ``*`` is a literal star, never emphasis
        return "".join(chars)

    @staticmethod
    def _drop_emphasis(masked: str, keep: list[bool]) -> tuple[str, list[tuple[int, int]]]:
        """Delete ``**``/``*`` pairs; return the inner spans (raw offsets) of emphasised text."""
        spans: list[tuple[int, int]] = []
        chars = list(masked)
        for pattern, width in ((_BOLD, 2), (_ITALIC, 1)):
            for m in pattern.finditer("".join(chars)):
                for i in (*range(m.start(), m.start() + width), *range(m.end() - width, m.end())):
                    keep[i] = False
                    chars[i] = _MASK
                spans.append((m.start(1), m.end(1)))
        masked = "".join(chars)
        for m in _STRAY_BOLD.finditer(masked):  # an unmatched ``**`` is never content
            keep[m.start()] = keep[m.start() + 1] = False
        return masked, spans

    @staticmethod
    def _drop_markers(
        raw: str, keep: list[bool], emphasis: list[tuple[int, int]]
    ) -> list[tuple[int, int, int]]:
        """Delete superscript runs; return ``(number, anchor_start, anchor_end)`` in raw offsets."""
        found = []
        emphasis_by_end = {end: start for start, end in emphasis}
        for m in _SUPERSCRIPTS.finditer(raw):
            for i in range(m.start(), m.end()):
                keep[i] = False
            number = int("".join(_SUPER_VALUE[c] for c in m.group()))
            end = m.start()
            while end > 0 and raw[end - 1] == " ":  # "diagnostics ⁶": the space goes too
                end -= 1
                keep[end] = False
            while end > 0 and not keep[end - 1] and raw[end - 1] == "*":
                end -= 1  # step over the closing ``**`` of "**MSD**¹"
            if end in emphasis_by_end:  # the marker belongs to the whole emphasised phrase
                found.append((number, emphasis_by_end[end], end))
                continue
            start = end
            while start > 0 and not raw[start - 1].isspace():
                start -= 1
            while start < end and (raw[start] in _ANCHOR_LEAD or not keep[start]):
                start += 1
            while end > start and (raw[end - 1] in _ANCHOR_TRAIL or not keep[end - 1]):
                end -= 1
            if end > start:
                found.append((number, start, end))
        return found

    @staticmethod
    def _collapse_spaces(raw: str, keep: list[bool]) -> None:
        previous_space = True  # also strips leading spaces
        last_kept = -1
        for i, ch in enumerate(raw):
            if not keep[i]:
                continue
            if ch == " ":
                if previous_space:
                    keep[i] = False
                    continue
                previous_space = True
            else:
                previous_space = False
            last_kept = i
        if last_kept >= 0 and raw[last_kept] == " ":
            keep[last_kept] = False

    @staticmethod
    def _render(raw: str, keep: list[bool], found: list[tuple[int, int, int]]) -> InlineText:
        text = "".join(ch for ch, k in zip(raw, keep) if k)
        out_at = [0, *accumulate(int(k) for k in keep)]  # raw offset -> cleaned offset
        markers = []
        for number, start, end in found:
            a, b = out_at[start], out_at[end]
            while b > a and text[b - 1] == " ":
                b -= 1
            if b > a:
                markers.append(Marker(number, a, b))
        return InlineText(text, tuple(sorted(markers, key=lambda m: m.anchor_start)))
