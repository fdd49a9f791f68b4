"""Asked for every thing of a kind ("Which companies are in talks about AI imaging?"), the deal
often names them a sentence or a section apart ("... in pathology: Philips, Roche Diagnostics
and Leica" / "... in radiology: ... Siemens, GE Healthcare"): the answer quotes the units,
nearly as relevant as the best and as much on the question, that name others of the kind.
"""

from __future__ import annotations

import re

from assistant.compose import Span
from assistant.count_nouns import plural
from assistant.evidence import GENERIC_NAMES, NAME_RUN_RE
from assistant.listing import ITEM_CHARS
from assistant.question import QuestionAnalysis
from assistant.request import AnswerRequest
from assistant.scoring import Candidate

__all__ = ["MORE_NAMED", "MORE_NAMED_RATIO", "asks_many", "more_named"]

# Asked for every thing of a kind: "Which companies ...?", "Name every charity ...".
_MANY_RE = re.compile(r"\b(?:every|all|each|any)\b", re.IGNORECASE)
MORE_NAMED = 2  # units added naming more of the kind asked for
MORE_NAMED_RATIO = 0.8  # ... nearly as relevant as the best, and as much on the question


def asks_many(a: QuestionAnalysis) -> bool:
    """``a`` asks for the things of a kind, in the plural, not one of them or a role."""
    if not a.kind_noun or a.asks_role:
        return False
    return bool(re.search(rf"\b{re.escape(plural(a.kind_noun))}\b", a.question, re.IGNORECASE)
                or _MANY_RE.search(a.question))


def more_named(selector, quoter, req: AnswerRequest, q_terms: list[str], best: Candidate,
               cands: list[Candidate], spans: list[Span]) -> list[Span]:
    """Quotes of the units naming others of the kind than ``spans`` (and the question) do, by
    relevance, at most MORE_NAMED; none outside the quotes' own text or off the question."""
    needs = selector.needs(req.analysis)
    have = set(NAME_RUN_RE.findall(" ".join([req.question, *(s.quote for s in spans)])))
    share = selector.question_share(req.question, best.text)
    out: list[Span] = []
    for c in sorted(cands, key=lambda c: -c.relevance):
        if len(out) == MORE_NAMED or c.relevance < MORE_NAMED_RATIO * best.relevance:
            break
        new = {n for n in NAME_RUN_RE.findall(c.text) if n.lower() not in GENERIC_NAMES} - have
        if c.unit is best.unit or not new or not needs(c.text) \
                or any(s.passage is c.passage and s.start < c.unit.end and c.unit.start < s.end
                       for s in spans + out) \
                or selector.question_share(req.question, c.text) < MORE_NAMED_RATIO * share:
            continue
        out.append(quoter.span(req, q_terms, c, ITEM_CHARS))
        have |= new
    return out
