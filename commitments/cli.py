"""`dealqa commitments [--theme T] [--place P] [--min-amount X] [--format table|csv|json]`.

The lead wires argparse to :func:`main_commitments`; this module only turns a register and the
options into the text to print.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

from commitments.errors import InvalidFilterError
from commitments.formats import rows_to_table
from commitments.model import Theme
from commitments.register import Register

__all__ = ["OutputFormat", "main_commitments"]


class OutputFormat(str, Enum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"

    @classmethod
    def parse(cls, value: "OutputFormat | str") -> "OutputFormat":
        try:
            return cls(value.lower() if isinstance(value, str) else value)
        except ValueError:
            choices = ", ".join(f.value for f in cls)
            raise InvalidFilterError(
                f"unknown format '{value}' — choose one of: {choices}") from None


def _reconciliation_lines(register: Register) -> list[str]:
    lines = []
    for r in register.reconciliations:
        verdict = "adds up" if r.ok else "does NOT add up"
        total = register.get(r.total_id)
        lines.append(f"{total.id.split('#', 1)[-1]}: {len(r.item_ids)} lines sum to "
                     f"{_short(r.items_sum)} against a total of {_short(r.total)} — {verdict}")
    return lines


def _short(value: Decimal) -> str:
    for suffix, size in (("bn", Decimal(10) ** 9), ("m", Decimal(10) ** 6)):
        if value >= size:
            s = format((value / size).normalize(), "f")
            return s + suffix
    return format(value.normalize(), "f")


def main_commitments(register: Register, theme: Theme | str | None = None,
                     place: str | None = None, min_amount: Decimal | int | str | None = None,
                     fmt: OutputFormat | str = OutputFormat.TABLE) -> str:
    """The filtered register as an aligned table, CSV or JSON (a string to print)."""
    chosen = register.select(register.filter(theme=theme, place=place, min_amount=min_amount))
    out_format = OutputFormat.parse(fmt)
    if out_format is OutputFormat.CSV:
        return chosen.to_csv()
    if out_format is OutputFormat.JSON:
        return chosen.to_json()
    text = rows_to_table(chosen.to_rows())
    checks = _reconciliation_lines(chosen)
    return text + ("\n\nItemised totals:\n" + "\n".join(checks) if checks else "")
