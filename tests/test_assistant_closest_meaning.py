"""The unit closest in meaning, quoted beside the one chosen for a question in other words."""

from __future__ import annotations

from assistant.closest_meaning import CLOSER_BY, PLAIN_COVERAGE, closest_in_meaning
from assistant.compose import Span
from assistant.scoring import Candidate
from dealqa.types import Passage, Unit, UnitKind

SENTENCES = ["New technologies mean we can diagnose illnesses earlier and more accurately.",
             "More accurate diagnosis can lead to early effective treatment and save lives.",
             "The Acme centre will open in Leeds next year."]


def _passage() -> Passage:
    text, units = "", []
    for s in SENTENCES:
        units.append(Unit(UnitKind.SENTENCE, len(text), len(text) + len(s)))
        text += s + " "
    return Passage("doc#a/001", "doc", text, ("Ideas",), 0, len(text), tuple(units))


def _cands(p: Passage, dense: list[float], lexical: list[float]) -> list[Candidate]:
    return [Candidate(p, u, i, 1, p.unit_text(u), d, x, 0.0, d + x)
            for i, (u, d, x) in enumerate(zip(p.units, dense, lexical))]


def test_a_question_in_other_words_gets_the_unit_closest_in_meaning_too() -> None:
    p = _passage()
    quoted = Span.of_unit(p, p.units[0])  # chosen for the words it shares
    low = PLAIN_COVERAGE - 0.1
    cands = _cands(p, [0.50, 0.50 + CLOSER_BY + 0.05, 0.20], [low, 0.05, 0.0])
    assert closest_in_meaning(cands, quoted) is cands[1]


def test_no_second_quote_where_the_words_match_or_meaning_is_no_closer() -> None:
    p = _passage()
    quoted = Span.of_unit(p, p.units[0])
    # the question's words are the deal's: the unit chosen for them answers
    words = _cands(p, [0.50, 0.60, 0.20], [PLAIN_COVERAGE + 0.1, 0.05, 0.0])
    assert closest_in_meaning(words, quoted) is None
    # about as close in meaning as the one quoted: one quote
    near = _cands(p, [0.50, 0.50 + CLOSER_BY / 2, 0.20], [0.1, 0.05, 0.0])
    assert closest_in_meaning(near, quoted) is None
    # the closest one is the one quoted
    same = _cands(p, [0.70, 0.50, 0.20], [0.1, 0.05, 0.0])
    assert closest_in_meaning(same, quoted) is None
