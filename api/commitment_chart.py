"""Amounts by theme: the numbers behind the Commitments chart, and the chart as a PNG.

Summing a register naively double counts, so the totals follow three rules a reader can check:
a commitment tagged with several themes counts once in *each* of them (the bars are not meant
to add up); an itemised line whose total is also in the selection is left out (the £146m
programme already contains its £66m line); figures the register flags as estimates are left
out (they are forecasts, not commitments). Only one currency is charted: currencies are never
converted.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from commitments import Commitment, Register, Theme

__all__ = ["ThemeTotal", "theme_totals", "render_theme_chart", "format_money", "ESTIMATE_FLAG"]

ESTIMATE_FLAG = "estimate"
_SIGNS = {"GBP": "£", "USD": "$", "EUR": "€"}


@dataclass(frozen=True)
class ThemeTotal:
    theme: Theme
    amount: Decimal
    count: int  # commitments counted in ``amount``


def format_money(value: Decimal | int, unit: str = "GBP") -> str:
    """``Decimal(146000000)`` -> ``£146m``; ``1500000000`` -> ``£1.5bn``."""
    sign = _SIGNS.get(unit, "")
    value = Decimal(value)
    for suffix, size in (("bn", Decimal(10) ** 9), ("m", Decimal(10) ** 6)):
        if abs(value) >= size:
            digits = format((value / size).quantize(Decimal("0.1")).normalize(), "f")
            return f"{sign}{digits}{suffix}" if sign else f"{digits}{suffix} {unit}"
    return f"{sign}{int(value):,}" if sign else f"{int(value):,} {unit}"


def theme_totals(register: Register, chosen: Sequence[Commitment],
                 unit: str = "GBP") -> list[ThemeTotal]:
    """Per theme, the ``unit`` money of ``chosen`` (rules in the module docstring), largest
    first; themes with nothing are left out."""
    ids = {c.id for c in chosen}
    inside_a_total = {i for r in register.reconciliations if r.total_id in ids for i in r.item_ids}
    sums: dict[Theme, tuple[Decimal, int]] = {}
    for c in chosen:
        if c.unit != unit or ESTIMATE_FLAG in c.flags or c.id in inside_a_total:
            continue
        for t in c.themes:
            amount, n = sums.get(t, (Decimal(0), 0))
            sums[t] = (amount + Decimal(c.value), n + 1)
    totals = [ThemeTotal(t, a, n) for t, (a, n) in sums.items()]
    return sorted(totals, key=lambda x: (-x.amount, x.theme.value))


def render_theme_chart(totals: Sequence[ThemeTotal], unit: str = "GBP",
                       title: str = "Committed amounts by theme") -> bytes:
    """A horizontal bar chart as PNG bytes (matplotlib's Agg backend: no display, no pyplot
    global state, so concurrent requests cannot draw into each other's figure)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, NullFormatter

    rows = list(reversed(totals))  # largest at the top
    fig = Figure(figsize=(8, 0.42 * max(len(rows), 2) + 1.3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    if rows:
        values = [float(t.amount) for t in rows]
        bars = ax.barh([t.theme.value for t in rows], values, color="#0f766e")
        # Amounts span £1m to £20bn: a log axis keeps the small themes visible.
        ax.set_xscale("log")
        ax.set_xlim(min(values) / 2, max(values) * 8)
        ax.xaxis.set_major_formatter(
            FuncFormatter(lambda v, _pos: format_money(Decimal(str(v)), unit)))
        ax.xaxis.set_minor_formatter(NullFormatter())  # "3x10^7" labels help nobody
        for bar, t in zip(bars, rows):
            ax.text(bar.get_width() * 1.08, bar.get_y() + bar.get_height() / 2,
                    f"{format_money(t.amount, unit)} ({t.count})", va="center", fontsize=9)
        ax.set_xlabel("log scale; (n) = commitments counted", fontsize=9)
    else:
        ax.text(0.5, 0.5, f"No {unit} commitments match these filters", ha="center",
                va="center", transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
    ax.set_title(title, fontsize=11, loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
