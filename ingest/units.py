"""Units: the sentences, bullets, table rows and heading lines that passages are made of.

A unit is the smallest piece an answer may quote, so chunking never cuts one. Sentence
boundaries are ``. ! ?`` (plus closing quotes/brackets) followed by space and a capital, digit,
currency sign or opening quote; a full stop does *not* end a sentence after an abbreviation
("e.g.", "i.e.", "Inc.", "Co.", "St.", "Dr." ...), a single initial ("J. Smith"), or a list
number at the start of a line ("1. Known as ..."). Decimals ("2.4", "£2.5bn") and "c.800" have
no space after the point, so they are never candidates.
"""

from __future__ import annotations

import re

from dealqa.types import Unit, UnitKind

__all__ = ["split_units", "sentence_spans", "ABBREVIATIONS"]

ABBREVIATIONS = frozenset(
    "e.g i.e eg ie inc co corp st dr mr mrs ms prof no nos vs cf approx c ca fig figs vol vols"
    " jr sr rt hon mt gen col lt sgt ref refs para paras ed eds est dept univ".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'’”)\]]*(?=\s)")
_OPENERS = "\"'‘“(£$€[•"
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # u.k, e.g -- letters with inner points
_GLYPHS = "▶►•◦▪■●‣➢➤"
# "- ", "12. ", optionally followed by a glyph ("- ▶ "), or a glyph alone ("• ", "◦ ").
_UNIT_BULLET = re.compile(
    rf"^(?:(?:[-*+–]|\d{{1,3}}[.)])[ \t]+(?:[{_GLYPHS}][ \t]*)?|[{_GLYPHS}][ \t]*)(?=\S)"
)
_TERMINAL = tuple(".!?:;,")
_URLISH = re.compile(r"https?://|www\.|\S@\S", re.IGNORECASE)
_HEADING_MAX_WORDS = 12


def _ends_sentence(text: str, line_start: int, punct_start: int, after: int) -> bool:
    """Is the ``[.!?]`` run at ``punct_start`` a sentence end, given the text ``after`` it?"""
    nxt = text[after:after + 1]
    if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if text[punct_start] != ".":
        return True
    token_start = punct_start
    while token_start > line_start and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:punct_start].lstrip("([\"'‘“")
    word = token.lower()
    if word in ABBREVIATIONS or _DOTTED.fullmatch(word):
        return False
    if len(token) == 1 and token.isupper():  # an initial: "J. Smith"
        return False
    if token.isdigit() and token_start == line_start:  # a list number: "1. Known as"
        return False
    return True


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text[start:end]``, trimmed of surrounding space."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    while cur < end and text[cur].isspace():
        cur += 1
    for m in _BOUNDARY.finditer(text, start, end):
        after = m.end()
        while after < end and text[after].isspace():
            after += 1
        if after < end and _ends_sentence(text, start, m.start(), after):
            spans.append((cur, m.end()))
            cur = after
    stop = end
    while stop > cur and text[stop - 1].isspace():
        stop -= 1
    if stop > cur:
        spans.append((cur, stop))
    return [(a, b) for a, b in spans if b > a]


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= _HEADING_MAX_WORDS
        and (line[0].isupper() or line[0].isdigit() or line[0] == "©")
        and not line.endswith(_TERMINAL)
        and not _URLISH.search(line)
    )


def split_units(text: str, offset: int = 0) -> list[Unit]:
    """Units of any text, one line at a time; offsets are ``offset`` + index into ``text``.

    A line holding a tab is a TABLE_ROW; a line opening with a bullet (``• ``, ``◦ ``, ``▶ ``,
    ``- ▶ ``, ``- ``, ``12. ``) is one BULLET whatever its length (the marker is left out of the
    span); a short unpunctuated line is a HEADING; anything else is split into SENTENCEs.
    """
    units: list[Unit] = []
    pos = 0
    for raw_line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(raw_line)
        body = raw_line.rstrip("\r\n")
        s = line_start + len(body) - len(body.lstrip())
        e = line_start + len(body.rstrip())
        if e <= s:
            continue
        line = text[s:e]
        bullet = _UNIT_BULLET.match(line)
        if "\t" in line:
            units.append(Unit(UnitKind.TABLE_ROW, s + offset, e + offset))
        elif bullet:
            units.append(Unit(UnitKind.BULLET, s + bullet.end() + offset, e + offset))
        elif _looks_like_heading(line):
            units.append(Unit(UnitKind.HEADING, s + offset, e + offset))
        else:
            units.extend(Unit(UnitKind.SENTENCE, a + offset, b + offset)
                         for a, b in sentence_spans(text, s, e))
    return units
