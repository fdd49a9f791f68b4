"""A unit only restating the question gives way to a fuller statement (assistant/fuller.py)."""

from __future__ import annotations

from assistant.fuller import fuller_restatement, fuller_statement
from assistant.scoring import Candidate, TermStats
from dealqa.types import Passage, Unit, UnitKind
from retrieval.text import tokenize

TEXTS = ["Reduce red tape in hiring international researchers.",
         "The board meets every quarter to review progress.",
         "We will reduce red tape in hiring international researchers, by relaxing the labour "
         "market test and letting research councils sponsor researchers.",
         "Acme will build a new vaccines plant in Speke."]
# (other units, so that the words above are rare enough to name something)
FILLER = [f"Filler sentence number {w} about the wider economy." for w in "abcdefghij"]


def _cands() -> tuple[list[Candidate], TermStats]:
    passages = [Passage(f"doc#u/{n:03d}", "doc", t, ("Ideas",), 0, len(t),
                        (Unit(UnitKind.SENTENCE, 0, len(t)),)) for n, t in enumerate(TEXTS + FILLER)]
    return [Candidate.of_unit(p, 0) for p in passages[: len(TEXTS)]], TermStats(passages)


def test_a_unit_restating_the_question_gives_way_to_the_same_thing_said_in_full() -> None:
    cands, stats = _cands()
    q = tokenize("What does reducing red tape for hiring international researchers involve?")
    assert fuller_statement(cands[0], cands, q, stats) is cands[2]
    # a unit saying more than the question stays the answer
    q = tokenize("What does reducing red tape involve?")
    assert fuller_statement(cands[0], cands, q, stats) is None
    # nothing restating it in full: the unit stays
    assert fuller_statement(cands[0], [cands[0], cands[1], cands[3]],
                            tokenize("How do we reduce red tape in hiring international "
                                     "researchers?"), stats) is None


def _sentences(texts: list[str]) -> list[Candidate]:
    """A one-sentence passage of its own for each text, as candidates."""
    return [Candidate.of_unit(Passage(f"doc#u/{n:03d}", "doc", t, ("People",), 0, len(t),
                                      (Unit(UnitKind.SENTENCE, 0, len(t)),)), 0)
            for n, t in enumerate(texts)]


def test_a_statement_cut_short_gives_way_to_the_whole_sentence_elsewhere() -> None:
    short = "The government will analyse all apprenticeship starts;"
    whole = ("The government will analyse all apprenticeship starts (by place and subject), "
             "assessing the impact on employer investment.")
    other = "The government will analyse all apprenticeship data by region and sector."
    cands = _sentences([short, other, whole])
    assert fuller_restatement(cands[0], cands) is cands[2]
    # the whole sentence is no cut-short statement of anything; nor is a heading of few words
    assert fuller_restatement(cands[2], cands) is None
    heading = Passage("doc#h/000", "doc", "The government will", ("People",), 0, 20,
                      (Unit(UnitKind.SENTENCE, 0, 20),))
    assert fuller_restatement(Candidate.of_unit(heading, 0), cands) is None


def test_a_statement_said_within_a_longer_sentence_gives_way_to_it() -> None:
    line = "Reduce red tape in hiring international researchers."
    whole = ("The government will speed up visas; and reduce red tape in hiring international "
             "researchers and their teams, by relaxing the labour market test.")
    apart = "We will reduce red tape, hiring more international researchers."
    lead = "In 2018 we will work to reduce red tape in hiring international researchers."
    cands = _sentences([line, apart, whole, lead])
    assert fuller_restatement(cands[0], cands[:3]) is cands[2]
    # (words of it said apart are no restatement)
    assert fuller_restatement(cands[0], cands[:2]) is None
    # a sentence only leading up to it says nothing more
    assert fuller_restatement(cands[0], [cands[0], cands[3]]) is None
