"""The quality bar the project is held to, checked against a run's overall metrics."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from eval.metrics import Metric

__all__ = ["Direction", "Target", "TARGETS", "TargetStatus", "check_target"]


class Direction(str, Enum):
    AT_LEAST = ">="
    AT_MOST = "<="


class TargetStatus(str, Enum):
    MET = "met"
    NOT_MET = "not met"
    NOT_MEASURED = "n/a"  # e.g. no unanswerable items in the dataset


@dataclass(frozen=True)
class Target:
    metric: Metric
    direction: Direction
    threshold: float

    def __str__(self) -> str:
        return f"{self.metric.value} {self.direction.value} {self.threshold:g}"


TARGETS: tuple[Target, ...] = (
    Target(Metric.EVIDENCE_RECALL_AT_5, Direction.AT_LEAST, 0.95),
    Target(Metric.ANSWER_ACCURACY, Direction.AT_LEAST, 0.85),
    Target(Metric.CITATION_PRECISION, Direction.AT_LEAST, 0.90),
    Target(Metric.ABSTENTION_RATE, Direction.AT_LEAST, 0.75),
    Target(Metric.FALSE_ABSTENTION_RATE, Direction.AT_MOST, 0.05),
    Target(Metric.MEDIAN_ANSWER_CHARS, Direction.AT_MOST, 400),
    # Measured after a warm-up question, so the model load is not in it.
    Target(Metric.LATENCY_P50_MS, Direction.AT_MOST, 50),
)


def check_target(target: Target, metrics: Mapping[str, float | int | None]) -> TargetStatus:
    value = metrics.get(target.metric.value)
    if value is None:
        return TargetStatus.NOT_MEASURED
    if target.direction is Direction.AT_LEAST:
        ok = value >= target.threshold
    else:
        ok = value <= target.threshold
    return TargetStatus.MET if ok else TargetStatus.NOT_MET
