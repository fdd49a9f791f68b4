"""Finder matches rendered as a chat answer: only measures that fit about as well as the best."""

from __future__ import annotations

from dataclasses import replace

from assistant.support_route import (
    KEEP_RATIO,
    MAX_MEASURES,
    MIN_SCORE,
    SAME_PASSAGE_RATIO,
    answer_from_support,
)
from assistant.templates import load_templates
from dealqa.types import Citation
from finder.finder import Match, SupportResult
from finder.profile import Profile


def _match(n: int, score: float, tail: str = "") -> Match:
    quote = f"Measure {n} offers £{n}m to start-ups{tail}."
    cit = Citation(n=1, passage_id=f"doc#p/{n:03d}", document="Deal", section="Ideas",
                   quote=quote, start=0, end=len(quote), doc_id="doc", passage_text=quote)
    return Match(measure=f"Measure {n}", why=["sector: medtech"], figure=f"£{n}m",
                 conditions=[], citations=[cit], score=score)


def _answer(scores: list[float], tail: str = "", question: str = "a medtech start-up"):
    result = SupportResult(Profile(text=question),
                           [_match(i, s, tail) for i, s in enumerate(scores, 1)], "")
    return answer_from_support(result, load_templates())


def test_weak_matches_are_left_out_of_the_answer() -> None:
    text, citations, abstained = _answer([1.0, KEEP_RATIO + 0.01, KEEP_RATIO - 0.01])
    assert not abstained and [c.n for c in citations] == [1, 2]
    assert "Measure 2" in text and "Measure 3" not in text


def test_at_most_max_measures_and_nothing_means_abstain() -> None:
    _, citations, _ = _answer([1.0] * (MAX_MEASURES + 2))
    assert len(citations) == MAX_MEASURES
    text, citations, abstained = _answer([])
    assert abstained and citations == []


def test_a_loosely_fitting_best_measure_leaves_the_question_to_the_answerer() -> None:
    # Abstaining here hands the question to the extractive answerer (Assistant.ask).
    _, _, abstained = _answer([MIN_SCORE - 0.01])
    assert abstained
    _, citations, abstained = _answer([MIN_SCORE + 0.01])
    assert not abstained and len(citations) == 1


def test_quotes_share_one_budget_so_a_lone_measure_quotes_more() -> None:
    from assistant.support_route import ANSWER_CHARS, QUOTE_CHARS

    tail = ", including the Nexus incubator" + " and more" * 40
    lone, _, _ = _answer([1.0], tail)
    many, _, _ = _answer([1.0] * MAX_MEASURES, tail)
    assert "Nexus" in lone and len(lone) > max(QUOTE_CHARS, ANSWER_CHARS // MAX_MEASURES) + 40
    assert all(len(line) <= max(QUOTE_CHARS, ANSWER_CHARS // MAX_MEASURES) + 40
               for line in many.splitlines()[1:])


def test_a_runner_up_from_the_best_measures_own_passage_goes_on_describing_it() -> None:
    result = SupportResult(Profile(text="a medtech start-up"),
                           [_match(1, 1.0), _match(2, SAME_PASSAGE_RATIO + 0.01),
                            _match(3, SAME_PASSAGE_RATIO + 0.01)], "")
    same = replace(result.matches[1].citations[0], passage_id=result.matches[0].citations[0]
                   .passage_id)
    result.matches[1] = replace(result.matches[1], citations=[same])
    text, citations, _ = answer_from_support(result, load_templates())
    assert [c.n for c in citations] == [1, 2] and "Measure 3" not in text


def test_a_shortened_quote_keeps_the_measures_figure() -> None:
    quote = ("backing first-time and emerging fund managers through the British Business Bank's "
             "established Enterprise Capital Fund programme, supporting at least £1.5bn of new "
             "investment" + " and a great deal more besides" * 5)
    matches = []
    for n in (1, 2, 3):
        m = _match(n, 1.0)
        m.citations[0] = replace(m.citations[0], quote=quote, passage_text=quote, end=len(quote))
        matches.append(m)
    text, _, _ = answer_from_support(SupportResult(Profile(text="a fund"), matches, ""),
                                     load_templates())
    first = text.splitlines()[1]
    assert "£1.5bn of" in first and first.count("…") == 1
    assert len(first) < len(quote)


def test_a_shortened_quote_keeps_the_word_the_question_asks_about() -> None:
    """"Is Nexus meant to help start-ups like mine?": the quote keeps its opening (what the
    measure is) and goes on to the start-ups it is to grow, cutting what lies between."""
    quote = ("Partners across the region are establishing a £350m programme" + ", with more" * 30
             + ", including Nexus, a centre which will actively incubate and grow start-ups")
    m = _match(1, 1.0)
    m.citations[0] = replace(m.citations[0], quote=quote, passage_text=quote, end=len(quote))
    q = "I'm founding a start-up. Is the new programme meant to help companies like mine?"
    text, citations, _ = answer_from_support(SupportResult(Profile(text=q), [m], ""),
                                             load_templates())
    line = text.splitlines()[1]
    assert line.startswith("• Partners across the region") and " … " in line
    assert "grow start-ups [1]" in line and len(line) < len(quote)
    assert citations[0].quote == quote  # the citation keeps the whole verbatim unit


def test_the_words_asked_about_run_on_through_a_figure_to_the_phrase_end() -> None:
    # "grant" is asked about; its phrase ends at the comma after "£1.8m", not at its point.
    quote = ("There is a thriving sector in the region" + ", with more" * 30
             + ". With a government grant of £1.8m, the investment will create 50 jobs")
    m = _match(1, 1.0)
    m.citations[0] = replace(m.citations[0], quote=quote, passage_text=quote, end=len(quote))
    q = "We make test kits. Has the government put grant money behind a firm like us?"
    text, _, _ = answer_from_support(SupportResult(Profile(text=q), [m], ""), load_templates())
    line = text.splitlines()[1]
    assert "grant of £1.8m" in line, line
