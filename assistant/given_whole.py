"""A part of a figure the question gives: "Of the £350m Leeds programme, how much comes from the
NHS?", "What share of the £1.3bn came from overseas investors?". The deal states the whole;
the answer is a figure for the part. Support that only repeats the whole ("... has to date
raised over £300m", asked how much of it came from UK investors), or gives figures of another
kind ("In 2017 alone it raised $100m"), does not answer: the deal does not break the whole down
that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant.arithmetic import figures_in
from assistant.scoring import TermStats
from retrieval.text import tokenize

__all__ = ["GivenWhole", "given_whole", "states_part"]

_BOUND = r"(?:more than |over |about |around |nearly |almost |up to |some )?"
# "how much of the £350m ...", "Of the 15,000 people in ..., how many ...", "what share of
# the £1.3bn raised by ...": the whole, with the words naming it up to where the part's begin.
_WHOLE_RE = re.compile(
    r"(?:\bhow (?:much|many) of|^of|\bwhat (?:share|proportion|percentage|fraction|part) of) "
    rf"(?P<whole>(?:the |its |their |that )?{_BOUND}(?P<fig>[£$€]?\d[\d,.]*(?:m|bn|k)?\b)"
    r"[^,?]*?)(?=,|\?| (?:is|are|was|were|will|would|does|do|did|goes|go|went|comes?|came|"
    r"has|have)\b)", re.IGNORECASE)


# Words that ask, not name the part: "what share ... comes from", "taken together".
_ASKING = frozenset(tokenize(
    "share shares come comes came coming take taken together get gets left expected expect "
    "represent represents account accounts make makes combined put specifically slice "
    "percentage proportion fraction part roughly much many big"))


@dataclass(frozen=True)
class GivenWhole:
    value: Decimal  # the whole's value, as figures_in reads it
    currency: str  # "£", "$", "€"; "" for a count
    part_terms: frozenset[str]  # the question's words for the part, less the whole's


def given_whole(question: str, stats: TermStats) -> GivenWhole | None:
    """The whole a question asks a part of, and the words it names the part by; None for a
    question asking no part of a figure it gives."""
    q = " ".join(question.split())
    m = _WHOLE_RE.search(q)
    figs = figures_in(m.group("fig")) if m else []
    if not figs:
        return None
    rest = q[:m.start("whole")] + " " + q[m.end("whole"):]
    whole_terms = set(tokenize(m.group("whole")))
    part = frozenset(t for t in tokenize(rest) if t not in whole_terms and t not in _ASKING
                     and stats.known(t) and not stats.common(t))
    return GivenWhole(figs[0].value, figs[0].currency, part) if part else None


def states_part(text: str, whole: GivenWhole) -> bool:
    """``text`` gives a figure of the whole's kind other than it (and, for a sum, smaller):
    one that may be the part. (Not bound to the part's words: the deal names a part by its
    initials, "EIS and VCTs", where the question spells it out.)"""
    return any(f.currency == whole.currency and f.value != whole.value
               and (f.value < whole.value or not whole.currency) for f in figures_in(text))
