"""Units that only restate a question's premise: "The governance section says Biobank UK runs
some programmes day to day. Which drug companies will help sequence its genomes?" is matched
best by the deal's sentence about day-to-day delivery, which answers nothing asked; a unit
holding a word of the question proper (drug, sequence, genomes) may. Such units go last, and
they do not set how relevant the rest must be (``assistant.selection``)."""

from __future__ import annotations

from collections.abc import Callable

from assistant.arithmetic import detect_operation
from assistant.asks import asks_source
from assistant.given_figures import gives_figure
from assistant.per_unit import asks_average
from assistant.question_parts import background_premise, split_premise
from assistant.scoring import Candidate, terms
from assistant.total_parts import asks_parts
from retrieval.text import tokenize

__all__ = ["PREMISE_SHARE", "past_premise", "restater"]

# A unit holding this share of a question's premise restates it.
PREMISE_SHARE = 0.5


def restater(question: str, *, background: bool = False) -> Callable[[Candidate], bool] | None:
    """Whether a unit only restates ``question``'s premise; None where it has none, or needs
    what its premise states. ``background``: only a premise setting the scene counts, not a
    claim to check or the asker's profile (see ``background_premise``)."""
    if detect_operation(question) or asks_average(question) or asks_parts(question) \
            or asks_source(question) or gives_figure(question):
        # A sum or share works on the figures the premise names ("The programme includes
        # Nexus. How much is left once Nexus is taken out?"): they are needed, not restated;
        # so does a question about where the premise's figure comes from (its footnote), or
        # one giving a figure to work with the premise's ("... nine nurses per CCG. Across
        # four CCGs, how many is that?").
        return None
    premise, ask = background_premise(question) or ("", "") if background \
        else split_premise(question)
    said = set(tokenize(premise))
    asked = set(tokenize(ask)) - said
    if not said or not asked:
        return None

    def restates(c: Candidate) -> bool:
        t = terms(c.text)
        return len(said & t) >= PREMISE_SHARE * len(said) and not asked & t

    return restates


def past_premise(question: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the units that only restate the question's premise put last."""
    restates = restater(question)
    if restates is None:
        return cands
    return [c for c in cands if not restates(c)] + [c for c in cands if restates(c)]
