"""eval.normalise / eval.metrics on hand-made cases."""

from __future__ import annotations

import math

import pytest

from eval.dataset import Category, QAItem
from eval.metrics import (
    CitedText,
    ItemScore,
    Metric,
    aggregate,
    answer_is_correct,
    citation_is_correct,
    citation_recall,
    evidence_recall_at_k,
    percentile,
    reciprocal_rank,
    score_item,
    summarise,
)
from eval.normalise import contains, normalise

# -- normalise ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  The  NHS\n\tLeads ", "the nhs leads"),
        ("2017–18 and 2017—18 and 2017‑18", "2017-18 and 2017-18 and 2017-18"),
        ("‘fill and finish’, “cell”, ″x″", "'fill and finish', \"cell\", \"x\""),
        ("**AstraZeneca** and *Financing Growth*", "astrazeneca and financing growth"),
        ("a \\$40m investment", "a $40m investment"),
        ("up to £210m⁷ from MSD¹ and Fund⁵", "up to £210m from msd and fund"),
        ("early diagnostics ⁶ and ISCF", "early diagnostics and iscf"),
        ("▶ A £50m programme", "a £50m programme"),
        ("2,000 staff", "2000 staff"),
        ("in 2017, 2018", "in 2017, 2018"),
    ],
)
def test_normalise_text_forms(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("variants", "canonical"),
    [
        (["£66 million", "£66 m", "£66m", "£66 mn", "£66 Million", "£ 66m"], "£66m"),
        (["£2.5 billion", "£2.5bn", "£2.5 bn", "£2.5 Billion"], "£2.5bn"),
        (["$30 million", "\\$30m", "$30m"], "$30m"),
        (["€1 billion", "€1bn"], "€1bn"),
        (["2.4 per cent", "2.4%", "2.4 percent", "2.4 %", "2.4 per  cent"], "2.4%"),
        # a count of time in words or digits
        (["eight months", "8 months", "Eight months"], "8 months"),
        (["two years", "2 years"], "2 years"),
        # ... and a multiple
        (["ten times", "10 times", "Ten times"], "10 times"),
    ],
)
def test_normalise_unifies_money_and_percent(variants: list[str], canonical: str) -> None:
    assert {normalise(v) for v in variants} == {canonical}


def test_normalise_leaves_lookalikes_alone() -> None:
    assert normalise("£5 more") == "£5 more"  # "m" of a word is not "million"
    assert normalise("the per cent sign") == "the per cent sign"  # no number before it
    assert normalise("25 members") == "25 members"
    assert normalise("one of the centres") == "one of the centres"  # no unit of time
    assert normalise("twenty years") == "twenty years"  # (small counts only)


def test_normalise_is_idempotent() -> None:
    for raw in ["**£2.5 billion**⁵ – 12 per cent", "“\\$40 million” ‑ 2,000", "  "]:
        once = normalise(raw)
        assert normalise(once) == once


@pytest.mark.parametrize(
    ("haystack", "needle", "expected"),
    [
        ("a £12m investment", "£12m", True),
        ("rose to 12.4%", "2.4%", False),  # never split a number
        ("creating 250 jobs", "25", False),
        ("from 2.4 onwards", "4", False),
        ("25% of stays", "25%", True),
        ("new vaccines centres", "vaccine", True),  # letters may continue
        ("anything", "", False),
        ("", "x", False),
        ("12 or 2", "2", True),  # a later, clean occurrence counts
    ],
)
def test_contains_is_number_aware(haystack: str, needle: str, expected: bool) -> None:
    assert contains(normalise(haystack), normalise(needle)) is expected


# -- retrieval metrics ----------------------------------------------------------------------------

P = [f"passage {i} about nothing in particular" for i in range(12)]


def _with(texts: list[str], at: dict[int, str]) -> list[str]:
    out = list(texts)
    for rank, text in at.items():
        out[rank - 1] = text
    return out


def test_recall_at_k_counts_quotes_in_top_k_only() -> None:
    retrieved = _with(P, {1: "it says alpha beta here", 6: "and gamma delta there"})
    evidence = ["alpha beta", "gamma delta"]
    assert evidence_recall_at_k(evidence, retrieved, k=5) == 0.5
    assert evidence_recall_at_k(evidence, retrieved, k=6) == 1.0


def test_recall_normalises_both_sides() -> None:
    retrieved = ["The Budget raised the R&D expenditure credit from 11 per cent to 12 per cent."]
    evidence = ["**R&D expenditure credit from 11 per cent to 12 per cent**"]
    assert evidence_recall_at_k(evidence, retrieved) == 1.0


def test_recall_with_nothing_retrieved_is_zero() -> None:
    assert evidence_recall_at_k(["alpha"], []) == 0.0


def test_recall_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="k must be > 0, got 0"):
        evidence_recall_at_k(["a"], ["a"], k=0)
    with pytest.raises(ValueError, match="evidence must not be empty"):
        evidence_recall_at_k([], ["a"])


def test_reciprocal_rank() -> None:
    evidence = ["alpha beta", "gamma"]
    assert reciprocal_rank(evidence, _with(P, {3: "gamma ray"})) == pytest.approx(1 / 3)
    assert reciprocal_rank(evidence, _with(P, {2: "gamma", 1: "alpha beta"})) == 1.0
    assert reciprocal_rank(evidence, P) == 0.0
    assert reciprocal_rank(evidence, _with(P, {11: "gamma"})) == 0.0  # beyond the top 10
    assert reciprocal_rank(evidence, []) == 0.0


# -- answer and citation metrics ------------------------------------------------------------------


def test_answer_correct_needs_every_must_include() -> None:
    text = "Up to £210 million [1], agreed in Jan 2018 [2]."
    assert answer_is_correct(text, False, ["£210m", "Jan 2018"], answerable=True)
    assert not answer_is_correct(text, False, ["£210m", "Leeds"], answerable=True)


def test_abstaining_is_wrong_on_answerable_and_right_on_unanswerable() -> None:
    text = "The document does not say; it mentions £210m elsewhere."
    assert not answer_is_correct(text, True, ["£210m"], answerable=True)
    assert answer_is_correct(text, True, [], answerable=False)
    assert not answer_is_correct("It is £5m.", False, [], answerable=False)


def test_citation_correct_by_evidence_in_passage_or_must_include_in_quote() -> None:
    evidence, must = ["invest up to £210m"], ["£210m"]
    assert citation_is_correct(CitedText("we will invest up to £210m⁷ to ..."), evidence, must)
    # the passage lacks the evidence quote, but the quoted span holds the answer
    assert citation_is_correct(CitedText("other", "programme of £210 million"), evidence, must)
    assert not citation_is_correct(CitedText("unrelated passage", "unrelated"), evidence, must)
    assert not citation_is_correct(CitedText("", ""), evidence, must)


def test_citation_recall() -> None:
    evidence = ["alpha beta", "gamma"]
    assert citation_recall(evidence, []) == 0.0
    assert citation_recall(evidence, [CitedText("x alpha beta y")]) == 0.5
    assert citation_recall(evidence, [CitedText("x alpha beta y"), CitedText("z", "gamma")]) == 1.0


# -- percentiles and aggregation ------------------------------------------------------------------


def test_percentile_matches_linear_interpolation() -> None:
    assert percentile([4, 1, 3, 2], 50) == 2.5
    assert percentile([10.0], 95) == 10.0
    assert percentile(range(1, 101), 95) == pytest.approx(95.05)
    assert percentile([], 50) is None
    with pytest.raises(ValueError, match="q must be in"):
        percentile([1], 101)


def _score(category: str, **kw) -> ItemScore:
    answerable = category != "unanswerable"
    base = dict(
        category=category, answerable=answerable, correct=True, abstained=False,
        recall_at_5=1.0 if answerable else None, reciprocal_rank=1.0 if answerable else None,
        n_citations=1 if answerable else 0, n_correct_citations=1 if answerable else 0,
        citation_recall=1.0 if answerable else None, answer_chars=100, latency_ms=10.0,
    )
    return ItemScore(**{**base, **kw})


def test_aggregate_overall() -> None:
    scores = [
        _score("amount", n_citations=2, n_correct_citations=1, answer_chars=50, latency_ms=5),
        _score("amount", correct=False, recall_at_5=0.5, reciprocal_rank=0.5,
               n_citations=2, n_correct_citations=2, citation_recall=0.0, answer_chars=300),
        _score("date", correct=False, abstained=True, recall_at_5=0.0, reciprocal_rank=0.0,
               n_citations=0, n_correct_citations=0, citation_recall=0.0, answer_chars=30),
        _score("unanswerable", abstained=True, answer_chars=30, latency_ms=20),
        _score("unanswerable", correct=False, answer_chars=200),
    ]
    m = aggregate(scores)
    assert m[Metric.N_ITEMS.value] == 5
    assert (m["n_answerable"], m["n_unanswerable"]) == (3, 2)
    assert m["evidence_recall@5"] == pytest.approx(0.5)
    assert m["mrr"] == pytest.approx(0.5)
    assert m["answer_accuracy"] == pytest.approx(2 / 5)
    assert m["citation_precision"] == pytest.approx(3 / 4)  # micro over citations
    assert m["citation_recall"] == pytest.approx(1 / 3)
    assert m["abstention_rate"] == 0.5
    assert m["false_abstention_rate"] == pytest.approx(1 / 3)
    assert m["median_answer_chars"] == 200  # of 50, 300, 200: abstentions excluded
    assert m["latency_p50_ms"] == 10.0
    assert set(m) == {metric.value for metric in Metric}


def test_aggregate_without_citations_or_items_gives_none_not_zero() -> None:
    m = aggregate([_score("unanswerable", abstained=True)])
    assert m["citation_precision"] is None
    assert m["evidence_recall@5"] is None and m["mrr"] is None
    assert m["false_abstention_rate"] is None
    assert m["median_answer_chars"] is None  # the only answer was an abstention
    assert m["abstention_rate"] == 1.0
    empty = aggregate([])
    assert empty["n_items"] == 0 and empty["answer_accuracy"] is None


def test_summarise_groups_by_category_in_category_order() -> None:
    scores = [_score("unanswerable", abstained=True), _score("date"), _score("amount"),
              _score("date", correct=False)]
    s = summarise(scores)
    assert list(s["by_category"]) == ["amount", "date", "unanswerable"]
    assert s["by_category"]["date"]["answer_accuracy"] == 0.5
    assert s["overall"]["n_items"] == 4


def test_score_item_end_to_end() -> None:
    item = QAItem(
        id="x", category=Category.AMOUNT, question="How much?", answer="£210m",
        must_include=("£210m",), evidence=("invest up to £210m",), section="Ideas",
    )
    passage = "Through the programme we will invest up to £210m⁷ to enhance health data."
    s = score_item(
        item, answer_text="Up to £210 million [1].", abstained=False,
        cited=[CitedText(passage, "up to £210m"), CitedText("unrelated", "unrelated")],
        retrieved_texts=["noise", passage], latency_ms=3.5,
    )
    assert s.correct and not s.abstained
    assert s.recall_at_5 == 1.0 and s.reciprocal_rank == 0.5
    assert (s.n_citations, s.n_correct_citations) == (2, 1)
    assert s.citation_recall == 1.0
    assert s.answer_chars == len("Up to £210 million [1].")
    assert math.isclose(s.latency_ms, 3.5)


def test_score_item_unanswerable_has_no_retrieval_metrics() -> None:
    item = QAItem(id="u", category=Category.UNANSWERABLE, question="Mars?", answer="",
                  must_include=(), evidence=(), section="")
    s = score_item(item, answer_text="Not in the document.", abstained=True, cited=[],
                   retrieved_texts=[], latency_ms=1.0)
    assert s.correct and s.recall_at_5 is None and s.citation_recall is None
