"""Core benchmark on the real corpus: model load, ingest + index build, index load, query latency.

Run: ``.venv/bin/python -m bench.bench_core`` (or ``python bench/bench_core.py``). Everything is
built in a temp dir, so the project's index is never touched. Imports happen before any clock
starts: the numbers are for the work itself, not for Python loading modules. Writes
``bench/results/core.json`` and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

__all__ = [
    "timed",
    "load_questions",
    "bench_model_load",
    "bench_build",
    "bench_index_load",
    "bench_queries",
    "peak_rss_mb",
    "run_bench",
    "format_results",
    "main",
]

RESULTS = Path(__file__).resolve().parent / "results" / "core.json"
DEV_SET = Path(__file__).resolve().parent.parent / "eval" / "data" / "dev_qa.jsonl"
WARMUP = "What does this deal commit to?"
T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def load_questions(dataset: Path, n: int) -> list[tuple[str, tuple]]:
    """Up to ``n`` (question, history) pairs from the dataset, every category represented."""
    from eval.dataset import load_dataset

    items = load_dataset(dataset)
    # Round-robin over categories, so a short run still mixes amounts, lists, follow-ups ...
    by_cat: dict[str, list] = {}
    for item in items:
        by_cat.setdefault(item.category.value, []).append(item)
    picked, queues = [], [list(v) for v in by_cat.values()]
    while len(picked) < n and any(queues):
        for q in queues:
            if q and len(picked) < n:
                picked.append(q.pop(0))
    return [(i.question, i.history) for i in picked]


def bench_model_load(settings) -> tuple[Any, float]:
    """The embedder with its model loaded (first encode), and the seconds that took."""
    from dealqa.indexing import make_embedder

    embedder = make_embedder(settings)
    _, seconds = timed(lambda: embedder.embed_query("model load"))
    return embedder, seconds


def bench_build(settings, embedder, index_dir: Path) -> dict[str, Any]:
    """Ingest the corpus and build the index into ``index_dir`` (model already loaded)."""
    from dealqa.indexing import chunking_settings
    from ingest import corpus_paths, ingest_paths
    from retrieval.embeddings import embedder_id
    from retrieval.store import build_index

    paths = corpus_paths(settings.corpus_dir)
    result, ingest_s = timed(lambda: ingest_paths(
        paths, count_tokens=embedder.count_tokens, max_tokens=settings.chunk_max_tokens,
        hard_limit=settings.chunk_hard_limit,
    ))
    info = {"model": embedder_id(embedder), "model_name": settings.model_name,
            "chunking": chunking_settings(settings)}
    index, build_s = timed(lambda: build_index(result, embedder, index_dir, info))
    units = sum(len(p.units) for p in index.passages)
    return {"documents": len(index.documents), "passages": len(index.passages), "units": units,
            "ingest_s": ingest_s, "index_build_s": build_s,
            "ingest_and_build_s": ingest_s + build_s}


def bench_index_load(index_dir: Path, repeats: int = 5) -> dict[str, Any]:
    """First load (files just written, so in the page cache) and the median of ``repeats``."""
    from retrieval.store import load_index

    index, first = timed(lambda: load_index(index_dir))
    times = sorted(timed(lambda: load_index(index_dir))[1] for _ in range(repeats))
    return {"index": index, "first_load_s": first, "median_load_s": times[len(times) // 2]}


def bench_queries(make_assistant: Callable[[], Any],
                  questions: Sequence[tuple[str, tuple]]) -> dict[str, Any]:
    """Warm ``ask()`` and ``search()`` latency (ms) over distinct questions.

    Each gets its own assistant, so neither finds the query embeddings the other cached: both
    numbers include embedding the question, as a new user question would.
    """
    from eval.metrics import percentile

    # One loop after the other, not interleaved: the chain runs steps in worker threads, and
    # their idle OpenMP threads spin for a while after each call, which would be charged to
    # a search() that follows at once on a 2-core box.
    searcher = make_assistant()
    searcher.search(WARMUP, 5)  # warm-up, not measured
    search_ms = [timed(lambda q=q: searcher.search(q, 5))[1] * 1000 for q, _ in questions]
    asker = make_assistant()
    asker.ask(WARMUP)
    ask_ms = [timed(lambda q=q, h=h: asker.ask(q, h))[1] * 1000 for q, h in questions]
    return {
        "n_questions": len(questions),
        "ask_p50_ms": percentile(ask_ms, 50),
        "ask_p95_ms": percentile(ask_ms, 95),
        "ask_max_ms": max(ask_ms),
        "search_p50_ms": percentile(search_ms, 50),
        "search_p95_ms": percentile(search_ms, 95),
    }


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _machine() -> dict[str, Any]:
    import torch

    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "torch_threads": torch.get_num_threads(),
            # other processes on the box skew every timing: keep the evidence with the numbers
            "loadavg_1m_end": round(os.getloadavg()[0], 2)}


def run_bench(n_questions: int = 50, dataset: Path = DEV_SET) -> dict[str, Any]:
    # Imports first, so no timing below pays for them.
    import sentence_transformers  # noqa: F401  (the model-load timing must not include it)

    import ingest  # noqa: F401
    import retrieval.store  # noqa: F401
    from assistant import build_assistant
    from dealqa.settings import get_settings

    questions = load_questions(dataset, n_questions)
    load_start = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory(prefix="dealqa-bench-") as tmp:
        settings = get_settings().model_copy(update={"index_dir": Path(tmp) / "index"})
        embedder, model_load_s = bench_model_load(settings)
        build = bench_build(settings, embedder, settings.index_dir)
        load = bench_index_load(settings.index_dir)
        index = load.pop("index")
        queries = bench_queries(
            lambda: build_assistant(settings, embedder=embedder, index=index), questions)
    return {
        "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "dataset": str(dataset),
        "machine": {**_machine(), "loadavg_1m_start": load_start},
        "model_load_s": model_load_s,
        **build,
        **load,
        **queries,
        "peak_rss_mb": peak_rss_mb(),
    }


_ROWS = (
    ("model load", "model_load_s", "s"),
    ("ingest (parse + chunk)", "ingest_s", "s"),
    ("index build (embed + write)", "index_build_s", "s"),
    ("ingest + build", "ingest_and_build_s", "s"),
    ("index load, first", "first_load_s", "s"),
    ("index load, median", "median_load_s", "s"),
    ("ask() p50", "ask_p50_ms", "ms"),
    ("ask() p95", "ask_p95_ms", "ms"),
    ("search() p50", "search_p50_ms", "ms"),
    ("search() p95", "search_p95_ms", "ms"),
    ("peak RSS", "peak_rss_mb", "MB"),
)


def format_results(r: dict[str, Any]) -> str:
    m = r["machine"]
    lines = [f"corpus: {r['documents']} document(s), {r['passages']} passages, {r['units']} units; "
             f"{r['n_questions']} questions; {m['cpus']} CPUs, load average "
             f"{m.get('loadavg_1m_start', '?')} -> {m.get('loadavg_1m_end', '?')}"]
    width = max(len(label) for label, _, _ in _ROWS)
    for label, key, unit in _ROWS:
        value = r[key]
        shown = f"{value:.3f}" if unit == "s" else f"{value:.1f}"
        lines.append(f"{label.ljust(width)}  {shown.rjust(9)} {unit}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="questions for the latency runs")
    parser.add_argument("--dataset", type=Path, default=DEV_SET)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.n <= 0:
        parser.error(f"--n must be > 0, got {args.n}")
    results = run_bench(args.n, args.dataset)
    print(format_results(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
