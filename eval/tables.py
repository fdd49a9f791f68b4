"""Tables of run metrics, built once as rows and rendered as aligned text or Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eval.metrics import Metric
from eval.runner import RunResult

__all__ = [
    "Table",
    "LABELS",
    "format_value",
    "overall_table",
    "category_table",
    "category_comparison_table",
    "render_text",
    "render_markdown",
    "tables_for",
    "format_tables",
]

LABELS: dict[Metric, str] = {
    Metric.N_ITEMS: "items",
    Metric.N_ANSWERABLE: "answerable",
    Metric.N_UNANSWERABLE: "unanswerable",
    Metric.EVIDENCE_RECALL_AT_5: "evidence recall@5",
    Metric.MRR: "MRR",  # over the retrieved list, at most 10 deep
    Metric.ANSWER_ACCURACY: "answer accuracy",
    Metric.CITATION_PRECISION: "citation precision",
    Metric.CITATION_RECALL: "citation recall",
    Metric.ABSTENTION_RATE: "abstention (unanswerable)",
    Metric.FALSE_ABSTENTION_RATE: "false abstention (answerable)",
    Metric.MEDIAN_ANSWER_CHARS: "median answer chars",
    Metric.LATENCY_P50_MS: "latency p50 ms",
    Metric.LATENCY_P95_MS: "latency p95 ms",
}

_SHORT: dict[Metric, str] = {
    Metric.N_ITEMS: "n",
    Metric.EVIDENCE_RECALL_AT_5: "R@5",
    Metric.MRR: "MRR",
    Metric.ANSWER_ACCURACY: "acc",
    Metric.CITATION_PRECISION: "cit P",
    Metric.CITATION_RECALL: "cit R",
    Metric.ABSTENTION_RATE: "abst",
    Metric.FALSE_ABSTENTION_RATE: "false abst",
    Metric.MEDIAN_ANSWER_CHARS: "med chars",
    Metric.LATENCY_P50_MS: "p50 ms",
}
_COUNTS = {Metric.N_ITEMS, Metric.N_ANSWERABLE, Metric.N_UNANSWERABLE,
           Metric.MEDIAN_ANSWER_CHARS}
_MILLISECONDS = {Metric.LATENCY_P50_MS, Metric.LATENCY_P95_MS}


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def format_value(metric: Metric, value: float | int | None) -> str:
    if value is None:
        return "-"
    if metric in _COUNTS:
        return f"{value:.0f}"
    if metric in _MILLISECONDS:
        return f"{value:.1f}"
    return f"{value:.3f}"


def overall_table(results: Sequence[RunResult]) -> Table:
    """Metrics as rows, one column per system."""
    rows = tuple(
        (LABELS[m], *(format_value(m, r.metrics["overall"][m.value]) for r in results))
        for m in Metric
    )
    return Table("Overall", ("metric", *(r.name for r in results)), rows)


def category_table(result: RunResult) -> Table:
    """Categories as rows, the main metrics of one system as columns."""
    cols = list(_SHORT)
    rows = tuple(
        (cat, *(format_value(m, values[m.value]) for m in cols))
        for cat, values in result.metrics["by_category"].items()
    )
    return Table(f"Per category ({result.name})", ("category", *(_SHORT[m] for m in cols)), rows)


def category_comparison_table(results: Sequence[RunResult]) -> Table:
    """Categories as rows; answer accuracy and evidence recall@5 of every system side by side."""
    metrics = (Metric.ANSWER_ACCURACY, Metric.EVIDENCE_RECALL_AT_5, Metric.MRR)
    headers = ["category", *(f"{_SHORT[m]} {r.name}" for m in metrics for r in results)]
    rows = []
    for cat in results[0].metrics["by_category"]:
        cells = [
            format_value(m, r.metrics["by_category"].get(cat, {}).get(m.value))
            for m in metrics
            for r in results
        ]
        rows.append((cat, *cells))
    return Table("Per category, systems side by side", tuple(headers), tuple(rows))


def render_text(table: Table) -> str:
    widths = [max(len(row[i]) for row in (table.headers, *table.rows))
              for i in range(len(table.headers))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(cells[1:], widths[1:]))])

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([table.title, line(table.headers), rule, *(line(r) for r in table.rows)])


def render_markdown(table: Table) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    align = ["---", *("---:" for _ in table.headers[1:])]
    return "\n".join([line(table.headers), "|" + "|".join(align) + "|",
                      *(line(r) for r in table.rows)])


def tables_for(results: Sequence[RunResult]) -> list[Table]:
    tables = [overall_table(results), category_table(results[0])]
    if len(results) > 1:
        tables.append(category_comparison_table(results))
    return tables


def format_tables(results: Sequence[RunResult]) -> str:
    """The console summary: overall side by side, then per category."""
    if not results:
        raise ValueError("results must not be empty")
    return "\n\n".join(render_text(t) for t in tables_for(results))
