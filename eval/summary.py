"""Results pooled over several QA sets' run files, with 95% intervals and paired comparisons.

One set of 56 questions cannot tell a real gain from noise, and the sets nobody tuned on are
small, so an evaluator pools them: ``dealqa summary eval/runs/blind24.json
eval/runs/blind25.json``. Each run file ``X.json`` (ours) is read with the baselines'
siblings that ``dealqa eval --baselines`` writes beside it (``X.recipe.json``, ``X.bm25.json``).
The pooled metrics are computed as a single run's are (``eval.metrics.aggregate``); the
intervals come from resampling items (``eval.stats``). Items of one set were written together
by one author, so they are not independent draws: read the intervals as a lower bound on the
uncertainty.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dealqa.errors import DealQAError
from eval.dataset import Category
from eval.metrics import ItemScore, Metric, aggregate
from eval.stats import bootstrap_interval, mcnemar_exact, resample_indices
from eval.tables import LABELS
from eval.targets import TARGETS

__all__ = ["RunFileError", "SetRuns", "Summary", "load_set", "summarise", "render_summary",
           "main_summary"]

OURS = "hybrid"
BASELINE_ORDER = ("recipe", "bm25")
# The metrics given with intervals: the ones the targets are about, latency and length aside
# (those are measured by the benchmark and need no resampling).
METRICS = (Metric.EVIDENCE_RECALL_AT_5, Metric.ANSWER_ACCURACY, Metric.CITATION_PRECISION,
           Metric.ABSTENTION_RATE, Metric.FALSE_ABSTENTION_RATE)


class RunFileError(DealQAError, ValueError):
    """A run file that is missing, unreadable, or does not match its siblings."""


@dataclass(frozen=True)
class SetRuns:
    name: str  # the run file's stem: "blind25"
    items: dict[str, list[dict[str, Any]]]  # system -> the run's items, in file order
    commits: dict[str, str]  # system -> the commit the run was made at ("?" if unknown)


@dataclass(frozen=True)
class Paired:
    baseline: str
    only_ours: int  # items ours answers correctly and the baseline does not
    only_baseline: int
    difference: float  # accuracy, ours minus the baseline
    interval: tuple[float, float] | None
    p_value: float


@dataclass(frozen=True)
class Summary:
    sets: tuple[SetRuns, ...]
    systems: tuple[str, ...]  # ours first, then the baselines every set has
    metrics: dict[str, dict[str, float | int | None]]  # system -> pooled metrics
    intervals: dict[str, dict[str, tuple[float, float] | None]]  # system -> metric -> interval
    paired: tuple[Paired, ...]


def _read(path: Path) -> dict[str, Any]:
    try:
        run = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RunFileError(f"{path} not found: write it with `dealqa eval --dataset ... "
                           f"--out {path}` (or `make eval-blind`)") from None
    except (OSError, json.JSONDecodeError) as err:
        raise RunFileError(f"{path} is not a readable run file ({err}): write it again "
                           f"with `dealqa eval --out {path}`") from None
    if not isinstance(run, dict) or not isinstance(run.get("items"), list):
        raise RunFileError(f"{path} has no 'items' list: is it a `dealqa eval --out` file?")
    return run


def load_set(path: Path) -> SetRuns:
    """Our run file and the baselines' siblings found beside it."""
    path = Path(path)
    runs = {OURS: _read(path)}
    for name in BASELINE_ORDER:
        sibling = path.with_name(f"{path.stem}.{name}.json")
        if sibling.exists():
            runs[name] = _read(sibling)
    ids = [it.get("id") for it in runs[OURS]["items"]]
    for name, run in runs.items():
        if [it.get("id") for it in run["items"]] != ids:
            raise RunFileError(f"{path.with_name(f'{path.stem}.{name}.json')} does not hold the "
                               f"same items as {path}: rerun `dealqa eval --baselines` for it")
    return SetRuns(path.stem, {n: r["items"] for n, r in runs.items()},
                   {n: str(r.get("config", {}).get("git_commit") or "?") for n, r in runs.items()})


def _score(item: dict[str, Any]) -> ItemScore:
    """The item's score as the run recorded it (its correctness was judged when it ran)."""
    n_cit = len(item.get("citations") or [])
    precision = item.get("citation_precision")
    return ItemScore(
        category=item.get("category", ""),
        answerable=bool(item.get("must_include")),
        correct=bool(item.get("correct")),
        abstained=bool(item.get("abstained")),
        recall_at_5=item.get("recall_at_5"),
        reciprocal_rank=item.get("reciprocal_rank"),
        n_citations=n_cit,
        n_correct_citations=round(precision * n_cit) if precision is not None else 0,
        citation_recall=item.get("citation_recall"),
        answer_chars=len(item.get("answer", "")),
        latency_ms=float(item.get("latency_ms", 0.0)),
    )


def _ratio(num: np.ndarray, den: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    def stat(idx: np.ndarray) -> np.ndarray:
        n, d = num[idx].sum(axis=1), den[idx].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(d > 0, n / np.where(d > 0, d, 1), np.nan)
    return stat


def _statistics(scores: Sequence[ItemScore]) -> dict[Metric, Callable[[np.ndarray], np.ndarray]]:
    """Each metric as a function of a matrix of resampled item indices, defined as
    ``aggregate`` defines it (a mean over answerable items, a rate over unanswerable ones ...)."""
    ans = np.array([s.answerable for s in scores], dtype=float)
    abst = np.array([s.abstained for s in scores], dtype=float)
    recall = np.array([s.recall_at_5 or 0.0 for s in scores], dtype=float)
    return {
        Metric.EVIDENCE_RECALL_AT_5: _ratio(recall * ans, ans),
        Metric.ANSWER_ACCURACY: _ratio(np.array([s.correct for s in scores], dtype=float),
                                       np.ones(len(scores))),
        Metric.CITATION_PRECISION: _ratio(
            np.array([s.n_correct_citations for s in scores], dtype=float) * ans,
            np.array([s.n_citations for s in scores], dtype=float) * ans),
        Metric.ABSTENTION_RATE: _ratio(abst * (1 - ans), 1 - ans),
        Metric.FALSE_ABSTENTION_RATE: _ratio(abst * ans, ans),
    }


def _paired(ours: Sequence[ItemScore], other: Sequence[ItemScore], name: str,
            idx: np.ndarray) -> Paired:
    a = np.array([s.correct for s in ours], dtype=float)
    b = np.array([s.correct for s in other], dtype=float)
    only_ours, only_other = int(((a == 1) & (b == 0)).sum()), int(((a == 0) & (b == 1)).sum())
    interval = bootstrap_interval(lambda i: a[i].mean(axis=1) - b[i].mean(axis=1), idx)
    return Paired(name, only_ours, only_other, float(a.mean() - b.mean()), interval,
                  mcnemar_exact(only_ours, only_other))


def summarise(paths: Sequence[Path], resamples: int = 2000, seed: int = 0) -> Summary:
    if not paths:
        raise RunFileError("no run files given: name one or more, e.g. eval/runs/blind25.json")
    sets = tuple(load_set(p) for p in paths)
    systems = tuple(s for s in (OURS, *BASELINE_ORDER) if all(s in r.items for r in sets))
    scores = {s: [_score(it) for r in sets for it in r.items[s]] for s in systems}
    if not scores[OURS]:
        raise RunFileError(f"the run files hold no items: {', '.join(map(str, paths))}")
    idx = resample_indices(len(scores[OURS]), resamples, seed)
    metrics = {s: aggregate(scores[s]) for s in systems}
    intervals = {s: {m.value: bootstrap_interval(f, idx)
                     for m, f in _statistics(scores[s]).items()} for s in systems}
    paired = tuple(_paired(scores[OURS], scores[s], s, idx) for s in systems if s != OURS)
    return Summary(sets, systems, metrics, intervals, paired)


def _cell(value: float | int | None, interval: tuple[float, float] | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" + (f" [{interval[0]:.3f}, {interval[1]:.3f}]" if interval else "")


def render_summary(summary: Summary, title: str = "") -> str:
    ours = summary.metrics[OURS]
    names = ", ".join(s.name for s in summary.sets)
    commits = sorted({c for s in summary.sets for c in s.commits.values()})
    lines = [f"# {title or 'Results over ' + names}", "",
             f"- Sets: {names} ({ours[Metric.N_ITEMS.value]} items: "
             f"{ours[Metric.N_ANSWERABLE.value]} answerable, "
             f"{ours[Metric.N_UNANSWERABLE.value]} unanswerable)",
             f"- Runs made at commit(s): {', '.join(commits)}",
             "- In brackets: 95% percentile bootstrap intervals over items (2,000 resamples, "
             "seed 0). A set's items were written together, so these are if anything too "
             "narrow.", ""]
    lines += _metrics_table(summary)
    lines += _accuracy_table(summary, "set", [(r.name, {s: r.items[s] for s in summary.systems})
                                              for r in summary.sets])
    lines += _accuracy_table(summary, "category", _by_category(summary))
    lines += _paired_table(summary.paired)
    return "\n".join(lines) + "\n"


def _header(first: str, systems: Sequence[str], *rest: str) -> list[str]:
    cols = [first, *systems, *rest]
    return ["| " + " | ".join(cols) + " |", "|---|" + "---:|" * (len(cols) - 1)]


def _metrics_table(summary: Summary) -> list[str]:
    target = {t.metric: f"{t.direction.value} {t.threshold:g}" for t in TARGETS}
    lines = _header("metric", summary.systems, "target")
    for m in METRICS:
        cells = [_cell(summary.metrics[s][m.value], summary.intervals[s][m.value])
                 for s in summary.systems]
        lines.append(f"| {LABELS[m]} | " + " | ".join(cells) + f" | {target.get(m, '')} |")
    return lines


def _by_category(summary: Summary) -> list[tuple[str, dict[str, list[dict[str, Any]]]]]:
    """Each category's items over all the sets, per system, in the dataset's category order."""
    order = [c.value for c in Category]
    found = {it.get("category", "") for r in summary.sets for it in r.items[OURS]}
    cats = sorted(found, key=lambda c: (order.index(c) if c in order else len(order), c))
    return [(c, {s: [it for r in summary.sets for it in r.items[s] if it.get("category") == c]
                 for s in summary.systems}) for c in cats]


def _accuracy_table(summary: Summary, what: str,
                    groups: list[tuple[str, dict[str, list[dict[str, Any]]]]]) -> list[str]:
    """Answer accuracy of each system on each group of items (a set, a category)."""
    lines = ["", f"## Answer accuracy per {what}", ""]
    lines += _header(what, summary.systems, "items")
    for name, items in groups:
        accs = [aggregate([_score(it) for it in items[s]])[Metric.ANSWER_ACCURACY.value]
                for s in summary.systems]
        lines.append(f"| {name} | " + " | ".join(_cell(a, None) for a in accs)
                     + f" | {len(items[OURS])} |")
    return lines


def _paired_table(paired: Sequence[Paired]) -> list[str]:
    if not paired:
        return []
    lines = ["", f"## {OURS} against each baseline, item by item (answer accuracy)", "",
             f"| baseline | only {OURS} right | only the baseline right | difference "
             "[95% interval] | exact McNemar p |", "|---|---:|---:|---:|---:|"]
    for p in paired:
        interval = f" [{p.interval[0]:+.3f}, {p.interval[1]:+.3f}]" if p.interval else ""
        lines.append(f"| {p.baseline} | {p.only_ours} | {p.only_baseline} | "
                     f"{p.difference:+.3f}{interval} | {p.p_value:.3g} |")
    return lines


def main_summary(paths: Sequence[Path], out: Path | None = None, title: str = "") -> int:
    text = render_summary(summarise(paths), title)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}")
    else:
        print(text, end="")
    return 0
