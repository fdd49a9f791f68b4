"""The largest or smallest sum anywhere in the deal: "What's the single largest money figure
anywhere in the deal?", "What are the biggest and the smallest sums of money it mentions?".

No passage says which sum is the largest, and the retrieved passages hold a handful of the
deal's sums: every unit's sums are compared (in pounds, or in dollars where the question asks
for those), and the unit stating the extreme is quoted around it.
"""

from __future__ import annotations

import re
from enum import Enum

from assistant.arithmetic import Figure, figures_in
from assistant.scoring import Candidate
from retrieval.text import stem

__all__ = ["Ends", "asked_ends", "asked_kind", "extreme_sums"]


class Ends(str, Enum):
    LARGEST = "largest"
    SMALLEST = "smallest"
    BOTH = "both"


_LARGE = r"largest|biggest|highest|greatest"
_SMALL = r"smallest|lowest|tiniest"
# Sums as a whole ("figures", "amounts"), or of a kind the head word says ("investments").
_SUMS = r"figures?|sums?|amounts?"
_KINDS = r"costs?|investments?|budgets?|grants?"
# "the largest (single) money figure", "the biggest and the smallest sums of money", "the largest
# facility cost" (a qualifier, up to two words, saying what the sums are for)
_ASKED_RE = re.compile(rf"\b(?P<w>{_LARGE}|{_SMALL})\b(?: and (?:the )?(?P<v>{_LARGE}|{_SMALL}))?"
                       r"\s+(?:single\s+)?(?P<kind>(?:(?!money|cash|pound|dollar|monetary)"
                       r"[a-z-]{3,}\s+){0,2}?)(?:(?:money|cash|pound|dollar|monetary)\s+)?"
                       rf"(?P<head>{_SUMS}|{_KINDS})\b", re.IGNORECASE)
# ... of the whole deal, not of one programme ("the largest sum in the £146m programme")
_WHOLE_RE = re.compile(r"\banywhere\b|\b(?:whole|entire)\s+(?:deal|document|text)\b|"
                       r"\b(?:it|the deal|the document|the text)\s+(?:actually\s+|itself\s+)?"
                       r"(?:mentions|gives|quotes|states|cites|contains)\b|"
                       r"\bin the (?:deal|document)\s*[?,.]?$", re.IGNORECASE)
WINDOW = 60  # characters either side of a sum in which its kind must be named


def asked_ends(question: str) -> Ends | None:
    """Which end(s) of the deal's sums a question asks for; None for any other question."""
    m = _ASKED_RE.search(question)
    if m is None or not _WHOLE_RE.search(question):
        return None
    words = {w.lower() for w in (m.group("w"), m.group("v")) if w}
    large = any(re.fullmatch(_LARGE, w) for w in words)
    small = any(re.fullmatch(_SMALL, w) for w in words)
    return Ends.BOTH if large and small else Ends.LARGEST if large else Ends.SMALLEST


def asked_kind(question: str) -> str:
    """The kind of sum asked for, as the question words it ("facility cost", "investment");
    "" for sums as a whole ("the largest money figure")."""
    m = _ASKED_RE.search(question)
    if m is None:
        return ""
    head = m.group("head").lower()
    kind = m.group("kind").split()
    return " ".join(kind + ([head] if re.fullmatch(_KINDS, head) else []))


def extreme_sums(ends: Ends, units: list[Candidate], currency: str = "£",
                 kind: str = "") -> list[tuple[Candidate, Figure]]:
    """The unit (first in the document) and sum at each end asked for: largest first. Of a
    ``kind``, only sums with each of its words near them ("the £500m facility" for "facility
    cost"; a cost is named as one in few words, so "cost" itself is not required)."""
    need = {stem(w) for w in kind.split() if not re.fullmatch(r"costs?", w)}
    found = [(c, f) for c in units for f in figures_in(c.text) if f.currency == currency
             and need <= {stem(w) for w in re.findall(r"[a-z]+", _near(c.text, f).lower())}]
    if not found:
        return []
    top = max(found, key=lambda cf: cf[1].value)  # max/min keep the first of ties
    low = min(found, key=lambda cf: cf[1].value)
    return {Ends.LARGEST: [top], Ends.SMALLEST: [low], Ends.BOTH: [top, low]}[ends]


def _near(text: str, f: Figure) -> str:
    """The words within WINDOW characters of ``f`` in its own sentence."""
    start = max(0, f.start - WINDOW)
    stop = re.search(r"[.;!?]\s", text[f.end: f.end + WINDOW])
    before = list(re.finditer(r"[.;!?]\s", text[start: f.start]))
    return text[start + (before[-1].end() if before else 0):
                f.end + (stop.start() if stop else WINDOW)]
