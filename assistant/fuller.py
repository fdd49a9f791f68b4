"""A unit that only restates what was asked gives way to a fuller statement of the same thing.

"What does reducing red tape for hiring international researchers involve?" is matched best by
the key commitments' line "Reduce red tape in hiring international researchers.", which says
nothing the question does not; the chapter states the same commitment in full ("... reduce red
tape in hiring international researchers and members of established research teams, by
relaxing the labour market test and allowing ..."), and that is the answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.scoring import Candidate, TermStats, terms

__all__ = ["fuller_restatement", "fuller_statement", "MIN_NEW_TERMS", "KEPT_SHARE"]

MIN_NEW_TERMS = 3  # a fuller statement says at least this much more than the question
KEPT_SHARE = 0.8  # ... and keeps this share of the restating unit's words
MIN_SAID = 6  # words a statement cut short must have (a heading is no statement)


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


def _said(text: str) -> str:
    """``text`` as words only, to compare two statements of one sentence."""
    return " ".join(re.findall(r"[a-z0-9£$€]+", text.lower()))


def fuller_restatement(best: Candidate, cands: Iterable[Candidate]) -> Candidate | None:
    """The first of ``cands`` in another passage saying all ``best`` says, word for word, and
    going on: the key commitments' "The government will work with employers to monitor the
    impact of the apprenticeship levy and continue to analyse all apprenticeship starts;" is
    the chapter's sentence cut short, which goes on "(by place and sector subject area),
    assessing the impact on other types of employer investment". Asked what is done, the
    whole sentence says more; None where the deal says it only once."""
    own = _said(best.text)
    if len(own.split()) < MIN_SAID:
        return None
    # (said within it, too, where it goes on: the key commitments' "Reduce red tape in hiring
    # international researchers." is the chapter's "... and reduce red tape in hiring
    # international researchers and members of established research teams, by relaxing ...";
    # not a sentence only leading up to it, "the government will be working to develop ...")
    return next((c for c in cands if c.passage is not best.passage
                 and len(_going_on(own, _said(c.text))) >= MIN_NEW_TERMS), None)


def _going_on(own: str, theirs: str) -> list[str]:
    """The words ``theirs`` goes on with after saying all of ``own``; none where it does not
    say it."""
    at = f" {theirs} ".find(f" {own} ")
    return theirs[at + len(own):].split() if at >= 0 else []
