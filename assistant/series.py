"""How many things a list question asks for, and how many a unit lists.

"Which three types of NIHR infrastructure do the contracts pay for?" is answered by the sentence
naming three in a series ("... Biomedical Research Centres, Clinical Research Facilities for
Experimental Medicine and Experimental Cancer Medicine Centres"), or by a list of three bullets
(``listing.listed_items``), rather than by a unit that merely shares more of the question's words.
"""

from __future__ import annotations

import re

from commitments.figures import number_value

__all__ = ["asked_items", "longest_series", "series_items", "MIN_ASKED"]

MIN_ASKED = 3  # "two" things are any "A and B"; three or more make a series worth matching
# "which three types of", "name the four steps", "the five measures ...": a number before the
# plural it counts (a word or two may qualify it: "three new national centres").
# (a span of time counts no things: "the three years ahead")
_ASKED_RE = re.compile(r"\b(three|four|five|six|seven|eight|[3-8]) (?:[a-z'‘’\"-]+ ){0,2}?"
                       r"(?!(?:years|months|weeks|days|decades|times)\b)[a-z-]{3,}(?<!ss)s\b",
                       re.IGNORECASE)
ITEM_WORDS = 10  # an item of a series is a short phrase, not a clause


def asked_items(question: str) -> int | None:
    """The number of things a question asks for ("which three types ..." -> 3), or None."""
    m = _ASKED_RE.search(question)
    if m is None:
        return None
    n = number_value(m.group(1))
    return n if n >= MIN_ASKED else None


def series_items(text: str) -> int:
    """The most items any "A, B and C" series of ``text`` lists (0 for none)."""
    return len(longest_series(text))


def longest_series(text: str) -> list[str]:
    """The items of the longest "A, B and C" series of ``text`` (the first with the words
    leading into it; the last with what follows it to the clause's end); [] for none."""
    best: list[str] = []
    for part in re.split(r"[;:]", text):
        for m in re.finditer(r",? (?:and|or) ", part):
            segs = [s for s in part[:m.start()].split(", ") if s.strip()]
            if len(segs) < 2:
                continue
            # the items run back from the "and" while they stay short; the first holds the
            # words leading into the series too, so its length does not count
            k = 1
            while k < len(segs) and len(segs[-k].split()) <= ITEM_WORDS:
                k += 1
            if k + 1 > len(best):
                best = [*segs[-k:], part[m.end():]]
    return best
