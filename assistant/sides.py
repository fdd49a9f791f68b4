"""The two sides of a question joining two facts ("Which is larger: A or B?", "How long between
A and B?", "Which city is home to both A and B?"), and how well a unit fits one side.

Shared by comparisons (``figure_pairs.py``), time between events (``dates_between.py``) and what
two things have in common (``in_common.py``): each finds one unit per side, then joins them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.scoring import Candidate, TermStats, context_units, terms

__all__ = ["ALTERNATIVES_RE", "MIN_SIDE_COVERAGE", "context_terms", "side_fit", "two_sides"]

# "Which is the larger sum: A or B?", "Which came first, A or B?": two alternatives after the
# question's opening.
ALTERNATIVES_RE = re.compile(r"[:,–—-]\s+(?P<a>[^:?]+?),? or (?P<b>[^?,]+)", re.IGNORECASE)
MIN_SIDE_COVERAGE = 0.3  # IDF-weighted share of a side's words the unit for it must hold


def two_sides(question: str, patterns: Sequence[re.Pattern[str]]) -> tuple[str, str] | None:
    """The two things a question sets side by side (groups ``a`` and ``b`` of the first of
    ``patterns`` that matches), or None."""
    for rx in patterns:
        m = rx.search(question)
        if m:
            return m.group("a").strip(), m.group("b").strip()
    return None


def context_terms(c: Candidate) -> frozenset[str]:
    """The terms of ``c``, the units before it that may name its subject, and its headings."""
    return terms(" ".join([*c.passage.section,
                           *(c.passage.unit_text(u) for u in context_units(c))]))


def side_fit(stats: TermStats, want: Sequence[str], c: Candidate) -> float:
    """How well ``c`` states one side (its words ``want``): in its own words first, then in
    the words around it."""
    return stats.coverage(want, terms(c.text)) + 0.5 * stats.coverage(want, context_terms(c))
