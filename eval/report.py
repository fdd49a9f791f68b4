"""Markdown report of one or more runs on the same items (ours first, baselines after)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from eval.chart import plot_per_category
from eval.metrics import RECALL_K
from eval.normalise import contains, normalise
from eval.runner import ItemRecord, RunResult
from eval.tables import LABELS, Table, format_value, render_markdown, tables_for
from eval.targets import TARGETS, TargetStatus, check_target

__all__ = ["REPORT_NAME", "CHART_NAME", "diagnose", "render_report", "write_report"]

REPORT_NAME = "REPORT.md"
CHART_NAME = "per_category.png"
_EXCERPT_CHARS = 400  # most answers fit whole (the target median is 400)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _inline(text: str, limit: int = _EXCERPT_CHARS) -> str:
    """One line of literal text for Markdown: whitespace collapsed, cut, specials escaped."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return _MD_SPECIAL.sub(r"\\\1", flat)


def diagnose(record: ItemRecord) -> str:
    """Why an item failed, in a few words (empty for a correct item)."""
    s, item = record.score, record.item
    if s.correct:
        return ""
    if record.error:
        return f"error: {record.error}"
    if not item.answerable:
        return "answered a question the document does not answer"
    recall = f"evidence recall@{RECALL_K} = {s.recall_at_5:.2f}"
    if s.abstained:
        return f"abstained ({recall})"
    text_n = normalise(record.answer)
    missing = [m for m in item.must_include if not contains(text_n, normalise(m))]
    return f"missing {', '.join(repr(m) for m in missing)} ({recall})"


def _targets_table(results: Sequence[RunResult]) -> Table:
    rows = []
    for target in TARGETS:
        cells = []
        for r in results:
            overall = r.metrics["overall"]
            status = check_target(target, overall)
            value = format_value(target.metric, overall.get(target.metric.value))
            mark = {TargetStatus.MET: "✅ met", TargetStatus.NOT_MET: "❌ not met"}.get(
                status, status.value)
            cells.append(f"{value} {mark}")
        rows.append((f"{LABELS[target.metric]} {target.direction.value} {target.threshold:g}",
                     *cells))
    return Table("Targets", ("target", *(r.name for r in results)), tuple(rows))


def _header(results: Sequence[RunResult]) -> list[str]:
    cfg = results[0].config
    overall = results[0].metrics["overall"]
    date = cfg.get("timestamp") or datetime.now(timezone.utc).isoformat(timespec="seconds")
    sha = (cfg.get("dataset_sha256") or "")[:12]
    lines = [
        "# dealqa evaluation report",
        "",
        f"- Date: {date}",
        f"- Commit: {cfg.get('git_commit') or 'unknown'}",
        f"- Dataset: `{cfg.get('dataset', '?')}` (sha256 {sha or '?'}): "
        f"{overall['n_items']} items, {overall['n_answerable']} answerable, "
        f"{overall['n_unanswerable']} unanswerable",
        f"- Model: {cfg.get('model', '?')}, top_k {cfg.get('top_k', '?')}",
        "- Systems (same items, same order):",
    ]
    for r in results:
        description = r.config.get("description")
        lines.append(f"  - **{r.name}**" + (f": {description}" if description else ""))
    depth = ", ".join(f"{r.name} {max((len(x.retrieved) for x in r.records), default=0)}"
                      for r in results)
    lines += [
        "",
        f"Retrieval metrics score the passages each answer reports as retrieved (deepest list: "
        f"{depth}); MRR stops at rank 10. Latency is wall time per `ask()` after one warm-up "
        "question. Median answer length counts answered (not abstained) items.",
    ]
    shared = [r.name for r in results[1:] if r.config.get("query_cache_cleared") is False]
    if shared:
        lines += ["", f"Note: no query-embedding cache could be cleared before "
                  f"{', '.join(shared)}; where one is shared with {results[0].name} (the "
                  "baselines share ours), latency leaves out embedding the question."]
    return lines


def _failures(results: Sequence[RunResult]) -> list[str]:
    main = results[0]
    lines = [f"## Failed items ({main.name}): {len(main.failures)} of {len(main.records)}", ""]
    for other in results[1:]:
        lines.append(f"- {other.name} fails {len(other.failures)} of {len(other.records)}; "
                     "see its run file for details.")
    if len(results) > 1:
        lines.append("")
    for rec in main.failures:
        item = rec.item
        expected = ", ".join(f"`{m}`" for m in item.must_include) or "an abstention"
        got = "(abstained) " if rec.abstained else ""
        lines += [
            f"- **{_inline(item.id)}** ({item.category.value}): {_inline(item.question)}",
            f"  - expected: {expected}",
            f"  - got: {got}{_inline(rec.answer) or '(empty)'}",
            f"  - why: {_inline(diagnose(rec), 400)}",
        ]
    return lines


def render_report(results: Sequence[RunResult], chart_name: str = CHART_NAME) -> str:
    if not results:
        raise ValueError("results must not be empty")
    lines = _header(results)
    for table in (_targets_table(results), *tables_for(results)):
        lines += ["", f"## {table.title}", "", render_markdown(table)]
    lines += ["", "## Chart", "", f"![Per-category answer accuracy and evidence recall@5]"
              f"({chart_name})", ""]
    lines += _failures(results)
    return "\n".join(lines) + "\n"


def write_report(results: Sequence[RunResult], out_dir: Path) -> Path:
    """Write ``REPORT.md`` and ``per_category.png`` into ``out_dir``; returns the report path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plot_per_category(results, out_dir / CHART_NAME)
    path = out_dir / REPORT_NAME
    path.write_text(render_report(results, CHART_NAME), encoding="utf-8")
    return path
