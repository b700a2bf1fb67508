"""The method's steps checked against truths computed here by hand: the working-age cohorts
aged forward, the län shares they give, the reconciliation, the smooth and monotone interval
curve, and the merging of small size bins."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reglab_forecast.errors import InputError
from reglab_forecast.projection.intervals import bin_groups, calibrate, power_fit
from reglab_forecast.projection.totals import (
    rake,
    scale_rows,
    total_shares,
    working_age,
)


def _population(counts: dict[str, dict[int, float]], year: int = 2019) -> pd.DataFrame:
    rows = [{"region": region, "age": str(age), "sex": sex, "year": year,
             "population": value / 2}
            for region, ages in counts.items() for age, value in ages.items()
            for sex in ("men", "women")]
    return pd.DataFrame(rows)


def test_cohorts_are_the_population_aged_forward() -> None:
    # 100 people at each age 0..99 in län A; in län B only 10-year-olds (1 000 of them).
    frame = _population({"A": dict.fromkeys(range(100), 100.0), "B": {10: 1000.0}})
    ages = working_age(frame, np.array(["A", "B"]))
    cohorts = ages.cohorts(2019, np.array([2019, 2024, 2029, 2039]))
    # A: 45 ages in 20-64 at every step while ages 0..99 are aged forward (none unborn yet
    # for 20-64 within 20 years). B: the 10-year-olds are 20 in 2029 and 30 in 2039.
    assert cohorts[0].tolist() == [4500.0, 4500.0, 4500.0, 4500.0]
    assert cohorts[1].tolist() == [0.0, 0.0, 1000.0, 1000.0]


def test_cohorts_never_use_a_year_after_the_origin() -> None:
    early = _population({"A": {30: 100.0}}, year=2015)
    late = _population({"A": {30: 999.0}}, year=2020)
    ages = working_age(pd.concat([early, late]), np.array(["A"]))
    assert ages.cohorts(2017, np.array([2017]))[0, 0] == 100.0   # 2015 aged forward
    assert ages.cohorts(2020, np.array([2020]))[0, 0] == 999.0
    with pytest.raises(InputError):
        ages.cohorts(2010, np.array([2010]))


def test_missing_lan_in_population_is_named() -> None:
    with pytest.raises(InputError, match="B"):
        working_age(_population({"A": {30: 1.0}}), np.array(["A", "B"]))


def test_total_shares_follow_relative_cohort_change() -> None:
    base = np.array([300.0, 100.0])
    # A's working age grows 10 %, B's falls 10 %; Riket's changes (1100 + 900) / 2000 = 0 %.
    cohort = np.array([[1000.0, 1100.0], [1000.0, 900.0]])
    shares = total_shares(base, cohort, elasticity=1.0)
    raw = np.array([300 * 1.1, 100 * 0.9])
    np.testing.assert_allclose(shares[:, 0], raw / raw.sum())
    assert total_shares(base, cohort, 0.0)[:, 0].tolist() == pytest.approx([0.75, 0.25])


def test_scaling_and_raking_hit_their_margins() -> None:
    gen = np.random.default_rng(1)
    cube = gen.uniform(1, 10, size=(3, 4, 2))
    rows = np.array([[10.0, 12.0], [20.0, 18.0], [30.0, 33.0]])
    columns = np.array([[15.0, 14.0], [15.0, 16.0], [15.0, 17.0], [15.0, 16.0]])
    np.testing.assert_allclose(scale_rows(cube, rows).sum(axis=1), rows)
    raked = rake(cube, rows, columns)
    np.testing.assert_allclose(raked.sum(axis=0), columns)
    np.testing.assert_allclose(raked.sum(axis=1), rows, rtol=1e-6)


def test_interval_curve_is_smooth_and_monotone() -> None:
    horizons = np.array([1, 2, 3, 4, 5, 6, 7, 8])
    noisy = 0.05 * np.sqrt(horizons) * np.array([1.0, 1.2, 0.8, 1.1, 0.9, 1.3, 0.7, 1.0])
    fitted = power_fit(noisy, horizons, np.ones(8))
    assert np.all(np.diff(fitted) >= 0)
    assert fitted[0] > 0 and fitted[14] < 0.05 * np.sqrt(15) * 1.5
    # a single horizon: a random walk from it
    single = power_fit(np.array([0.1]), np.array([1]), np.array([1.0]))
    assert single[3] == pytest.approx(0.2)


def test_small_size_bins_merge_with_their_neighbours() -> None:
    assert bin_groups(np.array([500, 500, 50, 10]), 100).tolist() == [0, 1, 1, 1]
    assert bin_groups(np.array([0, 0, 300]), 100).tolist() == [0, 0, 0]


def _errors(level: int, spread: float, n: int = 3000) -> pd.DataFrame:
    gen = np.random.default_rng(level)
    frames = []
    for horizon in (1, 2, 3, 4, 5):
        error = gen.normal(0, spread * np.sqrt(horizon), n)
        frames.append(pd.DataFrame({
            "origin": 2016, "horizon": horizon, "level": level, "base": 5000.0,
            "projected": 5000.0, "actual": np.expm1(np.log1p(5000.0) + error)}))
    return pd.concat(frames, ignore_index=True)


def test_each_level_gets_its_own_calibration() -> None:
    errors = pd.concat([_errors(3, 0.10), _errors(0, 0.02)], ignore_index=True)
    calibration = calibrate(errors, actual_column="actual")
    for level, spread in ((3, 0.10), (0, 0.02)):
        lower, upper = calibration.offsets(np.array([5000.0]), 4, level)
        assert upper[0] == pytest.approx(1.2816 * spread * 2, rel=0.12)
        assert lower[0] == pytest.approx(-1.2816 * spread * 2, rel=0.12)
