"""Unit scoring: relevance carried along a paragraph, on hand-built passages (no model)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from assistant.scoring import INHERIT, TermStats, known_as, score_candidates, spelled_out
from dealqa.types import Hit, Passage, Unit, UnitKind
from retrieval.text import tokenize


def _passage(text: str, kinds: dict[int, UnitKind] | None = None) -> Passage:
    """Units are the sentences/lines of ``text``; ``kinds`` overrides a unit's kind by index."""
    units = [Unit(kinds.get(i, UnitKind.SENTENCE) if kinds else UnitKind.SENTENCE, m.start(), m.end())
             for i, m in enumerate(re.finditer(r"[^.\n]+\.?", text)) if m.group().strip()]
    return Passage("doc#s/001", "doc", text, ("Ideas",), 0, len(text), tuple(units))


def _score(p: Passage, question: str):
    stats = TermStats([p, Passage("doc#o/001", "doc", "Other words entirely.", ("Other",), 0, 20)])
    vecs = {(p.passage_id, i): np.zeros(4, dtype=np.float32) for i in range(len(p.units))}
    cands = score_candidates([Hit(p, 1.0, 1)], vecs, np.zeros(4, dtype=np.float32),
                             tokenize(question), stats)
    return {c.unit_index: c for c in cands}


TEXT = ("Borealis Labs announced a research campus in Exeter. Building work is underway. "
        "The site will cost £70m.\n\nA separate paragraph mentions £9m.")


def test_a_sentence_inherits_from_the_two_before_it_in_its_paragraph() -> None:
    by = _score(_passage(TEXT), "Borealis Labs research campus Exeter")
    first = by[0]
    assert first.own_relevance > 0
    assert by[1].inherited == pytest.approx(INHERIT * first.own_relevance)
    assert by[2].inherited == pytest.approx(INHERIT * first.own_relevance)  # two back: still
    assert by[2].relevance == pytest.approx(max(by[2].own_relevance, by[2].inherited))
    assert by[3].inherited == 0.0  # a new paragraph starts afresh


def test_an_acronym_is_spelled_out_as_the_corpus_spells_it_once() -> None:
    texts = ["The Borealis Growth Fund Wave 1 is open.", "A BGF row.", "CAR-T cells; a CAR.",
             "Gamma Ray Works and Green River Water use GRW.", "GE Healthcare; Genomics England."]
    spelled = spelled_out(texts)
    assert spelled["bgf"] == frozenset(tokenize("Borealis Growth Fund"))
    assert "grw" not in spelled  # two ways to spell it: neither is taken
    assert "car" not in spelled and "ge" not in spelled  # "CAR-T"; two letters are initials


def test_a_name_known_as_another_stands_for_it_both_ways() -> None:
    texts = ["Alongside this, ZPX, known as Zeta Pharma Inc in the US, opened a lab."]
    assert known_as(texts) == {frozenset({"zpx"}): frozenset(tokenize("Zeta Pharma Inc")),
                               frozenset(tokenize("Zeta Pharma Inc")): frozenset({"zpx"})}
    stats = TermStats([Passage("doc#a/001", "doc", texts[0], ("Ideas",), 0, len(texts[0])),
                       Passage("doc#o/001", "doc", "Other text.", ("Other",), 0, 11)])
    assert {"zeta", "pharma"} <= stats.unit_terms("Staff based at ZPX's Exeter site.")
    assert "zeta" not in stats.unit_terms("Staff based at an Exeter site.")


def test_a_unit_using_an_acronym_matches_its_spelled_out_words() -> None:
    text = "Apr 2019\tProjects under BGF Wave 1 begin\nMay 2019\tOther projects begin"
    p = _passage(text, {0: UnitKind.TABLE_ROW, 1: UnitKind.TABLE_ROW})
    other = Passage("doc#o/001", "doc", "The Borealis Growth Fund Wave 1 is open.", ("Other",), 0, 40)
    stats = TermStats([p, other])
    vecs = {(p.passage_id, i): np.zeros(4, dtype=np.float32) for i in range(len(p.units))}
    cands = score_candidates([Hit(p, 1.0, 1)], vecs, np.zeros(4, dtype=np.float32),
                             tokenize("When do Growth Fund projects begin?"), stats)
    assert cands[0].unit_index == 0 and cands[0].lexical > cands[1].lexical


def test_a_tables_header_row_is_not_a_candidate() -> None:
    text = "Date\tMilestone\nApr 2019\tProjects begin\nMay 2019\tReview"
    p = _passage(text, {0: UnitKind.TABLE_ROW, 1: UnitKind.TABLE_ROW, 2: UnitKind.TABLE_ROW})
    assert sorted(_score(p, "Which milestone dates are there?")) == [1, 2]


def test_inheritance_does_not_compound_or_cross_bullets() -> None:
    text = "Borealis Labs research campus in Exeter. One. Two. Three."
    by = _score(_passage(text), "Borealis Labs research campus Exeter")
    assert by[3].inherited == pytest.approx(INHERIT * max(by[1].own_relevance, by[2].own_relevance))
    bullets = _passage("Borealis Labs research campus in Exeter.\nThe site costs £70m.",
                       {1: UnitKind.BULLET})
    assert _score(bullets, "Borealis Labs research campus Exeter")[1].inherited == 0.0


def _cand(text: str, relevance: float):
    from assistant.scoring import Candidate

    p = _passage(text)
    return Candidate(p, p.units[0], 0, 1, text, relevance, relevance, 0.0, relevance)


def _request(question: str, standalone: str = ""):
    from assistant.question import analyse_question
    from assistant.request import AnswerRequest

    return AnswerRequest(question, standalone or question, analyse_question(question), (),
                         np.zeros(4))


def test_a_firmness_question_takes_the_near_tied_restatement_with_a_qualifier() -> None:
    from assistant.selection import RELEVANT_RATIO, TIE_RATIO, Selector

    plain = _cand("A new £2.5bn fund will be set up in the bank.", 0.80)
    qualified = _cand("A new £2.5bn fund in the bank, with the intention to sell it once it has a "
                      "track record.", 0.80 * TIE_RATIO + 0.001)
    far = _cand("A new fund, to be sold once it has a record.", 0.80 * TIE_RATIO - 0.01)
    pick = Selector.qualified
    assert pick(_request("Will the fund stay in government hands?"), [plain, qualified]) is qualified
    assert pick(_request("Will the fund stay in government hands?"), [plain, far]) is plain
    # ... further below, a restatement of its figure (merely relevant, not near-tied)
    restated = "The £2.5bn fund is anticipated to be sold."
    near, below = (_cand(restated, 0.80 * RELEVANT_RATIO + d) for d in (0.001, -0.01))
    assert pick(_request("Will the fund stay in government hands?"), [plain, near]) is near
    assert pick(_request("Will the fund stay in government hands?"), [plain, below]) is plain
    # Not asked how firm it is: the best fit stands ...
    assert pick(_request("How big is the new fund?"), [plain, qualified]) is plain
    # ... nor is a yes/no question about a fact ("meant to", "able to") one
    assert pick(_request("Is the new fund meant to be able to invest abroad?"),
                [plain, qualified]) is plain
    assert pick(_request("Is the new fund a fixed sum or a ceiling?"),
                [plain, qualified]) is qualified


def test_up_to_makes_a_figure_a_ceiling() -> None:
    """"Is it a fixed £86m or a ceiling?" takes the restatement saying "up to £86m"."""
    from assistant.selection import TIE_RATIO, Selector

    plain = _cand("An £86m investment to support small businesses.", 0.80)
    ceiling = _cand("The government announced up to £86m to support innovators.",
                    0.80 * TIE_RATIO + 0.001)
    question = _request("Is the money for innovators a fixed £86m or a ceiling?")
    assert Selector.qualified(question, [plain, ceiling]) is ceiling


def test_a_followups_role_word_brings_its_synonyms() -> None:
    from assistant.selection import Selector

    corpus = [Passage(f"doc#p/{i:03d}", "doc", text, ("Ideas",), 0, len(text))
              for i, text in enumerate(["The network leads trials.", "Zeta Pharma invests.",
                                        "A fund for vaccines.", "Other words entirely.",
                                        "Skills for people.", "Places and regions."])]
    words = Selector(TermStats(corpus)).own_words(_request("Who leads it?", "Who leads it? (Zeta)"))
    assert "lead" in words and "chair" in words  # "chaired by" answers "who leads"


def test_near_tied_units_of_a_passage_are_told_apart_by_words_other_than_the_subjects() -> None:
    """The sentence answering what was asked about the subject beats the one naming it."""
    from assistant.scoring import Candidate
    from assistant.selection import Selector

    text = ("Zeta Pharma's Borealis Study examined a new inhaler. It was made possible through a "
            "collaboration between Zeta Pharma, Gamma University and Delta Trust. Patients did well.")
    p = _passage(text)
    others = [Passage(f"doc#o/{i:03d}", "doc", t, ("Other",), 0, len(t))
              for i, t in enumerate(["Other words entirely.", "A fund for vaccines."])]
    selector = Selector(TermStats([p, *others]))
    naming = Candidate(p, p.units[0], 0, 1, p.unit_text(p.units[0]), 0.6, 0.6, 0.5, 0.6)
    answering = Candidate(p, p.units[1], 1, 1, p.unit_text(p.units[1]), 0.58, 0.58, 0.5, 0.58)
    req = _request("Which partners made Zeta Pharma's Borealis Study possible?")
    assert selector._within_passage(req, [naming, answering])[0] is answering


def test_a_unit_near_tied_only_by_inheritance_must_go_on_from_the_top_one() -> None:
    """"It was made possible ..." continues the top sentence; "Continuing to ... large-scale
    assets", two sentences on, borrows its relevance and shares only a stray word."""
    from assistant.scoring import Candidate
    from assistant.selection import Selector

    text = ("Zeta Pharma's Borealis Study examined a new inhaler. It was made possible through a "
            "collaboration between Zeta Pharma and Gamma University. Patients did well. "
            "Continuing to grow large-scale assets will bring success.")
    p = _passage(text)
    others = [Passage(f"doc#o/{i:03d}", "doc", t, ("Other",), 0, len(t))
              for i, t in enumerate(["Other words entirely.", "A fund for vaccines."])]
    selector = Selector(TermStats([p, *others]))

    def cand(i: int, own: float, inherited: float) -> Candidate:
        return Candidate(p, p.units[i], i, 1, p.unit_text(p.units[i]), own, own, 0.5, own,
                         inherited)

    top, going_on, stray = cand(0, 0.6, 0.0), cand(1, 0.2, 0.55), cand(3, 0.2, 0.55)
    req = _request("Which partners made Zeta Pharma's Borealis Study possible?")
    assert selector._within_passage(req, [top, going_on])[0] is going_on
    req = _request("What is Zeta Pharma doing on population-scale work?")
    assert selector._within_passage(req, [top, stray])[0] is top
