"""A unit that only restates what was asked gives way to a fuller statement of the same thing.

"What does reducing red tape for hiring international researchers involve?" is matched best by
the key commitments' line "Reduce red tape in hiring international researchers.", which says
nothing the question does not; the chapter states the same commitment in full ("... reduce red
tape in hiring international researchers and members of established research teams, by
relaxing the labour market test and allowing ..."), and that is the answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.scoring import Candidate, TermStats, terms

__all__ = ["fuller_statement", "MIN_NEW_TERMS", "KEPT_SHARE"]

MIN_NEW_TERMS = 3  # a fuller statement says at least this much more than the question
KEPT_SHARE = 0.8  # ... and keeps this share of the restating unit's words


def _content(text: str, stats: TermStats) -> frozenset[str]:
    return frozenset(t for t in terms(text) if stats.known(t) and not stats.common(t))


def fuller_statement(best: Candidate, cands: Iterable[Candidate], q_terms: Iterable[str],
                     stats: TermStats) -> Candidate | None:
    """The first of ``cands`` restating ``best`` in full, where ``best`` says nothing the
    question does not (every word of it the question's); None otherwise."""
    asked = set(q_terms)
    own = _content(best.text, stats)
    if not own or own - asked:
        return None
    for c in cands:
        if c is best or c.passage is best.passage and c.unit_index == best.unit_index:
            continue
        theirs = _content(c.text, stats)
        if len(own & theirs) >= KEPT_SHARE * len(own) and len(theirs - asked) >= MIN_NEW_TERMS:
            return c
    return None
