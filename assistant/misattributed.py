"""Questions that give one party's deed to another: "Why is NHS England going to own the new
Accelerated Access Pathway?" (the deal says the Accelerated Access Collaborative will own it),
"What will The Medicines Company's depression trials with Oxford test?" (those are Janssen's).

Answered as asked, the best support for the deed is quoted as if it were the named party's, or
the answer abstains because nothing names both. An official checking who committed what needs
to be told: the deal says it of someone else (quoted), and here is what it says of the party
named (quoted). Found only where the deal's sentence states the deed in most of the question's
own words, names another party, never names the one asked about (nor do the sentences before
it), and no retrieved sentence says it of the party asked about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.evidence import GENERIC_NAMES, NAME_RUN_RE, has_name
from assistant.name_match import POSSESSIVE_RE, states_name
from assistant.question import QuestionAnalysis
from assistant.scoring import Candidate, TermStats, context_units, terms
from dealqa.types import AnswerType
from retrieval.text import tokenize

__all__ = ["CLAIM_SHARE", "Misattributed", "misattributed", "party_of"]

CLAIM_SHARE = 0.6  # of the deed's words, the other party's sentence states at least this share
# ... among them this many specific ones (in at most RARE_SHARE of passages: "Alderley",
# "depression"), so that the deed is this one, not any work on data or new jobs
RARE_SHARED, RARE_SHARE = 2, 0.05
SCAN = 12  # retrieved units searched for the deed
# A unit naming the party asked about and stating this share of CLAIM_SHARE says the deed is
# theirs (or near enough): no correction.
THEIRS = 0.8
# The question takes the deed as given and asks about it: "Why is X ...?", "What will X's
# trials test?" (not "Does X ...?" or "Which company ...?", which ask whether or who). A figure,
# date or place asked of X ("How much does X give ...?") is what the deal so often leaves out
# that another party's sentence about the like is no correction.
_PRESUMES_RE = re.compile(r"^\s*(?:why|what)\b", re.IGNORECASE)
# Words of the asking, not of the deed.
_ASKING = frozenset(tokenize("why what how much many when where will would does do did is are "
                             "was were going be being the deal say says"))


@dataclass(frozen=True)
class Misattributed:
    party: str  # the one the question names
    other: Candidate  # the deal's sentence stating the deed, of another party
    own: Candidate  # what the deal says of the party named
    other_name: str  # the other party's name, as that sentence first gives it


def misattributed(a: QuestionAnalysis, cands: Sequence[Candidate], units: Sequence[Candidate],
                  stats: TermStats) -> Misattributed | None:
    """The correction a question giving another party's deed to the one it names needs, or
    None. ``units``: every unit of the deal, where what it says of the party is looked for."""
    party = party_of(a)
    if party is None:
        return None
    own_words = set(tokenize(party))
    deed = [t for t in dict.fromkeys(tokenize(a.question))
            if t not in own_words and t not in _ASKING and stats.known(t)]
    if len(deed) < 2:
        return None
    said = lambda c: stats.coverage(deed, terms(c.text))  # noqa: E731
    top = list(cands[:SCAN])
    if any(states_name(party, c.text) and said(c) >= CLAIM_SHARE * THEIRS for c in top):
        return None  # the deal says it of the party asked about (or near enough)
    best = max(top, key=said, default=None)
    if best is None or said(best) < CLAIM_SHARE or _names_around(party, best) \
            or sum(stats.rare(t, RARE_SHARE) for t in set(deed) & terms(best.text)) < RARE_SHARED \
            or not has_name(best.text, exclude=frozenset(tokenize(a.question))):
        return None
    mentions = [u for u in units if states_name(party, u.text)]
    if not mentions:
        return None  # a party the deal never names: the deal is silent, not mistaken
    own = max(mentions, key=said)
    if said(own) >= CLAIM_SHARE * THEIRS:
        return None  # it does, where retrieval did not reach
    asked = set(tokenize(a.question))
    other = next((m.group() for m in NAME_RUN_RE.finditer(best.text)
                  if POSSESSIVE_RE.sub("", m.group()).lower() not in GENERIC_NAMES
                  and not set(tokenize(m.group())) <= asked), "")
    return Misattributed(POSSESSIVE_RE.sub("", party), best, own, other)


def party_of(a: QuestionAnalysis) -> str | None:
    """The party a question takes a deed as given of: its first name (not a place), in a
    question that presumes the deed ("Why is X ...?"); None otherwise."""
    if not _PRESUMES_RE.match(a.question) or a.answer_type is not AnswerType.DESCRIPTION:
        return None
    return next((n for n in a.names if n not in a.places
                 and POSSESSIVE_RE.sub("", n).lower() not in GENERIC_NAMES), None)


def _names_around(party: str, c: Candidate) -> bool:
    """``c`` or the sentences before it name ``party``."""
    return any(states_name(party, c.passage.unit_text(u)) for u in context_units(c))
