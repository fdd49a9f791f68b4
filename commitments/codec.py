"""Register <-> plain JSON data. Exact values: Decimals travel as strings ("66000000")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from commitments.model import (
    ActorKind,
    CitationRef,
    Commitment,
    Qualifier,
    Reconciliation,
    Skipped,
    Theme,
)

__all__ = ["FORMAT", "VERSION", "register_payload", "parse_payload"]

FORMAT = "dealqa-commitments"
VERSION = 1


def _value_out(value: Decimal | int) -> int | str:
    return value if isinstance(value, int) else format(value, "f")


def _value_in(value: int | str) -> Decimal | int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"value must be an int or a decimal string, got {value!r}")
    return value if isinstance(value, int) else Decimal(value)


def _commitment_out(c: Commitment) -> dict[str, Any]:
    d = asdict(c)
    d["value"] = _value_out(c.value)
    d["qualifier"] = c.qualifier.value
    d["committed_by_kind"] = c.committed_by_kind.value
    d["themes"] = [t.value for t in c.themes]
    return d


def _commitment_in(d: dict[str, Any]) -> Commitment:
    return Commitment(**{
        **d,
        "value": _value_in(d["value"]),
        "qualifier": Qualifier(d["qualifier"]),
        "committed_by_kind": ActorKind(d["committed_by_kind"]),
        "themes": [Theme(t) for t in d["themes"]],
        "citations": [CitationRef(**r) for r in d["citations"]],
    })


def _reconciliation_out(r: Reconciliation) -> dict[str, Any]:
    return {"total_id": r.total_id, "item_ids": list(r.item_ids), "total": format(r.total, "f"),
            "items_sum": format(r.items_sum, "f"), "ok": r.ok,
            "citations": [asdict(c) for c in r.citations]}


def _reconciliation_in(d: dict[str, Any]) -> Reconciliation:
    return Reconciliation(d["total_id"], tuple(d["item_ids"]), Decimal(d["total"]),
                          Decimal(d["items_sum"]), bool(d["ok"]),
                          tuple(CitationRef(**c) for c in d["citations"]))


def register_payload(commitments: Sequence[Commitment], reconciliations: Sequence[Reconciliation],
                     skipped: Sequence[Skipped], doc_ids: Sequence[str]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "doc_ids": list(doc_ids),
        "commitments": [_commitment_out(c) for c in commitments],
        "reconciliations": [_reconciliation_out(r) for r in reconciliations],
        "skipped": [{"raw": s.raw, "reason": s.reason, "citation": asdict(s.citation)}
                    for s in skipped],
    }


def parse_payload(payload: dict[str, Any]) -> tuple[list[Commitment], list[Reconciliation],
                                                     list[Skipped], list[str]]:
    if payload.get("format") != FORMAT or payload.get("version") != VERSION:
        raise ValueError(f"not a {FORMAT} v{VERSION} file")
    return (
        [_commitment_in(d) for d in payload["commitments"]],
        [_reconciliation_in(d) for d in payload["reconciliations"]],
        [Skipped(s["raw"], s["reason"], CitationRef(**s["citation"])) for s in payload["skipped"]],
        list(payload["doc_ids"]),
    )
