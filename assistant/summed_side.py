"""A comparison one of whose sides is itself a sum: "Which is bigger: the Oxfordshire Housing
Deal, or the Challenge Fund money for medicines manufacturing and viral vectors put together,
and by how much?", "How many more people will AstraZeneca base in Cambridge than MSD's London
site, counting both new research roles and transferred staff?".

The summed side names its two parts ("A and B put together", "X, counting both A and B"); each
part and the other side take one figure (``figure_pairs.pick_listed``), the parts are added and
the total set against the other side's figure.
"""

from __future__ import annotations

import re

from assistant.sides import ALTERNATIVES_RE

__all__ = ["summed_sides"]

# Where a question sets two sides against each other.
_SIDES_RE = (
    ALTERNATIVES_RE,  # "Which is bigger: A, or B and C put together?"
    # "How many more people will A base in Cambridge than B, counting both C and D?"
    re.compile(r"\bhow (?:much|many) (?:more|fewer|less)\b(?: [\w'’-]+){0,3}? (?:will|would|"
               r"does|do|did|is|are|was|were|goes|go|gets?) (?P<a>[^?]+?) than (?P<b>[^?]+)",
               re.IGNORECASE),
    # "Within the £146m, does the money for A exceed B and C combined?"
    re.compile(r"\b(?:does|do|did|is|are|was|were|will|would) (?P<a>[^?]+?) (?:exceeds?|"
               r"outstrips?|surpass(?:es)?|tops?|outweighs?|(?:get|gets|receive|receives) more "
               r"than|(?:more|bigger|larger|greater) than) (?P<b>[^?]+)", re.IGNORECASE),
    # "Compare A with B and C combined: what's the gap?"
    re.compile(r"\bcompare (?P<a>[^?:;]+?) (?:with|to|against) (?P<b>[^?:;]+)", re.IGNORECASE),
)
# A side that adds its parts: "A and B put together", "A plus B combined"
_COMBINED_RE = re.compile(r",?\s+(?:put together|taken together|added together|together|"
                          r"combined|between them)\s*$", re.IGNORECASE)
# "MSD in London counting both new research roles and relocated staff"
_COUNTING_RE = re.compile(r"^(?P<owner>.+?),? (?:counting|including) (?:both )?(?P<a>.+?) and "
                          r"(?P<b>.+?)\s*$", re.IGNORECASE)
# What follows a side that adds nothing to it: "- and by roughly how many"
_TAIL_RE = re.compile(r"\s*(?:[-–—,]\s*)?(?:and )?(?:by (?:roughly |about )?how (?:much|many)|"
                      r"what(?:['’]s| is) the (?:gap|difference))\b.*$", re.IGNORECASE)


def summed_sides(question: str) -> tuple[list[str], str] | None:
    """(the summed side's two parts, the other side) where ``question`` sets a sum of two
    things against a third; None otherwise."""
    for rx in _SIDES_RE:
        m = rx.search(question)
        if m is None:
            continue
        sides = [_TAIL_RE.sub("", m.group(g)).strip(" ,.") for g in ("a", "b")]
        for i, side in enumerate(sides):
            parts = _parts(side)
            if parts is not None:
                return parts, sides[1 - i]
        return None
    return None


def _parts(side: str) -> list[str] | None:
    """The two things a side adds, or None for a side that adds nothing."""
    counting = _COUNTING_RE.match(side)
    if counting:
        owner = counting.group("owner")
        return [f"{owner} {counting.group('a')}", f"{owner} {counting.group('b')}"]
    combined = _COMBINED_RE.search(side)
    if combined:
        parts = re.split(r"\s+(?:and|plus)\s+", side[:combined.start()])
        if len(parts) == 2 and all(p.strip() for p in parts):
            return [p.strip() for p in parts]
    return None
