"""Eligibility items of the dev set against the support finder: is the right measure in the top 3?

An item is a hit when any of its ``must_include`` strings occurs (``eval.normalise.contains``)
in the measure titles or citation quotes of the finder's first three matches. The question is
passed to the finder as the organisation's profile, exactly as a user would type it.

    python -m eval.finder_eval [--dataset eval/data/dev_qa.jsonl] [--k 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from eval.dataset import Category, QAItem, load_dataset
from eval.normalise import contains, normalise

__all__ = ["FinderItemResult", "FinderEval", "is_hit", "evaluate_finder", "main"]

DEFAULT_DATASET = Path(__file__).resolve().parent / "data" / "dev_qa.jsonl"
TARGET_TOP3 = 0.9


@dataclass(frozen=True)
class FinderItemResult:
    id: str
    hit: bool
    rank: int | None  # 1-based rank of the first match holding a must_include string
    measures: list[str]
    latency_ms: float


@dataclass
class FinderEval:
    k: int
    items: list[FinderItemResult] = field(default_factory=list)

    @property
    def hit_rate(self) -> float:
        return sum(i.hit for i in self.items) / len(self.items) if self.items else 0.0

    def to_dict(self) -> dict:
        lat = [i.latency_ms for i in self.items]
        return {"k": self.k, "n_items": len(self.items), "hits": sum(i.hit for i in self.items),
                f"top{self.k}_hit_rate": round(self.hit_rate, 4), "target": TARGET_TOP3,
                "latency_ms_median": round(statistics.median(lat), 1) if lat else None,
                "items": [asdict(i) for i in self.items]}


def _match_text(match) -> str:
    return " ".join([match.measure] + [c.quote for c in match.citations])


def is_hit(matches: Sequence, must_include: Sequence[str]) -> int | None:
    """1-based rank of the first match that holds any ``must_include`` string, else None."""
    needles = [normalise(s) for s in must_include if s.strip()]
    for rank, m in enumerate(matches, 1):
        hay = normalise(_match_text(m))
        if any(contains(hay, n) for n in needles):
            return rank
    return None


def evaluate_finder(finder, items: Sequence[QAItem], k: int = 3) -> FinderEval:
    """Run ``finder`` on every eligibility item of ``items``."""
    if k <= 0:
        raise ValueError(f"k must be > 0, got {k}")
    out = FinderEval(k)
    for item in items:
        if item.category is not Category.ELIGIBILITY:
            continue
        t = time.perf_counter()
        result = finder.run(item.question)
        ms = (time.perf_counter() - t) * 1000
        top = result.matches[:k]
        rank = is_hit(top, item.must_include)
        out.items.append(FinderItemResult(item.id, rank is not None, rank,
                                          [m.measure for m in top], round(ms, 1)))
    return out


def _real_finder(settings):
    from assistant import build_assistant
    from dealqa.indexing import load_commitments
    from finder import build_finder

    assistant = build_assistant(settings)
    return build_finder(assistant, load_commitments(settings))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.finder_eval", description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    ap.add_argument("--k", type=int, default=3)
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = ap.parse_args(argv)
    from dealqa.settings import get_settings

    finder = _real_finder(get_settings())
    finder.run("warm up: a small medtech company")  # model load is not the finder's latency
    result = evaluate_finder(finder, load_dataset(args.dataset), k=args.k)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        for i in result.items:
            where = f"rank {i.rank}" if i.hit else "miss"
            print(f"{i.id:10} {where:7} {i.latency_ms:7.1f} ms  {i.measures[0] if i.measures else '-'}")
        print(f"top-{args.k} hit rate: {sum(i.hit for i in result.items)}/{len(result.items)} = "
              f"{result.hit_rate:.1%} (target {TARGET_TOP3:.0%})")
    return 0 if result.hit_rate >= TARGET_TOP3 else 1


if __name__ == "__main__":
    sys.exit(main())
