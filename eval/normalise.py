"""Text normalisation for matching answers and quotes against passages.

Both sides of every comparison go through :func:`normalise`, so the rules only need to map
equivalent spellings to one canonical form; they never need to be "correct" English.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise", "contains"]

# Footnote markers (``£210m⁷``) point into the References list; they are not part of the text.
_SUPERSCRIPTS = dict.fromkeys(map(ord, "⁰¹²³⁴⁵⁶⁷⁸⁹"), None)
_PUNCT = str.maketrans({
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys("‘’‚′`", "'"),
    **dict.fromkeys("“”„″", '"'),
    # Bullet glyphs depend on the PDF converter and on ingest cleaning, not on the content.
    **dict.fromkeys("▶►•▪◦■●", " "),
})
_MD_ESCAPE = re.compile(r"\\([$*_#&%\[\]()])")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = r"(\d+(?:\.\d+)?)"
_MILLION = re.compile(rf"([£$€])\s?{_NUMBER}\s?(?:million|mn|m)\b")
_BILLION = re.compile(rf"([£$€])\s?{_NUMBER}\s?(?:billion|bn)\b")
# "2.4 per cent", "2.4 percent", "2.4 %" -> "2.4%"
_PERCENT = re.compile(rf"{_NUMBER}\s?(?:per\s?cent\b|percent\b|%)")
_SPACES = re.compile(r"\s+")
# "eight months" -> "8 months": a small count of time written in words or digits is one answer
# (the deal writes "three years"; worked answers write "8 months"). Only before a unit of time:
# "one of the centres" stays as it is.
_TIME_WORDS = "one two three four five six seven eight nine ten eleven twelve".split()
# (so is a multiple: "ten times" is "10 times")
_TIME_COUNT = re.compile(r"\b(" + "|".join(_TIME_WORDS) + r")(?=[ -](?:years?|months?|weeks?|"
                         r"days?|times)\b)")


def normalise(text: str) -> str:
    """Canonical form for containment checks.

    Case-folded; whitespace collapsed; dashes/quotes unified; markdown ``*``/``**`` and
    escapes removed; superscript footnote digits dropped; thousands separators removed
    (``2,000`` -> ``2000``); money as ``£66m`` / ``£2.5bn`` (same for ``$`` and ``€``);
    percentages as ``2.4%``; a count of time in words as digits (``eight months`` ->
    ``8 months``).
    """
    # Both tables before NFKC: it would turn ⁷ into a plain 7 and ″ into two primes.
    s = text.translate(_SUPERSCRIPTS).translate(_PUNCT)
    s = unicodedata.normalize("NFKC", s).casefold()
    s = _MD_ESCAPE.sub(r"\1", s).replace("*", "")
    s = _SPACES.sub(" ", s)
    s = _THOUSANDS.sub("", s)
    s = _MILLION.sub(r"\1\2m", s)
    s = _BILLION.sub(r"\1\2bn", s)
    s = _PERCENT.sub(r"\1%", s)
    s = _TIME_COUNT.sub(lambda m: str(_TIME_WORDS.index(m.group(1)) + 1), s)
    return s.strip()


def _extends_number(text: str, i: int, step: int) -> bool:
    """Whether the characters from ``i`` in direction ``step`` continue a number (``1``, ``.5``)."""
    j = i if step > 0 else i - 1
    if not 0 <= j < len(text):
        return False
    if text[j].isdigit():
        return True
    k = j + step
    return text[j] in ".," and 0 <= k < len(text) and text[k].isdigit()


def contains(haystack: str, needle: str) -> bool:
    """Substring test on already-normalised strings that never splits a number.

    ``"2.4%"`` is not in ``"12.4%"`` and ``"25"`` is not in ``"250 jobs"``: a match whose
    first (last) character is a digit must not be preceded (followed) by more of the number.
    Letters may continue (``"vaccine"`` is in ``"vaccines"``), as plain substring tests allow.
    """
    if not needle:
        return False
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        head_ok = not (needle[0].isdigit() and _extends_number(haystack, start, -1))
        tail_ok = not (needle[-1].isdigit() and _extends_number(haystack, end, +1))
        if head_ok and tail_ok:
            return True
        start = haystack.find(needle, start + 1)
    return False
