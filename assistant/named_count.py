"""How many things the deal names in one series, where it states no number for them: "How many
cluster organisations are named as having welcomed the strategy?" is answered by the sentence
naming them ("The Northern Health Science Alliance, MedCity, Life Sciences Hub Wales, NHS
Research Scotland, Northern Ireland life sciences cluster and the GW4 Alliance have also come
together to welcome ..."): six, counted there.

A fallback, like ``year_span``: asked only where no unit gives the count itself, and only of a
series whose every item is a name (capitalised), so a list of actions or of common nouns is not
taken for a list of the things counted.
"""

from __future__ import annotations

import re

from assistant.arithmetic import Working
from assistant.series import MIN_ASKED, longest_series
from commitments.figures import number_word
from ingest.units import sentence_spans

__all__ = ["asks_across", "asks_named_count", "named_count"]

# "How many ... are named as ...", "How many ... does the deal list?", "How many ... are
# mentioned by name?"
_ASKS_RE = re.compile(r"\bhow many\b[^?]*?\b(?:are|were|is|was|does|do|did|get|gets)\b[^?]*?"
                      r"\b(?:named|listed|mentioned|cited|name|list|mention|cite)\b",
                      re.IGNORECASE)
# An item naming something: its first word (after "the") capitalised, or an acronym or a name
# with a capital inside ("MedCity", "GW4").
_NAME_START_RE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w&'’.-]*|[a-z]+[A-Z][\w-]*)(?:\s|$)")
# The first item carries the words leading into the series: its name is its last words.
_NAME_END_RE = re.compile(r"(?:^|\s)(?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*|\s+(?:of|for|and|"
                          r"&)\s+[A-Z][\w&'’.-]*)*\s*$")
_LEAD_NAME_RE = re.compile(r"(?:the\s+)?\S+(?:\s+[A-Z0-9][\w&'’.-]*)*")
_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
_ACROSS_RE = re.compile(r"\b(?:different|distinct|in all|altogether|all told|between them|"
                        r"put(?:ting)? together|combined|taken together)\b", re.IGNORECASE)


def asks_named_count(question: str) -> bool:
    """Does ``question`` ask how many things the deal names (lists, mentions)?"""
    return bool(_ASKS_RE.search(question))


def asks_across(question: str) -> bool:
    """"Putting together A and B, how many different companies are named?": the distinct
    names of every series the unit gives, not one series."""
    return bool(_ACROSS_RE.search(question))


def named_count(text: str, across: bool = False) -> Working | None:
    """The number of names in the longest "A, B and C" series of ``text`` (at least three,
    every one a name), or with ``across`` the distinct names of all its series; the series
    as the anchor its quote must hold."""
    found = [f for start, end in sentence_spans(text) if (f := _series(text, start, end))]
    if not found:
        return None
    if across:
        names = list(dict.fromkeys(n for _, _, series in found for n in series))
        start, end = found[0][0], found[-1][1]
    else:
        start, end, names = max(found, key=lambda f: len(f[2]))
    if len(names) < MIN_ASKED:
        return None
    n = len(names)
    said = f"{word} ({n})" if (word := number_word(n)) else str(n)
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    return Working(text[start:end], f"{said} {'different names' if across else 'named'}: "
                                    f"{listed}")


def _series(text: str, at: int, stop: int) -> tuple[int, int, list[str]] | None:
    """Where in ``text`` the series of names in its sentence ``text[at:stop]`` runs, and its
    names."""
    items = [i.strip() for i in longest_series(text[at:stop])]
    # (words leading into the series may read as items of it: "For example, A, B and C")
    while items and not _NAME_END_RE.search(items[0]):
        items.pop(0)
    if len(items) < 2 or not all(_NAME_START_RE.match(i) for i in items[1:]):
        return None
    names = [items[0][_NAME_END_RE.search(items[0]).start():].strip(), *items[1:-1],
             _LEAD_NAME_RE.match(items[-1]).group()]
    names = [_THE_RE.sub("", n) for n in names]
    start = text.find(names[0], at)
    end = text.find(names[-1], start) + len(names[-1])
    return (start, end, names) if start >= 0 else None
