"""Pooling run files of several QA sets (eval/summary.py, `dealqa summary`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dealqa.cli import main
from eval.summary import RunFileError, load_set, render_summary, summarise


def _item(i: int, *, correct: bool, answerable: bool = True, abstained: bool = False,
          cited: int = 1, cited_ok: int = 1, recall: float = 1.0) -> dict:
    return {"id": f"x-{i:03d}", "category": "amount" if answerable else "unanswerable",
            "answer": "£40m [1]", "abstained": abstained, "latency_ms": 10.0,
            "must_include": ["£40m"] if answerable else [], "correct": correct,
            "citations": [{"passage_id": f"p{j}", "text": "t", "section": "s"}
                          for j in range(cited)],
            "citation_precision": (cited_ok / cited) if cited else None,
            "recall_at_5": recall if answerable else None,
            "reciprocal_rank": recall if answerable else None,
            "citation_recall": recall if answerable else None}


def _write(path: Path, items: list[dict], commit: str = "abc1234") -> Path:
    path.write_text(json.dumps({"config": {"git_commit": commit}, "metrics": {},
                                "items": items}), encoding="utf-8")
    return path


@pytest.fixture
def two_sets(tmp_path: Path) -> list[Path]:
    # Set a: ours right on items 0-2, BM25 right on 0 and 3; one unanswerable, abstained by both.
    a = [_item(0, correct=True), _item(1, correct=True, cited=2, cited_ok=1),
         _item(2, correct=True), _item(3, correct=False, recall=0.0),
         _item(4, correct=True, answerable=False, abstained=True, cited=0)]
    a_bm25 = [_item(0, correct=True), _item(1, correct=False), _item(2, correct=False),
              _item(3, correct=True), _item(4, correct=True, answerable=False, abstained=True,
                                            cited=0)]
    # Set b: one answerable item, wrongly abstained by ours; no baseline run beside it.
    b = [_item(0, correct=False, abstained=True, cited=1, cited_ok=0)]
    _write(tmp_path / "a.bm25.json", a_bm25)
    return [_write(tmp_path / "a.json", a), _write(tmp_path / "b.json", b, "def5678")]


def test_pooled_metrics_are_those_of_one_run_over_all_items(two_sets: list[Path]) -> None:
    s = summarise(two_sets, resamples=200)
    m = s.metrics["hybrid"]
    assert (m["n_items"], m["n_answerable"], m["n_unanswerable"]) == (6, 5, 1)
    assert m["answer_accuracy"] == pytest.approx(4 / 6)
    # Citations pooled, not averaged per item: 4 right of 6 on answerable items.
    assert m["citation_precision"] == pytest.approx((1 + 1 + 1 + 1 + 0) / (1 + 2 + 1 + 1 + 1))
    assert m["false_abstention_rate"] == pytest.approx(1 / 5)
    assert m["abstention_rate"] == 1.0
    lo, hi = s.intervals["hybrid"]["answer_accuracy"]
    assert lo <= 4 / 6 <= hi


def test_baselines_compared_only_where_every_set_has_them(two_sets: list[Path]) -> None:
    # Set b has no BM25 run: pooling BM25 over set a alone would compare different items.
    assert summarise(two_sets, resamples=50).systems == ("hybrid",)
    s = summarise(two_sets[:1], resamples=500)
    assert s.systems == ("hybrid", "bm25")
    (p,) = s.paired
    assert (p.baseline, p.only_ours, p.only_baseline) == ("bm25", 2, 1)
    assert p.difference == pytest.approx(4 / 5 - 3 / 5)
    assert p.p_value == pytest.approx(1.0)
    text = render_summary(s, "Held-out")
    assert text.startswith("# Held-out\n")
    assert "| bm25 | 2 | 1 | +0.200 [" in text
    assert "| a | 0.800 | 0.600 | 5 |" in text
    # Pooled per category too: ours 3 of 4 amount items, BM25 2 of 4.
    assert "## Answer accuracy per category" in text
    assert "| amount | 0.750 | 0.500 | 4 |" in text
    assert "| unanswerable | 1.000 | 1.000 | 1 |" in text


def test_render_names_sets_and_commits(two_sets: list[Path]) -> None:
    text = render_summary(summarise(two_sets, resamples=50))
    assert "- Sets: a, b (6 items: 5 answerable, 1 unanswerable)" in text
    assert "- Runs made at commit(s): abc1234, def5678" in text
    assert "| answer accuracy | 0.667 [" in text


def test_missing_and_mismatched_run_files_say_what_to_do(tmp_path: Path,
                                                         two_sets: list[Path]) -> None:
    with pytest.raises(RunFileError, match=r"nope\.json not found: write it with `dealqa eval"):
        load_set(tmp_path / "nope.json")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(RunFileError, match="is not a readable run file"):
        load_set(tmp_path / "bad.json")
    _write(tmp_path / "b.bm25.json", [_item(7, correct=True)])
    with pytest.raises(RunFileError, match=r"b\.bm25\.json does not hold the same items as"):
        load_set(two_sets[1])
    with pytest.raises(RunFileError, match="no run files given"):
        summarise([])


def test_cli_summary_prints_or_writes(two_sets: list[Path], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", *map(str, two_sets)]) == 0
    assert "| answer accuracy |" in capsys.readouterr().out
    out = tmp_path / "report" / "SUMMARY.md"
    assert main(["summary", str(two_sets[0]), "--out", str(out), "--title", "T"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# T\n")
    assert main(["summary", str(tmp_path / "missing.json")]) == 2
    assert "missing.json not found" in capsys.readouterr().err


def test_resampled_statistics_are_the_metrics_aggregate_computes(two_sets: list[Path]) -> None:
    # The bootstrap re-states each metric over index arrays for speed; on the items as they are
    # (one "resample" that is the identity) it must give what a run reports.
    import numpy as np

    from eval.metrics import aggregate
    from eval.summary import _score, _statistics, load_set

    scores = [_score(it) for p in two_sets for it in load_set(p).items["hybrid"]]
    identity = np.arange(len(scores))[None, :]
    expected = aggregate(scores)
    for metric, statistic in _statistics(scores).items():
        assert statistic(identity)[0] == pytest.approx(expected[metric.value]), metric
