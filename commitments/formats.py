"""Rows, CSV and an aligned text table for commitments (what `dealqa commitments` prints)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal

from commitments.model import Commitment, Qualifier

__all__ = ["display_amount", "to_rows", "rows_to_csv", "rows_to_table", "ROW_FIELDS",
           "TABLE_COLUMNS"]

_SIGNS = {"GBP": "£", "USD": "$", "EUR": "€"}
_UNIT_WORDS = {"percent": "%", "percent_gdp": "% of GDP"}
ROW_FIELDS = ("id", "amount", "value", "unit", "qualifier", "purpose", "committed_by",
              "committed_by_kind", "beneficiaries", "place", "period", "conditions", "themes",
              "flags", "citations")
# (field, header, max width) for the text table
TABLE_COLUMNS = (("ref", "id", 22), ("amount", "amount", 18), ("purpose", "purpose", 44),
                 ("committed_by", "by", 26), ("place", "place", 16), ("period", "period", 16),
                 ("themes", "themes", 30), ("flags", "flags", 20))


def _plain(value: Decimal | int) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    s = format(value.normalize(), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def _money(value: Decimal | int, sign: str) -> str:
    value = Decimal(value)
    for suffix, size in (("bn", Decimal(10) ** 9), ("m", Decimal(10) ** 6)):
        if value >= size:
            return f"{sign}{_plain(value / size)}{suffix}"
    return f"{sign}{int(value):,}" if value == value.to_integral_value() else f"{sign}{value}"


def display_amount(c: Commitment) -> str:
    """``up to £210m``, ``nearly 100 jobs``, ``2.4% of GDP``, ``3 years``."""
    if c.unit in _SIGNS:
        figure = _money(c.value, _SIGNS[c.unit])
    elif c.unit in _UNIT_WORDS:
        figure = f"{_plain(c.value)}{_UNIT_WORDS[c.unit]}"
    else:
        figure = f"{_plain(c.value)} {c.unit}"
    if c.qualifier is Qualifier.CIRCA:
        return f"c.{figure}"
    return f"{c.qualifier.value} {figure}".strip()


def to_rows(commitments: Sequence[Commitment]) -> list[dict[str, str]]:
    """One flat, all-string row per commitment (lists joined with "; ")."""
    rows = []
    for c in commitments:
        rows.append({
            "id": c.id,
            "amount": display_amount(c),
            "value": _plain(c.value).replace(",", ""),
            "unit": c.unit,
            "qualifier": c.qualifier.value,
            "purpose": c.purpose,
            "committed_by": c.committed_by,
            "committed_by_kind": c.committed_by_kind.value,
            "beneficiaries": "; ".join(c.beneficiaries),
            "place": c.place,
            "period": c.period,
            "conditions": "; ".join(c.conditions),
            "themes": "; ".join(t.value for t in c.themes),
            "flags": "; ".join(c.flags),
            "citations": "; ".join(f"{r.passage_id}@{r.start}-{r.end}" for r in c.citations),
        })
    return rows


def rows_to_csv(rows: Sequence[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ROW_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def rows_to_table(rows: Sequence[dict[str, str]]) -> str:
    """Aligned columns, one line per row; long cells are cut with an ellipsis."""
    cells = [[_cut(_cell(r, f), w) for f, _, w in TABLE_COLUMNS] for r in rows]
    headers = [h for _, h, _ in TABLE_COLUMNS]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    out.append(f"{len(rows)} commitment{'s' if len(rows) != 1 else ''}")
    return "\n".join(out)


def _cell(row: dict[str, str], field: str) -> str:
    if field == "ref":  # the id without the document prefix: the table is read by people
        return row["id"].split("#", 1)[-1]
    kind = row["committed_by_kind"]
    if field == "committed_by" and kind != "other" and row["committed_by"].lower() != kind:
        return f"{row['committed_by']} ({kind})"
    return row[field]
