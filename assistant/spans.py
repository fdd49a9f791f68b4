"""Trim a long unit to the clauses that answer the question, keeping the quote verbatim.

A bullet or sentence in the deal can run past 400 characters. Rather than dump it, the answerer
keeps the contiguous window of clauses (split at ; , : – and " and ") that best covers the
question and still holds the fact the answer type needs. The window is a substring, so the quote
remains verbatim and highlightable.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["POINTS_BACK_RE", "clause_bounds", "best_window", "shorten", "strip_bullet",
           "tidy_end", "widen"]

# A sentence whose subject points back: a pronoun ("It increases collaboration ...", "This
# £146m will fund ..."), maybe after an adverb ("Importantly, it ..."). "This deal" is the
# document itself, which needs no antecedent.
POINTS_BACK_RE = re.compile(
    r"\s*(?:[A-Z]\w+ly,\s+)?(?:(?:It|Its|They|Their|These|Those|He|She|His|Her)\b|This\b(?!\s+"
    r"(?:Sector\s+Deal|deal|document)\b))")

_CLAUSE_BREAK = re.compile(r"(?<=[;:,])\s+|\s+(?=[–—-]\s)|(?<=\.)\s+(?=[A-Z])")
_BULLET = re.compile(r"^\s*(?:[•◦▪▶►‣–-]\s*)+")


def strip_bullet(text: str) -> int:
    """Length of a leading bullet marker (0 if none): the quote starts after it."""
    m = _BULLET.match(text)
    return m.end() if m else 0


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause in ``text``; together they cover it."""
    bounds, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > pos:
            bounds.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        bounds.append((pos, len(text)))
    return bounds


def best_window(
    text: str,
    score: Callable[[str], float],
    needed: Callable[[str], bool],
    max_chars: int,
) -> tuple[int, int]:
    """The clause window with the highest ``score`` that satisfies ``needed``, within ``max_chars``.

    Falls back to the whole text when it already fits, and to the best-scoring window regardless
    of ``needed`` when no window satisfies it.
    """
    if len(text) <= max_chars:
        return 0, len(text)
    clauses = clause_bounds(text)
    best: tuple[float, int, int] | None = None
    fallback: tuple[float, int, int] | None = None
    for i in range(len(clauses)):
        for j in range(i, len(clauses)):
            start, end = clauses[i][0], clauses[j][1]
            if end - start > max_chars:
                break
            span = text[start:end]
            # Prefer windows that start and end a sentence: they read better as quotes. On a
            # tie the longer window wins, so an enumeration is not cut after its first item.
            s = score(span) + (0.05 if i == 0 else 0.0) + (0.03 if text[end - 1] in ".;" else 0.0)
            if text[end - 1] == ":":  # a colon announces what follows: never stop on it
                s -= 0.2
            if fallback is None or s >= fallback[0]:
                fallback = (s, start, end)
            if needed(span) and (best is None or s >= best[0]):
                best = (s, start, end)
    if best is None:
        # No window within the limit holds the needed fact: take the shortest clause that
        # does, even if long; quoting the wrong clause would be worse than a long one.
        holding = [(e - s_, s_, e) for s_, e in clauses if needed(text[s_:e])]
        if holding:
            _, start, end = min(holding)
            return start, end
    chosen = best or fallback
    if chosen is not None and score(text[chosen[1]:chosen[2]]) <= 0:
        # Every window within the limit misses the question ("To build on this" of a
        # sentence whose middle clause, too long to fit, names what was asked): the clause
        # that holds the most of it and what the answer needs, however long, rather than a
        # quote about nothing asked.
        top = max(((score(text[s_:e]), s_ - e, s_, e) for s_, e in clauses
                   if needed(text[s_:e])), default=(0.0, 0, 0, 0))
        if top[0] > 0:
            return top[2], top[3]
    if chosen is None:  # one clause longer than max_chars: cut at a word boundary
        cut = text.rfind(" ", 0, max_chars)
        return 0, cut if cut > 0 else max_chars
    return chosen[1], chosen[2]


def widen(text: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """The window ``start:end`` of ``text`` grown clause by clause, the next one after it first
    and then the one before, while it fits ``limit`` characters. The clauses chosen stay in the
    quote: a larger budget only adds what stands around them, so it cannot lose the answer
    (a window chosen afresh for the larger budget could, by covering more question words
    elsewhere)."""
    clauses = clause_bounds(text)
    inside = [k for k, (s, e) in enumerate(clauses) if s < end and e > start]
    if not inside:
        return start, end
    i, j = inside[0], inside[-1]
    start, end = min(start, clauses[i][0]), max(end, clauses[j][1])
    grew = True
    while grew:  # one clause after, one before, in turn
        grew = False
        if j + 1 < len(clauses) and clauses[j + 1][1] - start <= limit:
            j, grew = j + 1, True
            end = clauses[j][1]
        # Before it, a clause of its own sentence, or the whole sentence before: "…with the
        # Oxford team running the trial. The Medicines Company also ..." reads as a fragment.
        k = i - 1
        if _starts_sentence(text, clauses[i][0]):
            while k > 0 and not _starts_sentence(text, clauses[k][0]):
                k -= 1
        if i > 0 and end - clauses[k][0] <= limit and not _connective(text[clauses[k][0]:start]):
            i, grew = k, True
            start = clauses[i][0]
    return start, end


_CONNECTIVE = re.compile(r"^(?:[A-Z][a-z]*)(?: [a-z]+){0,4},\s*$")


def _connective(text: str) -> bool:
    """A sentence's opening words that only link it to what went before ("To build on this,",
    "Further to this,", "In addition,"): quoting them adds nothing."""
    return bool(_CONNECTIVE.match(text))


_SENTENCE_START = re.compile(r"[.!?]\s*$")


def _starts_sentence(text: str, pos: int) -> bool:
    return pos == 0 or bool(_SENTENCE_START.search(text, 0, pos))


_DANGLING = re.compile(r"(?:[\s;,:–—-]+(?:and|or|including|such as|for example|e\.g\.)?)+$")


def tidy_end(text: str, start: int, end: int) -> int:
    """Move ``end`` back over a list item's dangling "; and", a lead-in's ", including" or a
    trailing comma."""
    m = _DANGLING.search(text[start:end])
    return start + m.start() if m and m.start() > 0 else end


def shorten(text: str, limit: int) -> str:
    """``text`` cut at the last word boundary within ``limit`` characters, with "…" (for a
    display line: the full quote stays in the citation)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit].rstrip(" ,;:–-") + "…"
