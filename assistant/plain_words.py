"""Everyday words in a question, mapped to the words the deal uses for the same thing.

People ask "which flu jab maker is expanding on Merseyside?"; the deal says "influenza vaccine
manufacturer ... in Liverpool". Neither BM25 nor the small embedding model bridges that reliably,
so the question's search text is widened with the deal's words from a small lexicon of the
domain's plain and colloquial register (``templates/plain_words.tsv``). The added words help
find and rank the support; they never count as the question's own words (a follow-up's own
words, the type checks and the names asked about all come from the question as asked).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["PLAIN_WEIGHT", "PlainWords", "load_plain_words"]

# The weight of a word the lexicon adds, against 1 for a word of the question itself.
PLAIN_WEIGHT = 0.5

_DEFAULT = Path(__file__).parent / "templates" / "plain_words.tsv"


class PlainWords:
    """``expand(text)``: the deal's words for the everyday phrases in ``text`` (a string, maybe
    empty), leaving out words the text already has."""

    def __init__(self, entries: dict[str, str]) -> None:
        for phrase, words in entries.items():
            if not phrase.strip() or not words.strip():
                raise ValueError(f"plain-words entry needs a phrase and its words: {phrase!r}")
        self._entries = dict(entries)
        # Longest phrases first, so "bottling plant" wins over "plant"; whole words only, and
        # a plural "s" on the last word matches too.
        alternatives = sorted(self._entries, key=len, reverse=True)
        self._re = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(p) for p in alternatives) + r")s?(?![\w-])",
            re.IGNORECASE) if alternatives else None
        self._lookup = {p.lower(): w for p, w in self._entries.items()}

    def __len__(self) -> int:
        return len(self._entries)

    def expand(self, text: str) -> str:
        if self._re is None:
            return ""
        have = set(re.findall(r"[\w&-]+", text.lower()))
        added: list[str] = []
        for m in self._re.finditer(text):
            for word in self._lookup[m.group(1).lower()].split():
                if word.lower() not in have:
                    have.add(word.lower())
                    added.append(word)
        return " ".join(added)

    def restate(self, text: str) -> str:
        """``text`` in the deal's words: each everyday phrase replaced by the deal's words for
        it ("the tax break for founders" -> "the tax relief credit for founders"); ``text``
        itself when it has none."""
        if self._re is None:
            return text
        return self._re.sub(lambda m: self._lookup[m.group(1).lower()], text)


def parse_plain_words(text: str, source: str = "plain words") -> dict[str, str]:
    entries: dict[str, str] = {}
    seen: dict[str, int] = {}  # phrase (lower case) -> its line
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        phrase, sep, words = line.partition("\t")
        if not sep or not phrase.strip() or not words.strip():
            raise ValueError(f"{source}, line {n}: expected 'phrase<TAB>words', got {line!r}")
        key = phrase.strip()
        if key.lower() in seen:
            # (a later line would silently replace the earlier one's words)
            raise ValueError(f"{source}, line {n}: {key!r} is already given on line "
                             f"{seen[key.lower()]}")
        seen[key.lower()] = n
        entries[key] = words.strip()
    return entries


@lru_cache(maxsize=4)
def load_plain_words(path: Path = _DEFAULT) -> PlainWords:
    return PlainWords(parse_plain_words(path.read_text(encoding="utf-8"), str(path)))
