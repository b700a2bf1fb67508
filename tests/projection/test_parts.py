"""The parts: damped trend, intervals, replacement."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from statsmodels.tsa.holtwinters import ExponentialSmoothing

from reglab_forecast.projection.intervals import calibrate, load_calibration
from reglab_forecast.projection.replacement import (
    AgePanel,
    replacement_rates,
    share_aged,
    survival,
)
from reglab_forecast.projection.trend import TrendParams, forecast, smooth
from reglab_forecast.snapshot import break_years


def test_trend_matches_statsmodels_without_breaks():
    y = np.log(np.array([100, 103, 105, 110, 112, 118, 121, 125.0]))
    years = np.arange(2014, 2022)
    params = TrendParams(alpha=0.7, beta=0.2, phi=0.85)
    level, trend = smooth(y, years, (), params)
    ours = forecast(level, trend, params.phi, np.arange(1, 6))
    start = float(np.mean(np.diff(y)))
    fit = ExponentialSmoothing(y[1:], trend="add", damped_trend=True,
                               initialization_method="known", initial_level=y[0],
                               initial_trend=start).fit(
        smoothing_level=0.7, smoothing_trend=0.2, damping_trend=0.85, optimized=False)
    np.testing.assert_allclose(ours, fit.forecast(5), rtol=1e-10)


def test_break_resets_level_and_keeps_trend():
    y = np.array([0.0, 0.1, 0.2, 0.3, 0.4, 5.4, 5.5])  # jump of 5 in the break year
    years = np.array([2017, 2018, 2019, 2020, 2021, 2023, 2024])
    level, trend = smooth(y[None, :], years, (2023,), TrendParams(1.0, 0.5, 1.0))
    assert level[0] == pytest.approx(5.5) and trend[0] == pytest.approx(0.1)


def _errors(n: int = 4000) -> pd.DataFrame:
    gen = np.random.default_rng(3)
    frame = []
    for horizon in (1, 2, 3, 4):
        error = gen.normal(0, 0.05 * np.sqrt(horizon), n)
        projected = np.full(n, 5000.0)
        frame.append(pd.DataFrame({"origin": gen.integers(2016, 2020, n), "horizon": horizon,
                                   "base": 5000.0, "projected": projected,
                                   "actual": np.expm1(np.log1p(projected) + error)}))
    return pd.concat(frame, ignore_index=True)


def test_calibration_recovers_quantiles_and_widens_beyond():
    calibration = calibrate(_errors(), actual_column="actual")
    lower, upper = calibration.offsets(np.array([5000.0]), 4)
    assert upper[0] == pytest.approx(1.2816 * 0.05 * 2, rel=0.1)
    assert lower[0] == pytest.approx(-1.2816 * 0.05 * 2, rel=0.1)
    far_lower, far_upper = calibration.offsets(np.array([5000.0]), 16)
    assert far_upper[0] == pytest.approx(upper[0] * 2)  # sqrt(16 / 4)
    assert far_lower[0] == pytest.approx(lower[0] * 2)
    widths = [np.diff(calibration.offsets(np.array([5000.0]), h), axis=0)[0][0]
              for h in range(1, 9)]
    assert all(b >= a for a, b in zip(widths, widths[1:], strict=False))


def test_calibrated_interval_covers_eighty_percent():
    errors = _errors()
    calibration = calibrate(errors, actual_column="actual")
    lower, upper = calibration.apply(errors["projected"].to_numpy(), errors["base"].to_numpy(), 3)
    rows = errors["horizon"] == 3
    inside = (errors["actual"][rows] >= lower[rows]) & (errors["actual"][rows] <= upper[rows])
    assert inside.mean() == pytest.approx(0.8, abs=0.03)


def test_stored_calibration_loads():
    calibration = load_calibration()
    assert max(calibration.horizons) >= 8 and calibration.coverage == 0.8


def _ages(values: dict[str, float], years=range(2014, 2025), upper: int = 69) -> AgePanel:
    bands = [(16, 24)] + [(a, a + 4) for a in range(25, upper, 5)]
    cube = np.zeros((1, len(bands), len(years)))
    for label, value in values.items():
        low = int(label.split("-")[0])
        index = [b[0] for b in bands].index(low)
        cube[0, index, :] = value
    return AgePanel(np.array(["1111"]), bands, np.array(list(years)), cube)


def test_young_workforce_has_no_replacement():
    rates = replacement_rates(_ages({"25-29": 1000.0}), break_years(), np.array([5, 10]))
    assert rates[0].tolist() == [0.0, 0.0]


def test_everyone_past_upper_age_is_gone():
    ages = _ages({"65-69": 1000.0})
    rates = replacement_rates(ages, break_years(), np.array([1, 5]))
    assert 0 < rates[0, 0] < 1 and rates[0, 1] == pytest.approx(1.0)
    assert share_aged(ages)[0] == pytest.approx(1.0)


def test_cohort_survival_from_the_panel():
    ages = _ages({"55-59": 1000.0, "60-64": 600.0})
    assert survival(ages, ())[55][0] == pytest.approx(0.6)
    later = replacement_rates(ages, (), np.array([5]), shift=2)
    assert later[0, 0] < replacement_rates(ages, (), np.array([5]))[0, 0]


def test_earlier_exit_raises_replacement():
    ages = _ages({"55-59": 1000.0, "60-64": 600.0, "65-69": 300.0})
    normal = replacement_rates(ages, (), np.array([1, 5]))
    earlier = replacement_rates(ages, (), np.array([1, 5]), shift=-2)
    assert (earlier > normal).all() and earlier.max() <= 1.0


def test_share_trend_pools_with_the_ssyk2_group():
    from reglab_forecast.projection.national import group_matrix, occupation_shares

    years = np.arange(2014, 2019)
    grow = 1000.0 * 1.05 ** np.arange(5)
    flat = np.full(5, 50.0)
    other = np.full(5, 5000.0)
    national = np.vstack([grow, flat, other])  # 2211 grows, 2212 flat, 5321 flat
    groups = group_matrix(np.array(["2211", "2212", "5321"]), 2)
    assert groups.tolist() == [[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]
    params = TrendParams(alpha=1.0, beta=0.1, phi=0.8)
    h = np.array([5])
    alone = occupation_shares(national, years, (), h, params, 1000.0)[:, 0]
    pooled = occupation_shares(national, years, (), h, params, 1000.0, groups, 0.5)[:, 0]
    base_share = national[:, -1] / national[:, -1].sum()
    # Alone the small flat 2212 barely moves; pooled it takes half its growing group's trend.
    assert pooled[1] / base_share[1] > 1.02 > alone[1] / base_share[1]
    np.testing.assert_allclose([alone.sum(), pooled.sum()], 1.0)


def test_national_total_path_equals_statsmodels_holt():
    from reglab_forecast.projection.national import total_path
    from reglab_forecast.projection.trend import TrendParams

    years = np.arange(2014, 2025)
    total = 4.0e6 * np.exp(np.cumsum(np.r_[0.0, [0.03, 0.02, 0.025, 0.01, 0.0, -0.01, 0.03,
                                                 0.02, 0.09, 0.001]]))
    horizons = np.array([1, 6, 11])
    params = TrendParams(alpha=0.6, beta=0.3, phi=0.8)
    path, fit = total_path(total, years, (2019, 2023), horizons, params)
    reference = np.exp(np.asarray(fit.forecast(11)))[horizons - 1]  # fits statsmodels now
    np.testing.assert_allclose(path, reference, rtol=1e-10)
    assert fit.params["damping_trend"] == pytest.approx(0.8)
