"""Score a register against the hand-written gold list: ``python -m commitments.score``.

Gold format (eval/data/commitments_gold.jsonl), one object a line::

    {"value": "66000000", "unit": "GBP", "purpose": "Vaccines Development & Manufacturing
     Centre", "evidence": "£66m on a Vaccines Development & Manufacturing Centre",
     "qualifier": "", "committed_by": "government", "mentions": 1}

``value``, ``unit``, ``purpose`` and ``evidence`` are required; ``qualifier``,
``committed_by`` and ``mentions`` (how many sentences state the fact) are optional and only
feed the secondary rates.

A gold record and a register record *match* when value and unit are equal and either their
purposes overlap (Dice coefficient of stemmed content words ≥ 0.5) or the gold evidence quote
is contained in one of the record's citations. Matching is one-to-one (a maximum bipartite
matching, purpose matches preferred), so a fact the register failed to merge counts once as a
hit and once as a false positive.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from commitments.model import Commitment
from commitments.register import Register
from dealqa.errors import DealQAError
from retrieval.text import tokenize

__all__ = ["GoldRecord", "load_gold", "score_register", "purpose_overlap", "main",
           "DEFAULT_GOLD"]

DEFAULT_GOLD = Path(__file__).resolve().parent.parent / "eval" / "data" / "commitments_gold.jsonl"
PURPOSE_THRESHOLD = 0.5
_REQUIRED = ("value", "unit", "purpose", "evidence")


@dataclass(frozen=True)
class GoldRecord:
    value: Decimal
    unit: str
    purpose: str
    evidence: str
    qualifier: str | None = None
    committed_by: str | None = None
    mentions: int | None = None


def _gold(d: dict[str, Any], where: str) -> GoldRecord:
    missing = [k for k in _REQUIRED if k not in d]
    if missing:
        raise DealQAError(f"{where}: missing {', '.join(missing)} — every gold line needs "
                          f"{', '.join(_REQUIRED)}")
    try:
        value = Decimal(str(d["value"]))
    except InvalidOperation:
        raise DealQAError(f"{where}: value {d['value']!r} is not a number") from None
    return GoldRecord(value, str(d["unit"]), str(d["purpose"]), str(d["evidence"]),
                      d.get("qualifier"), d.get("committed_by"), d.get("mentions"))


def load_gold(path: Path | str = DEFAULT_GOLD) -> list[GoldRecord]:
    if not Path(path).is_file():
        raise DealQAError(f"no gold file at {path} — pass --gold with a JSONL gold list")
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                d = json.loads(line)
            except json.JSONDecodeError as err:
                raise DealQAError(f"{path}:{n}: not JSON ({err.msg}) — fix the line") from None
            out.append(_gold(d, f"{path}:{n}"))
    return out


def _content(text: str) -> set[str]:
    return {t for t in tokenize(text) if not t.replace(".", "").isdigit()}


def purpose_overlap(a: str, b: str) -> float:
    """Dice coefficient of stemmed content words (0..1)."""
    x, y = _content(a), _content(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _norm(text: str) -> str:
    text = text.replace("**", "").replace("\\$", "$").replace("’", "'").replace("‘", "'")
    text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", text)
    return " ".join(text.lower().split())


def _quoted(gold: GoldRecord, c: Commitment) -> bool:
    ev = _norm(gold.evidence)
    return any(ev in _norm(r.quote) for r in c.citations)


def _edges(gold: Sequence[GoldRecord], records: Sequence[Commitment]
           ) -> list[list[tuple[float, int]]]:
    edges = []
    for g in gold:
        options = []
        for j, c in enumerate(records):
            if c.unit != g.unit or Decimal(c.value) != g.value:
                continue
            overlap = purpose_overlap(g.purpose, c.purpose)
            if overlap >= PURPOSE_THRESHOLD or _quoted(g, c):
                options.append((overlap, j))
        edges.append(sorted(options, reverse=True))
    return edges


def _match(edges: list[list[tuple[float, int]]], n_records: int) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn), trying each gold record's best purpose first."""
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for _, j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(edges)):
        place(i, set())
    return {i: j for j, i in owner.items()}


def _rate(hits: list[bool]) -> float | None:
    return round(sum(hits) / len(hits), 4) if hits else None


def score_register(register: Register, gold: Sequence[GoldRecord]) -> dict[str, Any]:
    """recall, precision, matched pairs, misses, extras and secondary attribute rates."""
    records = register.commitments
    matched = _match(_edges(gold, records), len(records))
    pairs = [(gold[i], records[j]) for i, j in sorted(matched.items())]
    used = set(matched.values())
    return {
        "recall": round(len(matched) / len(gold), 4) if gold else 0.0,
        "precision": round(len(matched) / len(records), 4) if records else 0.0,
        "n_gold": len(gold),
        "n_register": len(records),
        "n_matched": len(matched),
        "purpose_match_rate": _rate([purpose_overlap(g.purpose, c.purpose) >= PURPOSE_THRESHOLD
                                     for g, c in pairs]),
        "qualifier_match_rate": _rate([c.qualifier.value == g.qualifier for g, c in pairs
                                       if g.qualifier is not None]),
        "actor_match_rate": _rate([_same_actor(g.committed_by, c.committed_by) for g, c in pairs
                                   if g.committed_by]),
        "mentions_exact_rate": _rate([len(c.citations) == g.mentions for g, c in pairs
                                      if g.mentions]),
        "matched": [{"gold": g.evidence, "id": c.id, "purpose": c.purpose} for g, c in pairs],
        "missed": [{"value": str(g.value), "unit": g.unit, "purpose": g.purpose}
                   for i, g in enumerate(gold) if i not in matched],
        "extra": [{"id": c.id, "raw": c.raw, "purpose": c.purpose}
                  for j, c in enumerate(records) if j not in used],
    }


def _same_actor(gold: str, found: str) -> bool:
    g, f = _content(gold), _content(found)
    return bool(g and f and (g <= f or f <= g))


def _build_from_corpus(corpus: Path) -> Register:
    from commitments.builder import build_register
    from ingest import corpus_paths, ingest_paths

    # Word counts stand in for the model's tokenizer: only chunk boundaries (passage ids)
    # depend on it, not the sentences the register reads.
    result = ingest_paths(corpus_paths(corpus), count_tokens=lambda t: len(t.split()))
    return build_register(result.documents, result.passages)


def main(argv: Sequence[str] | None = None) -> int:
    from dealqa.settings import get_settings

    p = argparse.ArgumentParser(prog="python -m commitments.score", description=__doc__.split(
        "\n")[0])
    p.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    p.add_argument("--register", type=Path, default=None,
                   help="a saved register (default: build one from the corpus)")
    p.add_argument("--corpus", type=Path, default=None, help="default: the configured corpus")
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = p.parse_args(argv)
    try:
        if args.register is not None:
            from commitments.io import load_register

            register = load_register(args.register)
        else:
            register = _build_from_corpus(args.corpus or get_settings().corpus_dir)
        report = score_register(register, load_gold(args.gold))
    except DealQAError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"recall {report['recall']:.3f}  precision {report['precision']:.3f}  "
          f"({report['n_matched']} matched, {report['n_gold']} gold, "
          f"{report['n_register']} in the register)")
    for key in ("purpose_match_rate", "qualifier_match_rate", "actor_match_rate",
                "mentions_exact_rate"):
        if report[key] is not None:
            print(f"  {key.replace('_', ' ')}: {report[key]:.3f}")
    for m in report["missed"]:
        print(f"  missed: {m['value']} {m['unit']} — {m['purpose']}")
    for e in report["extra"]:
        print(f"  extra:  {e['raw']} — {e['purpose']} ({e['id']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
