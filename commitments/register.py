"""The Register: the commitments of one or more documents, filterable and exportable."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from commitments import codec
from commitments.errors import InvalidFilterError
from commitments.formats import rows_to_csv, to_rows
from commitments.model import Commitment, Reconciliation, Skipped, Theme
from commitments.themes import parse_theme
from retrieval.text import find_amounts

__all__ = ["Register", "parse_amount"]


def parse_amount(text: str | int | float | Decimal) -> Decimal:
    """``"£50m"``, ``"50m"``, ``"1.5bn"``, ``"50,000"`` or a number -> Decimal."""
    if isinstance(text, (int, Decimal)):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(str(text))
    s = text.strip()
    found = [a for a in find_amounts(s) if not a.is_percent]
    if len(found) == 1 and not s[:found[0].start].strip() and not s[found[0].end:].strip():
        return found[0].value
    try:
        return Decimal(s.lstrip("£$€").replace(",", ""))
    except InvalidOperation:
        raise InvalidFilterError(
            f"cannot read the amount '{text}' — write it like 50m, £1.5bn or 250000") from None


@dataclass
class Register:
    commitments: list[Commitment]
    reconciliations: list[Reconciliation] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.commitments)

    def get(self, commitment_id: str) -> Commitment:
        for c in self.commitments:
            if c.id == commitment_id:
                return c
        raise KeyError(commitment_id)

    def filter(self, theme: Theme | str | None = None, place: str | None = None,
               min_amount: Decimal | int | float | str | None = None) -> list[Commitment]:
        """Commitments with ``theme``, naming ``place`` (a whole word, any case) and, when
        ``min_amount`` is given, money of at least that much (counts and percentages drop out;
        currencies are not converted)."""
        wanted = parse_theme(theme) if theme is not None else None
        floor = parse_amount(min_amount) if min_amount is not None else None
        if floor is not None and floor < 0:
            raise InvalidFilterError(f"min_amount must be >= 0, got {min_amount}")
        place_rx = (re.compile(rf"(?<!\w){re.escape(place.strip())}(?!\w)", re.IGNORECASE)
                    if place else None)
        out = []
        for c in self.commitments:
            if wanted is not None and wanted not in c.themes:
                continue
            if place_rx is not None and not place_rx.search(c.place):
                continue
            if floor is not None and not (c.is_money and Decimal(c.value) >= floor):
                continue
            out.append(c)
        return out

    def select(self, commitments: Iterable[Commitment]) -> "Register":
        """A register of just ``commitments``, with the reconciliations of those totals."""
        chosen = list(commitments)
        ids = {c.id for c in chosen}
        return Register(chosen, [r for r in self.reconciliations if r.total_id in ids],
                        [], list(self.doc_ids))

    def to_rows(self) -> list[dict[str, str]]:
        return to_rows(self.commitments)

    def to_csv(self) -> str:
        return rows_to_csv(self.to_rows())

    def to_dict(self) -> dict[str, Any]:
        return codec.register_payload(self.commitments, self.reconciliations, self.skipped,
                                      self.doc_ids)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> "Register":
        """Inverse of :meth:`to_dict`; raises ValueError/KeyError/TypeError on a bad payload."""
        return cls(*codec.parse_payload(payload))
