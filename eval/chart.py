"""Per-category bar chart (PNG): answer accuracy and evidence recall@5, one bar per system."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from eval.metrics import Metric
from eval.runner import RunResult

__all__ = ["plot_per_category"]

_PANELS = (
    (Metric.ANSWER_ACCURACY, "answer accuracy"),
    (Metric.EVIDENCE_RECALL_AT_5, "evidence recall@5"),
)


def plot_per_category(results: Sequence[RunResult], path: Path) -> Path:
    """Two panels (accuracy, recall@5); categories on x, grouped bars one per system.

    A metric undefined for a category (recall on unanswerable items) leaves its bar out.
    """
    if not results:
        raise ValueError("results must not be empty")
    # Figure + the Agg canvas directly: no pyplot global state, no display backend needed.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    categories = list(results[0].metrics["by_category"])
    n_bars = len(categories) * (len(results) + 1)  # + 1: the gap between groups
    fig = Figure(figsize=(min(16.0, max(8.0, 0.4 * n_bars)), 7.5))
    FigureCanvasAgg(fig)
    axes = fig.subplots(len(_PANELS), 1, sharex=True)
    width = 0.8 / len(results)
    for ax, (metric, label) in zip(axes, _PANELS):
        for j, result in enumerate(results):
            by_cat = result.metrics["by_category"]
            xs, ys = [], []
            for i, cat in enumerate(categories):
                x = i - 0.4 + width * (j + 0.5)
                value = by_cat.get(cat, {}).get(metric.value)
                if value is None:  # say so, or it reads as a zero
                    ax.text(x, 0.02, "n/a", ha="center", va="bottom", fontsize=7,
                            rotation=90, color="grey")
                else:
                    xs.append(x)
                    ys.append(value)
            ax.bar(xs, ys, width=width, label=result.name, color=f"C{j}")
        ax.set_ylim(0, 1.05)
        ax.set_ylabel(label)
        ax.grid(axis="y", alpha=0.3)
    # Above the plot, so it never hides a bar.
    axes[0].legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(results), frameon=False,
                   fontsize="small")
    fig.suptitle("Per-category results")
    axes[-1].set_xticks(range(len(categories)))
    counts = [results[0].metrics["by_category"][c]["n_items"] for c in categories]
    axes[-1].set_xticklabels([f"{c} (n={n})" for c, n in zip(categories, counts)],
                             rotation=30, ha="right")
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    return path
