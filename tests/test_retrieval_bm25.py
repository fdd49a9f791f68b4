"""BM25 over the amount-aware tokeniser finds names and amounts in any spelling."""

from __future__ import annotations

import pytest
from test_retrieval_support import make_corpus

from dealqa.types import FootnoteRef, Passage
from retrieval.bm25 import BM25Retriever


@pytest.fixture
def bm25() -> BM25Retriever:
    return BM25Retriever(make_corpus().passages)


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("Seqirus", "Seqirus"),
        ("seqirus investment", "Seqirus"),
        ("£66m", "£66 million"),  # the passage spells it out
        ("66 million", "£66 million"),
        ("Stevenage", "Stevenage"),
        ("qiagen", "QIAGEN"),
        ("$100m", "\\$100m"),
        ("2.4%", "2.4 per cent"),
        ("2021-22 public investment", "2021/22"),
        ("800 researchers", "c.800"),
    ],
)
def test_top_hit_contains_the_needle(bm25, query, needle):
    hits = bm25.run(query, k=3)
    assert hits and needle in hits[0].passage.text


def test_hits_are_rank_ordered_and_scored(bm25):
    hits = bm25.run("manufacturing investment", k=5)
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))
    assert all(h.scores == {"bm25": h.score} and h.score > 0 for h in hits)


def test_no_shared_term_gives_no_hits(bm25):
    assert bm25.run("zebra", k=5) == []
    assert bm25.run("the of and", k=5) == []  # stop words only


def test_scores_cover_every_passage(bm25):
    scores = bm25.scores("Stevenage")
    assert scores.shape == (len(bm25.passages),)
    assert (scores > 0).sum() == 1


def test_section_path_is_indexed():
    # "Foreword" is only in the section label, never in the passage text.
    hits = BM25Retriever(make_corpus().passages).run("foreword", k=1)
    assert hits and hits[0].passage.section == ("Foreword",)


def test_constructor_validates():
    with pytest.raises(ValueError, match="k1 must be >= 0"):
        BM25Retriever([], k1=-1)
    with pytest.raises(ValueError, match=r"b must be in \[0, 1\]"):
        BM25Retriever([], b=2)
    with pytest.raises(ValueError, match="k must be > 0, got 0"):
        BM25Retriever(make_corpus().passages).run("x", k=0)


def test_empty_corpus_returns_nothing():
    assert BM25Retriever([]).run("Seqirus", k=3) == []


def _passage(pid: str, text: str, notes: tuple = ()) -> Passage:
    return Passage(pid, "doc", text, ("Ideas",), 0, len(text), footnotes=notes)


def test_condition_footnotes_are_searchable_with_their_passage_but_citations_are_not():
    condition = FootnoteRef(2, "Subject to business case approval by HM Treasury", "£210m", 20, 25)
    citation = FootnoteRef(3, "HM Treasury (2017), Financing Growth, https://gov.uk/x", "Firms", 9, 14)
    passages = [
        _passage("a", "The programme will invest up to £210m in diagnostics.", (condition,)),
        _passage("b", "The response to Financing Growth in Innovative Firms.", (citation,)),
        _passage("c", "Other funding for manufacturing."),
    ]
    hits = BM25Retriever(passages).run("needs Treasury approval", k=3)
    assert [h.passage.passage_id for h in hits] == ["a"]
