"""The figure of the measure an asker's profile points to, where the answer's quotes name the
measure but give no sum of its own.

"We're an advanced therapy SME hoping to get our treatment delivered in NHS hospitals. Is there
any dedicated infrastructure?" is answered by "... three advanced therapy treatment centres
that will be co-located in hospitals across the UK", which says nothing of money; the key
commitments put "£30m to establish three Advanced Therapies Treatment Centres". A business
weighing the support needs that figure, so the commitments register's record for the measure
the quotes name, and the question's words point to, is quoted after the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.arithmetic import SHARED_SUM_RE
from assistant.evidence import NAME_RUN_RE
from commitments.model import CitationRef, Commitment
from retrieval.text import money_amounts, tokenize

__all__ = ["MIN_SHARED", "MeasureFigure", "MeasureFigures", "asker_speaks"]

# The measure's name and the question share at least this many words: "manufacturing centre"
# alone is every centre's.
MIN_SHARED = 2

# The asker speaks of themselves: "We're developing a new vaccine ...", "Our start-up ...".
_ASKER_RE = re.compile(r"^\s*(?:we|i|our|my)\b|\b(?:we(?:'re|’re| are)|i(?:'m|’m| am))\b",
                       re.IGNORECASE)


def asker_speaks(question: str) -> bool:
    """Does the asker describe themselves (whose support question a measure's sum answers)?"""
    return bool(_ASKER_RE.search(question))


@dataclass(frozen=True)
class MeasureFigure:
    commitment: Commitment  # a money figure
    ref: CitationRef  # where the deal states it (passage, document offsets, quote)


class MeasureFigures:
    """The register's money records that name a measure (a run of two or more capitalised
    words in their purpose: "Advanced Therapies Treatment Centres"), read once."""

    def __init__(self, commitments: Sequence[Commitment]) -> None:
        self._named: list[tuple[frozenset[str], frozenset[str], MeasureFigure]] = []
        for c in commitments:
            name = next((n for n in NAME_RUN_RE.findall(c.purpose) if len(n.split()) > 1), "")
            if name and c.is_money and c.citations:
                ref = next((r for r in c.citations if c.raw.replace("\\", "") in r.quote),
                           c.citations[0])
                self._named.append((frozenset(tokenize(name)), frozenset(tokenize(c.purpose)),
                                    MeasureFigure(c, ref)))

    def find(self, question: str, quotes: Sequence[str]) -> MeasureFigure | None:
        """The record of the one measure the ``quotes`` name and the ``question`` points to
        most clearly, where no quote gives a sum of its own; else None."""
        if any(_own_sum(q) for q in quotes):
            return None
        quoted = set(tokenize(" ".join(quotes)))
        asked = set(tokenize(question))
        scored = sorted(((len(purpose & asked), found) for name, purpose, found in self._named
                         if name <= quoted), key=lambda s: -s[0])
        if not scored or scored[0][0] < MIN_SHARED \
                or len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None  # (two measures the question fits equally: which one it means is unclear)
        return scored[0][1]


def _own_sum(quote: str) -> bool:
    """A money figure in ``quote`` other than one shared by several things ("This £146m will
    fund two new national centres")."""
    shared = {m.start() for m in SHARED_SUM_RE.finditer(quote)}
    return any(a.start not in shared for a in money_amounts(quote))
