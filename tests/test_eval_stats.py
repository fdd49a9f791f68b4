"""Bootstrap intervals and the exact McNemar test (eval/stats.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from eval.stats import bootstrap_interval, mcnemar_exact, resample_indices


@pytest.mark.parametrize(("b", "c", "expected"), [
    (0, 0, 1.0),  # no disagreement: no evidence either way
    (5, 0, 2 / 32),  # all five disagreements one way: 2 * 0.5**5
    (10, 2, 2 * (1 + 12 + 66) / 4096),
    (3, 3, 1.0),  # an even split: the tail sum passes 0.5, capped at 1
])
def test_mcnemar_exact_known_values(b: int, c: int, expected: float) -> None:
    assert mcnemar_exact(b, c) == pytest.approx(expected)
    assert mcnemar_exact(c, b) == pytest.approx(expected)


def test_mcnemar_exact_rejects_negative_counts() -> None:
    with pytest.raises(ValueError, match="counts must be >= 0"):
        mcnemar_exact(-1, 3)


def test_resample_indices_is_seeded_and_validates() -> None:
    a, b = resample_indices(10, 50, seed=3), resample_indices(10, 50, seed=3)
    assert a.shape == (50, 10) and (a == b).all() and 0 <= a.min() and a.max() < 10
    assert not (a == resample_indices(10, 50, seed=4)).all()
    with pytest.raises(ValueError, match="n must be > 0, got 0"):
        resample_indices(0)
    with pytest.raises(ValueError, match="resamples must be > 0, got 0"):
        resample_indices(5, 0)


def test_bootstrap_interval_of_a_proportion() -> None:
    flags = np.array([1.0] * 30 + [0.0] * 30)
    lo, hi = bootstrap_interval(lambda i: flags[i].mean(axis=1), resample_indices(60, 2000))
    # The normal approximation for p = 0.5, n = 60: 0.5 +- 1.96 * sqrt(0.25 / 60) = +- 0.127.
    half = 1.96 * math.sqrt(0.25 / 60)
    assert lo == pytest.approx(0.5 - half, abs=0.03) and hi == pytest.approx(0.5 + half, abs=0.03)


def test_bootstrap_interval_skips_samples_with_nothing_to_measure() -> None:
    idx = resample_indices(4, 100)
    assert bootstrap_interval(lambda i: np.full(len(i), np.nan), idx) is None
    constant = bootstrap_interval(lambda i: np.where(i[:, 0] == 0, np.nan, 0.25), idx)
    assert constant == (0.25, 0.25)
