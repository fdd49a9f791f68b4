"""The Commitments tab as plain Python (no Gradio): filters in, one HTML block out.

The block holds the itemised-total checks, the chart (an <img> of /api/commitments/chart.png
with the same filters) and the CSV link (/api/commitments?format=csv ...), then the table, so
the page, the chart and the download can never disagree about what the filters select.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from urllib.parse import urlencode

from api.commitment_chart import format_money
from commitments import InvalidFilterError, Register, Theme
from commitments.formats import to_rows

__all__ = ["CommitmentsController", "ALL_THEMES", "TABLE_COLUMNS"]

ALL_THEMES = "All themes"
# (row field, header) shown in the tab; the CSV has every field.
TABLE_COLUMNS = (("amount", "Amount"), ("purpose", "For"), ("committed_by", "By"),
                 ("place", "Place"), ("period", "When"), ("themes", "Themes"),
                 ("conditions", "Conditions"), ("flags", "Flags"))


class CommitmentsController:
    def __init__(self, register: Callable[[], Register | None]) -> None:
        self._register = register

    @staticmethod
    def theme_choices() -> list[str]:
        return [ALL_THEMES, *(t.value for t in Theme)]

    def show(self, theme: str | None, place: str | None, min_amount: str | None) -> str:
        register = self._register()
        if register is None:
            return _note("The commitments register is not available: rebuild the index "
                         "(`dealqa ingest`) and restart the server.", "error")
        filters = {"theme": "" if theme in (None, ALL_THEMES) else theme,
                   "place": (place or "").strip(), "min_amount": (min_amount or "").strip()}
        try:
            chosen = register.select(register.filter(**{k: v or None for k, v in filters.items()}))
        except InvalidFilterError as err:
            return _note(str(err), "error")
        query = urlencode({k: v for k, v in filters.items() if v})
        sep = "&" if query else ""
        n = len(chosen.commitments)
        return "".join([
            f'<div class="dq-cm" data-count="{n}">',
            f'<p class="dq-cm__count">{n} commitment{"s" if n != 1 else ""} · '
            f'<a class="dq-cm__csv" href="/api/commitments?format=csv{sep}{html.escape(query)}" '
            f'download="commitments.csv">Download CSV</a></p>',
            _checks(chosen),
            f'<img class="dq-cm__chart" alt="Committed amounts by theme" '
            f'src="/api/commitments/chart.png?{html.escape(query)}">',
            '<p class="dq-cm__note">Bars: £ amounts tagged with each theme. A commitment with '
            "several themes counts in each; itemised lines count once, inside their total; "
            "estimates are left out.</p>",
            _table(chosen),
            "</div>",
        ])


def _note(message: str, kind: str) -> str:
    return f'<p class="dq-note dq-note--{kind}">{html.escape(message)}</p>'


def _checks(register: Register) -> str:
    """One line per itemised total, e.g. "£146m programme ...: lines sum to £145m"."""
    items = []
    for r in register.reconciliations:
        total = register.get(r.total_id)
        verdict = "adds up" if r.ok else "does not add up"
        items.append(
            f'<li class="dq-check dq-check--{"ok" if r.ok else "mismatch"}">'
            f"<strong>{html.escape(total.raw)} {html.escape(total.purpose)}</strong>: "
            f"{len(r.item_ids)} lines sum to {format_money(r.items_sum, total.unit)} against a "
            f"total of {format_money(r.total, total.unit)}: {verdict}.</li>")
    return f'<ul class="dq-cm__checks">{"".join(items)}</ul>' if items else ""


def _table(register: Register) -> str:
    if not register.commitments:
        return _note("No commitment matches these filters.", "empty")
    head = "".join(f"<th>{h}</th>" for _, h in TABLE_COLUMNS) + "<th>Source</th>"
    rows = []
    for c, row in zip(register.commitments, to_rows(register.commitments)):
        cells = "".join(f"<td>{html.escape(row[f])}</td>" for f, _ in TABLE_COLUMNS)
        first = c.citations[0] if c.citations else None
        source = (f'<td title="{html.escape(first.quote)}">{html.escape(first.section)}</td>'
                  if first else "<td></td>")
        flagged = " dq-cm__row--flagged" if c.flags else ""
        rows.append(f'<tr class="dq-cm__row{flagged}" data-id="{html.escape(c.id)}">'
                    f"{cells}{source}</tr>")
    return (f'<div class="dq-cm__scroll"><table class="dq-cm__table"><thead><tr>{head}</tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></div>')
