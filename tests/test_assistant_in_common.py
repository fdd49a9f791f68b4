"""What two things have in common: each side found on its own, the shared place or name."""

from __future__ import annotations

from assistant.in_common import common_sides, pick_common
from assistant.scoring import Candidate, TermStats
from dealqa.types import AnswerType, Passage, Unit, UnitKind


def _cand(pid: str, text: str, rank: int) -> Candidate:
    p = Passage(f"doc#{pid}/001", "doc", text, ("Places",), 0, len(text),
                (Unit(UnitKind.SENTENCE, 0, len(text)),))
    return Candidate(p, p.units[0], 0, rank, text, 0.5, 0.5, 0.0, 1.0 / rank)


CANDS = [
    _cand("a", "Borealis Pharma is establishing its international headquarters in Leeds.", 1),
    _cand("b", "Zeta Labs will open a discovery centre in Leeds, creating 150 roles.", 2),
    _cand("c", "Zeta Labs also works with the University of Exeter on trials.", 3),
    _cand("d", "Borealis Pharma partners with the University of Exeter and Acme.", 4),
    _cand("e", "Acme Biologics is building a plant in Liverpool.", 5),
]
STATS = TermStats([c.passage for c in CANDS] + [
    Passage(f"doc#o/{i:03d}", "doc", "The government will support the sector.", ("Other",), 0, 40)
    for i in range(6)])


def test_the_place_both_sides_name_is_the_answer_with_each_side_quoted() -> None:
    q = "Which city is home to both Borealis Pharma's headquarters and the Zeta Labs centre?"
    sides = common_sides(q, AnswerType.PLACE)
    assert sides == ("Borealis Pharma's headquarters", "the Zeta Labs centre")
    name, c1, c2 = pick_common(q, sides, AnswerType.PLACE, CANDS, STATS)
    assert name == "Leeds" and (c1, c2) == (CANDS[0], CANDS[1])


def test_a_kind_that_names_itself_must_be_in_the_shared_name() -> None:
    q = "Which university works with both Zeta Labs and Borealis Pharma?"
    name, _, _ = pick_common(q, common_sides(q, AnswerType.ENTITY), AnswerType.ENTITY, CANDS,
                             STATS)
    assert name == "University of Exeter"  # not "Leeds", which they share too


def test_nothing_shared_or_no_two_sides_is_no_answer() -> None:
    q = "Which city is home to both Acme Biologics and the Zeta Labs centre?"
    assert pick_common(q, common_sides(q, AnswerType.PLACE), AnswerType.PLACE, CANDS,
                       STATS) is None
    assert common_sides("Which city is home to Zeta Labs?", AnswerType.PLACE) is None
    assert common_sides("How much do both A and B cost?", AnswerType.AMOUNT) is None
