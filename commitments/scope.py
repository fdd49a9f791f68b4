"""Which figures are commitments. The register's scope, in one place.

In scope (each becomes a record):

* **money** that someone commits, invests, funds, grants, pledges, contracts or expects to
  release/unlock — including totals of investment a measure is expected to mobilise ("release
  over £20bn of patient capital") and estimates the document attaches to a commitment ("an
  estimated increase of £80bn", flagged ``estimate``);
* **counted promises** of people or time: jobs, roles, staff, scientists, participants,
  apprenticeships, genomes ... and durations that are promises ("after three years", "a 15-year
  partnership");
* **percentage targets**: a percentage reached *to* ("increase ... to 2.4 per cent of GDP by
  2027", "from 11 to 12 per cent"), and one coordinated with such a target ("and 3 per cent over
  the longer term"). Other percentages are descriptions ("98 per cent of which are exported",
  "reducing patient stay by 25 per cent") and are skipped.

Out of scope (skipped, with the reason kept in ``Register.skipped``):

* ``baseline``: the *from* side of a change ("from around £9.5bn in 2016/17 to £12.5bn");
* ``historical``: track record and market statistics — the sentence says "to date", "since
  2013", "in 2017 alone", or the figure is "already"/"existing"/"currently" there;
* ``no-commitment-cue``: money with nothing committing it ("With over £2tn in UK pension funds");
* ``not-a-target``: percentages that are not targets (above).

Sections that summarise *another* document are left out whole (see
``commitments.builder.DEFAULT_EXCLUDED_SECTIONS``): every sector deal opens with the same
"Industrial Strategy at a glance" page, whose figures are the White Paper's, not the deal's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from commitments.figures import Figure, FigureKind

__all__ = ["ScopeDecision", "decide", "is_target_percent"]

_HISTORICAL_SENTENCE = re.compile(
    r"\bto\s+date\b|\bsince\s+(?:(?:19|20)\d\d|\d{4})\b|\bin\s+(?:19|20)\d\d\s+alone\b"
    r"|\bover\s+the\s+(?:last|past)\s+\w+\s+years\b|\bhistorically\b",
    re.IGNORECASE,
)
_HISTORICAL_LOCAL = re.compile(r"\b(?:already|existing|currently|previously)\b", re.IGNORECASE)
_ESTIMATE = re.compile(
    r"\b(?:estimated?|estimates|expected\s+to|anticipated\s+to|could|potential(?:ly)?|forecast)\b",
    re.IGNORECASE,
)
_AMBITION = re.compile(r"\b(?:ambition|aim|aims|aspiration|target)\b", re.IGNORECASE)
_BASELINE_LEFT = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_TARGET_LEFT = re.compile(r"\bto\s*$", re.IGNORECASE)
_COORDINATED_LEFT = re.compile(r"(?:,\s*|\s)(?:and|or)(?:\s+then)?(?:\s+to)?\s*$", re.IGNORECASE)
# Money is committed when a cue is attached: a noun it modifies ("£40m investment"), a purpose
# or source after it ("£66m on", "£25m to support", "£16m from"), "<noun> of £X" / "worth £X",
# or a committing verb earlier in its clause ("will invest up to £210m").
_MODIFIES_NOUN = re.compile(
    r"^\s+(?!(?:in|of|on|to|for|from|by|with|and|or|per|over|into|at|is|are|was|were|will|has|"
    r"have|had|which|that|a|an|the|this|these|those)\b)[A-Za-z]"
)
_PURPOSE_RIGHT = re.compile(r"^\s*(?:of|on|for|from|towards|into|to\s+(?!£|\$|€|\d))\b",
                            re.IGNORECASE)
# "This £146m will fund two new national centres"
_VERB_RIGHT = re.compile(r"^\s+(?:will|would|shall|is\s+to|are\s+to)\s+(?:also\s+)?(?:be\s+)?"
                         r"(?:fund|invest|support|provide|spen[dt]|used|allocated|committed|"
                         r"deliver|establish|create|pay|finance)", re.IGNORECASE)
_CUE_LEFT = re.compile(
    r"\b(?:invest\w*|fund\w*|commit\w*|pledge\w*|grants?|contracts?|programmes?|provid\w*|"
    r"support\w*|spend\w*|releas\w*|unlock\w*|realis\w*|leverag\w*|allocat\w*|announc\w*|"
    r"secur\w*|seed\w*|back\w*|worth|valued|budgets?|award\w*|increas\w*|rais\w*|boost\w*|"
    r"attract\w*|deliver\w*|total\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ScopeDecision:
    keep: bool
    reason: str = ""  # why it was skipped
    flags: tuple[str, ...] = ()


def _local_window(sentence: str, fig: Figure, clause: tuple[int, int]) -> str:
    a, b = clause
    before = sentence[a:fig.raw_start].split()[-5:]
    after = sentence[fig.end:b].split()[:4]
    return " ".join(before + after)


def is_target_percent(sentence: str, fig: Figure, previous_target: bool) -> bool:
    left = sentence[:fig.raw_start]
    if _TARGET_LEFT.search(left):
        return True
    return previous_target and bool(_COORDINATED_LEFT.search(left))


def _money_has_cue(sentence: str, fig: Figure, clause: tuple[int, int]) -> bool:
    right = sentence[fig.end:clause[1]]
    if _MODIFIES_NOUN.match(right) or _PURPOSE_RIGHT.match(right) or _VERB_RIGHT.match(right):
        return True
    return bool(_CUE_LEFT.search(sentence[clause[0]:fig.raw_start]))


def _flags(sentence: str, fig: Figure, clause: tuple[int, int]) -> tuple[str, ...]:
    flags = []
    if _ESTIMATE.search(sentence, clause[0], clause[1]):
        flags.append("estimate")
    if fig.kind is FigureKind.PERCENT:
        flags.append("target")
    elif _AMBITION.search(sentence):
        flags.append("ambition")
    return tuple(flags)


def decide(sentence: str, fig: Figure, clause: tuple[int, int],
           previous_target: bool = False) -> ScopeDecision:
    """Keep or skip ``fig`` (found in ``sentence``; ``clause`` from clause_bounds)."""
    if fig.kind is FigureKind.PERCENT:
        if not is_target_percent(sentence, fig, previous_target):
            return ScopeDecision(False, "not-a-target")
        return ScopeDecision(True, flags=_flags(sentence, fig, clause))
    if _BASELINE_LEFT.search(sentence[:fig.raw_start]) and re.match(
            r"^[^.;]{0,40}?\bto\s", sentence[fig.end:]):
        return ScopeDecision(False, "baseline")
    if _HISTORICAL_SENTENCE.search(sentence):
        return ScopeDecision(False, "historical")
    if _HISTORICAL_LOCAL.search(_local_window(sentence, fig, clause)):
        return ScopeDecision(False, "historical")
    if fig.kind is FigureKind.MONEY and not _money_has_cue(sentence, fig, clause):
        return ScopeDecision(False, "no-commitment-cue")
    return ScopeDecision(True, flags=_flags(sentence, fig, clause))
