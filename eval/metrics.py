"""QA metrics: pure functions over strings and numbers, then per-item scores and aggregates.

Conventions: every containment test runs on :func:`normalise`-d text with :func:`contains`
(number-aware substring). A metric that has no items to average over is ``None`` (shown as
"-"), never 0, so a category without answerable items does not look like a failure.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from eval.dataset import Category, QAItem
from eval.normalise import contains, normalise

__all__ = [
    "Metric",
    "CitedText",
    "ItemScore",
    "normalise",
    "contains",
    "evidence_recall_at_k",
    "reciprocal_rank",
    "answer_is_correct",
    "citation_is_correct",
    "citation_recall",
    "percentile",
    "score_item",
    "aggregate",
    "summarise",
]

RECALL_K = 5
MRR_K = 10


class Metric(str, Enum):
    """Keys of the metrics dict (overall and per category), in display order."""

    N_ITEMS = "n_items"
    N_ANSWERABLE = "n_answerable"
    N_UNANSWERABLE = "n_unanswerable"
    EVIDENCE_RECALL_AT_5 = "evidence_recall@5"
    MRR = "mrr"
    ANSWER_ACCURACY = "answer_accuracy"
    CITATION_PRECISION = "citation_precision"
    CITATION_RECALL = "citation_recall"
    ABSTENTION_RATE = "abstention_rate"  # on unanswerable items: higher is better
    FALSE_ABSTENTION_RATE = "false_abstention_rate"  # on answerable items: lower is better
    MEDIAN_ANSWER_CHARS = "median_answer_chars"
    LATENCY_P50_MS = "latency_p50_ms"
    LATENCY_P95_MS = "latency_p95_ms"


@dataclass(frozen=True)
class CitedText:
    """What a citation points at: the whole passage and the quoted span inside it."""

    passage_text: str
    quote: str = ""


@dataclass(frozen=True)
class ItemScore:
    category: str
    answerable: bool
    correct: bool
    abstained: bool
    recall_at_5: float | None  # None for unanswerable items
    reciprocal_rank: float | None
    n_citations: int
    n_correct_citations: int
    citation_recall: float | None
    answer_chars: int
    latency_ms: float


def _found(quote_n: str, texts_n: Sequence[str]) -> bool:
    return any(contains(t, quote_n) for t in texts_n)


def evidence_recall_at_k(
    evidence: Sequence[str], retrieved_texts: Sequence[str], k: int = RECALL_K
) -> float:
    """Fraction of evidence quotes contained in at least one of the top-``k`` passages."""
    if k <= 0:
        raise ValueError(f"k must be > 0, got {k}")
    if not evidence:
        raise ValueError("evidence must not be empty; recall is undefined for unanswerable items")
    top = [normalise(t) for t in retrieved_texts[:k]]
    return sum(_found(normalise(q), top) for q in evidence) / len(evidence)


def reciprocal_rank(
    evidence: Sequence[str], retrieved_texts: Sequence[str], k: int = MRR_K
) -> float:
    """1/rank of the first passage (within the top ``k``) containing any evidence quote, else 0."""
    if k <= 0:
        raise ValueError(f"k must be > 0, got {k}")
    quotes = [normalise(q) for q in evidence]
    for rank, text in enumerate(retrieved_texts[:k], start=1):
        text_n = normalise(text)
        if any(contains(text_n, q) for q in quotes):
            return 1.0 / rank
    return 0.0


def answer_is_correct(
    answer_text: str, abstained: bool, must_include: Sequence[str], answerable: bool
) -> bool:
    """Answerable: not abstained and every must_include string present. Else: abstained."""
    if not answerable:
        return abstained
    if abstained:
        return False
    text_n = normalise(answer_text)
    return all(contains(text_n, normalise(s)) for s in must_include)


def citation_is_correct(
    cited: CitedText, evidence: Sequence[str], must_include: Sequence[str]
) -> bool:
    """The cited passage (or quote) holds an evidence quote, or the quote holds a must_include."""
    where = [normalise(cited.passage_text), normalise(cited.quote)]
    if any(_found(normalise(q), where) for q in evidence):
        return True
    quote_n = where[1]
    return bool(quote_n) and any(contains(quote_n, normalise(s)) for s in must_include)


def citation_recall(evidence: Sequence[str], cited: Sequence[CitedText]) -> float:
    """Fraction of evidence quotes contained in some cited passage (0 with no citations)."""
    if not evidence:
        raise ValueError("evidence must not be empty; citation recall is undefined without it")
    texts = [normalise(c.passage_text) for c in cited] + [normalise(c.quote) for c in cited]
    return sum(_found(normalise(q), texts) for q in evidence) / len(evidence)


def percentile(values: Iterable[float], q: float) -> float | None:
    """Linear-interpolated percentile (numpy's default method); None for no values."""
    if not 0 <= q <= 100:
        raise ValueError(f"q must be in [0, 100], got {q}")
    xs = sorted(values)
    if not xs:
        return None
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def score_item(
    item: QAItem,
    *,
    answer_text: str,
    abstained: bool,
    cited: Sequence[CitedText],
    retrieved_texts: Sequence[str],
    latency_ms: float,
) -> ItemScore:
    answerable = item.answerable
    n_ok = sum(citation_is_correct(c, item.evidence, item.must_include) for c in cited)
    return ItemScore(
        category=item.category.value,
        answerable=answerable,
        correct=answer_is_correct(answer_text, abstained, item.must_include, answerable),
        abstained=abstained,
        recall_at_5=evidence_recall_at_k(item.evidence, retrieved_texts) if answerable else None,
        reciprocal_rank=reciprocal_rank(item.evidence, retrieved_texts) if answerable else None,
        n_citations=len(cited),
        n_correct_citations=n_ok,
        citation_recall=citation_recall(item.evidence, cited) if answerable else None,
        answer_chars=len(answer_text),
        latency_ms=latency_ms,
    )


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _rate(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def aggregate(scores: Sequence[ItemScore]) -> dict[str, float | int | None]:
    """Every :class:`Metric` over ``scores``."""
    ans = [s for s in scores if s.answerable]
    unans = [s for s in scores if not s.answerable]
    n_cit = sum(s.n_citations for s in ans)
    n_cit_ok = sum(s.n_correct_citations for s in ans)
    latencies = [s.latency_ms for s in scores]
    # Abstentions are one fixed sentence; counting them would make verbose answers look short.
    lengths = [s.answer_chars for s in scores if not s.abstained]
    m = {
        Metric.N_ITEMS: len(scores),
        Metric.N_ANSWERABLE: len(ans),
        Metric.N_UNANSWERABLE: len(unans),
        Metric.EVIDENCE_RECALL_AT_5: _mean([s.recall_at_5 for s in ans]),
        Metric.MRR: _mean([s.reciprocal_rank for s in ans]),
        Metric.ANSWER_ACCURACY: _rate([s.correct for s in scores]),
        Metric.CITATION_PRECISION: n_cit_ok / n_cit if n_cit else None,
        Metric.CITATION_RECALL: _mean([s.citation_recall for s in ans]),
        Metric.ABSTENTION_RATE: _rate([s.abstained for s in unans]),
        Metric.FALSE_ABSTENTION_RATE: _rate([s.abstained for s in ans]),
        Metric.MEDIAN_ANSWER_CHARS: percentile(lengths, 50),
        Metric.LATENCY_P50_MS: percentile(latencies, 50),
        Metric.LATENCY_P95_MS: percentile(latencies, 95),
    }
    return {k.value: v for k, v in m.items()}


def summarise(scores: Sequence[ItemScore]) -> dict[str, dict]:
    """``{"overall": {...}, "by_category": {category: {...}}}``, categories in Category order."""
    order = {c.value: i for i, c in enumerate(Category)}
    cats = sorted({s.category for s in scores}, key=lambda c: (order.get(c, len(order)), c))
    return {
        "overall": aggregate(scores),
        "by_category": {c: aggregate([s for s in scores if s.category == c]) for c in cats},
    }
