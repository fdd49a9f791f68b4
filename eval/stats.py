"""How sure a QA score is: bootstrap intervals over items and an exact paired test.

A set of 56 questions puts an accuracy of 0.55 anywhere from about 0.42 to 0.68, so a change of
two items is noise; and two systems run on the same items are compared item by item, not by
their totals (McNemar's test counts only the items on which they disagree).

Resampling is seeded: the same run files always give the same intervals.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

__all__ = ["DEFAULT_RESAMPLES", "bootstrap_interval", "mcnemar_exact", "resample_indices"]

DEFAULT_RESAMPLES = 2000
CONFIDENCE = 0.95


def resample_indices(n: int, resamples: int = DEFAULT_RESAMPLES, seed: int = 0) -> np.ndarray:
    """``resamples`` x ``n`` item indices drawn with replacement (one bootstrap sample a row)."""
    if n <= 0:
        raise ValueError(f"n must be > 0, got {n}")
    if resamples <= 0:
        raise ValueError(f"resamples must be > 0, got {resamples}")
    return np.random.default_rng(seed).integers(0, n, size=(resamples, n))


def bootstrap_interval(statistic: Callable[[np.ndarray], np.ndarray],
                       indices: np.ndarray) -> tuple[float, float] | None:
    """The central 95% percentile interval of ``statistic`` over the bootstrap samples.

    ``statistic`` maps the (resamples x n) index matrix to one value per row, NaN where a sample
    has nothing to measure (no unanswerable item drawn); such rows are left out, and None is
    returned when every row is."""
    values = np.asarray(statistic(indices), dtype=float)
    values = values[~np.isnan(values)]
    if not len(values):
        return None
    tail = (1 - CONFIDENCE) / 2 * 100
    lo, hi = np.percentile(values, [tail, 100 - tail])
    return float(lo), float(hi)


def mcnemar_exact(only_first: int, only_second: int) -> float:
    """Two-sided exact McNemar p-value: of the items on which two systems disagree, how likely
    a split at least this uneven is when each is equally likely to be the one that is right."""
    if only_first < 0 or only_second < 0:
        raise ValueError(f"counts must be >= 0, got {only_first}, {only_second}")
    n = only_first + only_second
    if n == 0:
        return 1.0
    k = min(only_first, only_second)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)
