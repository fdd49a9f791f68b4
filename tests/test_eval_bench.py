"""bench.bench_core helpers that need no model (the benchmark itself runs by hand)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "eval" / "data" / "sample_qa.jsonl"

# bench/ is a folder of scripts, not an installed package: load the file itself.
_spec = importlib.util.spec_from_file_location("bench_core", ROOT / "bench" / "bench_core.py")
bench_core = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_core)
format_results, load_questions, peak_rss_mb = (
    bench_core.format_results, bench_core.load_questions, bench_core.peak_rss_mb)


def test_load_questions_mixes_categories_and_keeps_history() -> None:
    qs = load_questions(SAMPLE, 4)
    assert len(qs) == 4
    # sample_qa has 2 amounts first: round-robin takes one amount, then the other categories
    assert qs[0][0].startswith("How much will the 'Data to early diagnostics")
    assert not any(q.startswith("What will the R&D expenditure credit") for q, _ in qs)
    assert any(history for _, history in qs)  # the follow-up comes with its turns
    assert len(load_questions(SAMPLE, 99)) == 5


def test_format_results_is_one_aligned_line_per_measure() -> None:
    r = {"documents": 1, "passages": 10, "units": 50, "n_questions": 3,
         "machine": {"cpus": 2}, "model_load_s": 1.5, "ingest_s": 0.1, "index_build_s": 2.0,
         "ingest_and_build_s": 2.1, "first_load_s": 0.01, "median_load_s": 0.008,
         "ask_p50_ms": 12.34, "ask_p95_ms": 40.0, "search_p50_ms": 3.0, "search_p95_ms": 5.0,
         "peak_rss_mb": 612.3}
    lines = format_results(r).splitlines()
    assert lines[0].startswith("corpus: 1 document(s), 10 passages")
    assert "ask() p50" in lines[7] and lines[7].endswith("12.3 ms")
    assert len({len(line) - len(line.split()[-1]) for line in lines[1:]}) == 1


def test_peak_rss_is_positive_megabytes() -> None:
    assert 10 < peak_rss_mb() < 100_000
