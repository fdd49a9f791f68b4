"""Clause boundaries and word tools shared by the purpose/actor/place/period heuristics.

A figure's *clause* is the stretch of its sentence that talks about it: "Seqirus have committed
to £40m investment in a new ... facility in Liverpool" | "creating nearly 100 high-value jobs".
Boundaries are semicolons, colons, spaced dashes and a comma that opens a participle or relative
clause (", creating", ", which", ", aiming"); plain list commas ("Manchester, Leeds") are not.
"""

from __future__ import annotations

import re

from retrieval.text import tokenize

__all__ = ["clause_bounds", "main_clause_start", "acronym", "context_tokens", "similarity",
           "words", "squash"]

# "and the government will ...", "and the new site will ...": a short subject, then a verb.
_NEW_SUBJECT = (r"(?:the|this|its|their|it|they|we)(?:\s+[\w-]+){0,2}?\s+"
                r"(?:will|would|is|are|has|have|can)\b")
_BOUNDARY = re.compile(
    r";|:\s|\s[-–—]\s"
    r"|,\s+(?=(?:[a-z]+ing|[a-z]+ed\s+(?:to|by)|which|who|whom|whose|while|whereas|"
    r"as\s+well\s+as|and\s+then|"
    r"as\s+part\s+of|in\s+addition\s+to|in\s+return\s+for)\b)"
    # "... 150 new research roles and the new site will accommodate ...": a second main clause
    r"|,?\s+and\s+(?=" + _NEW_SUBJECT + ")"
)
# Boundaries that open a new *main* clause, with a subject of its own.
_MAIN_BOUNDARY = re.compile(
    r":\s|;\s|\t|,?\s+and\s+(?=" + _NEW_SUBJECT + ")"
)
_NAME_RUN = re.compile(r"\b[A-Z][\w&'’-]*(?:\s+(?:(?:of|and|for|&)\s+)?[A-Z][\w&'’-]*)+")
_WORD = re.compile(r"[\w&'’£$€.,/-]+")


def clause_bounds(sentence: str, pos: int, end: int | None = None) -> tuple[int, int]:
    """``(start, end)`` of the clause of ``sentence`` holding ``sentence[pos:end]``."""
    end = pos if end is None else end
    start, stop = 0, len(sentence)
    for m in _BOUNDARY.finditer(sentence):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= end:
            stop = m.start()
            break
    return start, stop


def main_clause_start(sentence: str, pos: int) -> int:
    """Start of the main clause holding ``pos``: after a colon, semicolon, table cell or
    "and the government will ..." — where the figure's own subject is written."""
    start = 0
    for m in _MAIN_BOUNDARY.finditer(sentence, 0, pos):
        start = m.end()
    return start


def acronym(name: str) -> str:
    """"UK Research and Innovation" -> "ukri", "Industrial Strategy Challenge Fund" -> "iscf"."""
    return "".join(re.match(r"[A-Z]*", w).group() or "" for w in name.split()).lower()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def squash(text: str) -> str:
    """One line, single spaces, no trailing punctuation or dangling conjunction."""
    text = " ".join(text.split()).strip(" ,;:.-–")
    text = re.sub(r"\s+(?:and|or|but)$", "", text)
    return text.strip(" ,;:.-–")


def context_tokens(text: str) -> frozenset[str]:
    """Stemmed content words plus initials of multi-word names ("ISCF"), numbers left out.

    Used to tell whether two mentions of the same figure talk about the same thing.
    """
    tokens = {t for t in tokenize(text) if t.isalpha() or "&" in t}
    for m in _NAME_RUN.finditer(text):
        initials = acronym(m.group())
        if len(initials) >= 3:
            tokens.add(initials)
    return frozenset(tokens)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set (a terse row vs a long paragraph)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
