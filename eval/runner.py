"""Run a QA system over a dataset, score every item, and write the run file.

The run file shape is a contract with external scorers (keys may be added, never renamed)::

    {"config": {...}, "metrics": {"overall": {...}, "by_category": {...}},
     "items": [{"id", "answer", "abstained", "citations": [{"passage_id", "text", "section"}],
                "retrieved": [{"passage_id", "text", "score"}], "latency_ms", ...extras}]}
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from dealqa.errors import DealQAError
from dealqa.settings import PROJECT_ROOT, Settings
from dealqa.types import Answer, Turn
from eval.dataset import QAItem, file_sha256, load_dataset, missing_evidence
from eval.metrics import CitedText, ItemScore, score_item, summarise

__all__ = [
    "AskLike",
    "CitationRecord",
    "RetrievedRecord",
    "ItemRecord",
    "RunResult",
    "DEFAULT_DATASET",
    "DEFAULT_RUN",
    "DEFAULT_REPORT_DIR",
    "run_eval",
    "run_config",
    "write_run",
    "write_runs",
    "git_commit",
    "display_path",
    "main_eval",
]

_EVAL_DIR = Path(__file__).resolve().parent
DEFAULT_DATASET = _EVAL_DIR / "data" / "dev_qa.jsonl"
DEFAULT_RUN = _EVAL_DIR / "runs" / "latest.json"
DEFAULT_REPORT_DIR = _EVAL_DIR / "report"
# Asked once, untimed, before the run: loads the model and warms caches without warming
# the cache entry of any dataset question.
WARMUP_QUESTION = "What does this deal commit to?"


class AskLike(Protocol):
    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer: ...


@dataclass(frozen=True)
class CitationRecord:
    passage_id: str
    text: str  # the whole cited passage
    section: str
    quote: str


@dataclass(frozen=True)
class RetrievedRecord:
    passage_id: str
    text: str
    score: float


@dataclass(frozen=True)
class ItemRecord:
    item: QAItem
    answer: str
    abstained: bool
    citations: tuple[CitationRecord, ...]
    retrieved: tuple[RetrievedRecord, ...]  # rank order
    latency_ms: float
    score: ItemScore
    error: str | None = None  # a DealQAError raised by ask(); the item then counts as wrong

    def to_dict(self) -> dict[str, Any]:
        s = self.score
        d: dict[str, Any] = {
            "id": self.item.id,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [
                {"passage_id": c.passage_id, "text": c.text, "section": c.section}
                for c in self.citations
            ],
            "retrieved": [
                {"passage_id": r.passage_id, "text": r.text, "score": r.score}
                for r in self.retrieved
            ],
            "latency_ms": round(self.latency_ms, 3),
            # extras (readers of the shape above may ignore them)
            "category": self.item.category.value,
            "question": self.item.question,
            "history": [{"q": t.q, "a": t.a} for t in self.item.history],
            "must_include": list(self.item.must_include),
            "cited_quotes": [c.quote for c in self.citations],
            "correct": s.correct,
            "recall_at_5": s.recall_at_5,
            "reciprocal_rank": s.reciprocal_rank,
            "citation_precision": (
                s.n_correct_citations / s.n_citations if s.n_citations else None
            ),
            "citation_recall": s.citation_recall,
        }
        if self.error is not None:
            d["error"] = self.error
        return d


@dataclass
class RunResult:
    name: str
    config: dict[str, Any]
    metrics: dict[str, Any]  # {"overall": {...}, "by_category": {...}}
    records: list[ItemRecord] = field(default_factory=list)

    @property
    def failures(self) -> list[ItemRecord]:
        return [r for r in self.records if not r.score.correct]

    def to_dict(self) -> dict[str, Any]:
        return {
            "config": self.config,
            "metrics": self.metrics,
            "items": [r.to_dict() for r in self.records],
        }


def _records_from(answer: Answer) -> tuple[tuple[CitationRecord, ...], tuple[RetrievedRecord, ...]]:
    retrieved = tuple(
        RetrievedRecord(h.passage.passage_id, h.passage.text, float(h.score))
        for h in sorted(answer.retrieved, key=lambda h: h.rank)
    )
    by_id = {r.passage_id: r.text for r in retrieved}
    # passage_text is optional on Citation; fall back to the retrieved passage, then the quote,
    # so a system that leaves it empty is still scored on what it cited.
    citations = tuple(
        CitationRecord(
            passage_id=c.passage_id,
            text=c.passage_text or by_id.get(c.passage_id, "") or c.quote,
            section=c.section,
            quote=c.quote,
        )
        for c in answer.citations
    )
    return citations, retrieved


def _answer_item(system: AskLike, item: QAItem) -> ItemRecord:
    t0 = time.perf_counter()
    try:
        answer = system.ask(item.question, item.history)
        error = None
    except DealQAError as err:
        answer, error = None, f"{type(err).__name__}: {err}"
    latency_ms = (time.perf_counter() - t0) * 1000
    if answer is None:
        text, abstained, citations, retrieved = "", False, (), ()
    else:
        text, abstained = answer.text, answer.abstained
        citations, retrieved = _records_from(answer)
    score = score_item(
        item,
        answer_text=text,
        abstained=abstained,
        cited=[CitedText(c.text, c.quote) for c in citations],
        retrieved_texts=[r.text for r in retrieved],
        latency_ms=latency_ms,
    )
    return ItemRecord(item, text, abstained, citations, retrieved, latency_ms, score, error)


def run_eval(
    system: AskLike,
    items: Sequence[QAItem],
    name: str = "hybrid",
    *,
    config: Mapping[str, Any] | None = None,
    warmup: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Answer every item in order (follow-ups with their history), timing each ``ask()``."""
    if not items:
        raise ValueError("items must not be empty")
    if warmup:
        system.ask(warmup, ())
    records = []
    for i, item in enumerate(items, start=1):
        records.append(_answer_item(system, item))
        if progress is not None:
            progress(i, len(items))
    cfg = {"system": name, **(config or {})}
    cfg.setdefault("timestamp", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    return RunResult(name, cfg, summarise([r.score for r in records]), records)


def git_commit() -> str | None:
    """Short HEAD commit of the project, or None when git is unavailable."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=5, check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def display_path(path: Path) -> str:
    """Relative to the project when inside it, so committed reports do not name a home dir."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(resolved)


def run_config(
    name: str, dataset: Path, settings: Settings, extra: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "system": name,
        "dataset": display_path(dataset),
        "dataset_sha256": file_sha256(dataset),
        "model": settings.model_name,
        "top_k": settings.top_k,
        "git_commit": git_commit(),
        "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        **(extra or {}),
    }


def write_run(result: RunResult, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_runs(results: Sequence[RunResult], path: Path) -> list[Path]:
    """The first result to ``path``, each other one beside it: ``RUN.json`` -> ``RUN.bm25.json``."""
    path = Path(path)
    written = [write_run(results[0], path)]
    for r in results[1:]:
        written.append(write_run(r, path.with_name(f"{path.stem}.{r.name}{path.suffix}")))
    return written


def _warn_missing_evidence(system: Any, items: Sequence[QAItem]) -> None:
    documents = getattr(system, "documents", None)
    if not callable(documents):
        return
    missing = missing_evidence(items, [d.text for d in documents()])
    if missing:
        shown = "; ".join(f"{i}: {q[:60]!r}" for i, q in missing[:5])
        print(f"warning: {len(missing)} evidence quote(s) not found in the indexed text "
              f"(recall cannot reach 1 on those items): {shown}", file=sys.stderr)


def _clear_query_cache(system: Any) -> bool:
    """Empty the system's query-embedding cache if it offers ``clear()``; whether it did.

    Every system answers the same questions: a cache the previous system filled would hide
    the embedding cost from this one's latency.
    """
    clear = getattr(getattr(system, "embedder", None), "clear", None)
    if callable(clear):
        clear()
        return True
    return False


def main_eval(
    dataset: Path | None,
    out: Path | None,
    baselines: bool,
    report_dir: Path | None,
    settings: Settings,
) -> int:
    """``dealqa eval``: run ours (and the baselines), print tables, write runs and the report."""
    from eval.report import write_report
    from eval.systems import build_systems
    from eval.tables import format_tables

    dataset = Path(dataset) if dataset else DEFAULT_DATASET
    items = load_dataset(dataset)
    results = []
    for named in build_systems(settings, baselines=baselines):
        if not results:
            _warn_missing_evidence(named.system, items)
        print(f"running {named.name} on {len(items)} items ...", file=sys.stderr, flush=True)
        cfg = run_config(named.name, dataset, settings, named.config)
        cfg["query_cache_cleared"] = _clear_query_cache(named.system)
        results.append(run_eval(named.system, items, named.name, config=cfg,
                                warmup=WARMUP_QUESTION))
    print(format_tables(results))
    for p in write_runs(results, Path(out) if out else DEFAULT_RUN):
        print(f"run written: {p}")
    report = write_report(results, Path(report_dir) if report_dir else DEFAULT_REPORT_DIR)
    print(f"report written: {report}")
    return 0
