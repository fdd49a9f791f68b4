"""What two things have in common: "Which city is home to both Vertex's international
headquarters and MSD's planned Discovery Centre?", "Which university works with both A and B?".

Each side is found on its own (the unit whose words best cover it); the answer is the place or
name both units give, and both are quoted, so a reader sees each half of the link.
"""

from __future__ import annotations

import re

from assistant.evidence import GENERIC_NAMES, NAME_RUN_RE
from assistant.kinds import SELF_NAMING
from assistant.scoring import Candidate, TermStats, same_fact, terms
from assistant.sides import MIN_SIDE_COVERAGE, context_terms, side_fit, two_sides
from commitments.places import find_places
from dealqa.types import AnswerType
from retrieval.text import tokenize

__all__ = ["common_sides", "pick_common"]

_BOTH_RE = re.compile(r"\b(?:both|each of) (?P<a>[^?]+?) and (?P<b>[^?]+)", re.IGNORECASE)
SIDE_UNITS = 3  # units per side searched for what they share


def common_sides(question: str, answer_type: AnswerType) -> tuple[str, str] | None:
    """The two things a place or name question asks the link between, or None."""
    if answer_type not in (AnswerType.PLACE, AnswerType.ENTITY):
        return None
    return two_sides(question, (_BOTH_RE,))


def _names(text: str, answer_type: AnswerType) -> list[str]:
    if answer_type is AnswerType.PLACE:
        return find_places(text)
    out = []
    for m in NAME_RUN_RE.finditer(text):
        name = re.sub(r"['’]s$", "", m.group())
        starts = not text[:m.start()].strip() or text[:m.start()].rstrip()[-1] in ".:;•"
        if len(name) > 3 and name.lower() not in GENERIC_NAMES and not (starts and " " not in name):
            out.append(name)  # (a capital that only starts a sentence names nothing)
    return out


# Kinds whose names say what they are (``kinds.SELF_NAMING``), and, for a name two sides share,
# those usually named so too ("Centre", "Network"): a shared name of the kind is looked for first.
_SELF_NAMING = SELF_NAMING | {"foundation", "centre", "center", "charity", "network"}
_KIND_RE = re.compile(r"\b(?:which|what) ([a-z]+)\b", re.IGNORECASE)


def pick_common(question: str, sides: tuple[str, str], answer_type: AnswerType,
                cands: list[Candidate], stats: TermStats, scan: int = 20
                ) -> tuple[str, Candidate, Candidate] | None:
    """(what both share, the unit for the first side, the unit for the second), or None."""
    asked = set(tokenize(" ".join(sides)))
    kind = _KIND_RE.search(question)
    named_kind = kind.group(1).lower() if kind and kind.group(1).lower() in _SELF_NAMING else ""
    ranked: list[list[Candidate]] = []
    for side in sides:
        want = tokenize(side)
        # The side's own distinctive names must be there ("Salford Lung Study").
        rare = [t for w in re.findall(r"\b[A-Z][\w'’&-]*", side) for t in tokenize(w)
                if not stats.common(t)]
        best = sorted(cands[:scan], key=lambda c, want=want: side_fit(stats, want, c),
                      reverse=True)[:SIDE_UNITS]
        ranked.append([c for c in best if stats.coverage(want, terms(c.text)) >= MIN_SIDE_COVERAGE
                       and set(rare) <= terms(c.text) | context_terms(c)])
    for c1 in ranked[0]:
        for c2 in ranked[1]:
            if c1.unit is c2.unit or same_fact(c1.text, c2.text):
                continue  # one unit, or one fact restated, is not two things linked
            second = {n.lower() for n in _names(c2.text, answer_type)}
            for name in _names(c1.text, answer_type):
                # Shared, of the kind asked for, and not one the question names itself.
                if name.lower() in second and not set(tokenize(name)) <= asked \
                        and named_kind in name.lower():
                    return name, c1, c2
    return None
