"""Each step of the method checked on its own, against answers worked out by hand.

Totals alone are satisfied by many wrong versions of the method, so every step named in
METHOD.md gets a case whose right answer is known without running the code: the survival
step's series-break correction, the damping and shrinking of regional share trends, the size
bins and horizon monotonicity of the intervals.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from projection_data import make_age_profile, make_employment

from reglab_forecast.projection import project
from reglab_forecast.projection.expansion import DEFAULT_PARAMS
from reglab_forecast.projection.intervals import Calibration, calibrate
from reglab_forecast.projection.replacement import AgePanel, survival

YEARS = np.arange(2014, 2025)
BANDS = [(16, 24)] + [(a, a + 4) for a in range(25, 69, 5)]


def _constant_panel(values: dict[int, float], jump: float, break_year: int) -> AgePanel:
    """One occupation whose bands hold ``values`` every year, all multiplied by ``jump`` from
    ``break_year`` on: the register's level changes, the people do not."""
    cube = np.zeros((1, len(BANDS), len(YEARS)))
    for start, value in values.items():
        cube[0, [b[0] for b in BANDS].index(start), :] = value
    years = YEARS
    after = years >= break_year
    cube[:, :, after] *= jump
    return AgePanel(np.array(["5321"]), BANDS, YEARS, cube)


def test_survival_is_corrected_for_a_level_jump_at_a_series_break() -> None:
    # 1000 aged 55-59 and 600 aged 60-64 every year: five-year survival 600 / 1000 = 0.6.
    # From 2023 the register counts 20 % more in every band (a new measurement). The pairs
    # used are 2017→2022, 2018→2023 and 2019→2024; the last two cross the break. Read raw they
    # give (600 + 720 + 720) / 3000 = 0.68: people would seem to stay on longer.
    ages = _constant_panel({25: 3000.0, 55: 1000.0, 60: 600.0}, jump=1.2, break_year=2023)
    assert survival(ages, (2023,))[55][0] == pytest.approx(0.6, abs=1e-9)
    assert survival(ages, ())[55][0] == pytest.approx(0.68, abs=1e-9)  # no break declared


def test_survival_correction_only_touches_pairs_that_cross_the_break() -> None:
    # A break in 2016 lies before every pair used (the first starts in 2017): nothing changes.
    ages = _constant_panel({25: 3000.0, 55: 1000.0, 60: 600.0}, jump=1.5, break_year=2016)
    assert survival(ages, (2016,))[55][0] == pytest.approx(0.6, abs=1e-9)


# --- regional share trends: damped, and shrunk for small cells --------------------------------

FLAT_CALIBRATION = Calibration(horizons=[1], lower=[[-0.1]] * 8, upper=[[0.1]] * 8)


def _regional_paths(values: dict[tuple[str, str], list[float]]) -> pd.DataFrame:
    employment = make_employment(values)
    ssyk = sorted({code for _region, code in values})
    ages = make_age_profile(ssyk, range(2014, 2025))
    # The regional share step alone: län totals not tied to their working-age cohorts.
    result = project(employment, ages, target_years=(2035,), calibration=FLAT_CALIBRATION,
                     params=replace(DEFAULT_PARAMS, cohort_elasticity=0.0),
                     age_structure="national")
    return result.paths


def _log_share(paths: pd.DataFrame, region: str, ssyk: str) -> np.ndarray:
    cells = paths[paths["ssyk"] == ssyk].pivot(index="year", columns="region", values="employed")
    return np.log((cells[region] / cells.sum(axis=1)).to_numpy())


def test_a_regional_share_trend_is_damped() -> None:
    # Län 01 gains share steadily (+6 % a year against a flat, much larger län 02). A damped
    # trend adds less every year: each year's change in the log share is a fixed fraction
    # (φ < 1) of the one before. An undamped trend adds the same amount every year.
    grow = [2000.0 * 1.06**t for t in range(11)]
    paths = _regional_paths({("01", "1111"): grow, ("02", "1111"): [200000.0] * 11,
                             ("01", "2221"): [500.0] * 11, ("02", "2221"): [500.0] * 11})
    # The first step also moves from the observed base to the smoothed level (α < 1); the
    # trend alone drives the steps after it.
    steps = np.diff(_log_share(paths, "01", "1111"))[1:]
    assert (steps > 0).all()
    ratios = steps[1:] / steps[:-1]
    assert ratios.max() < 0.95  # each step clearly smaller than the one before
    assert steps[-1] < 0.05 * steps[0]  # after 11 years the trend has all but died out


def test_a_small_cell_trend_is_shrunk_towards_no_change() -> None:
    # Two län gain share at the same rate (+6 % a year) against a large flat län 03; län 01
    # has 100 people, län 02 has 20 000. Shrinking multiplies a trend by n / (n + shrink), so
    # the small cell's projected share gain must be a small fraction of the large cell's.
    rate = [1.06**t for t in range(11)]
    paths = _regional_paths({
        ("01", "1111"): [100.0 * r for r in rate], ("02", "1111"): [20000.0 * r for r in rate],
        ("03", "1111"): [500000.0] * 11,
        ("01", "2221"): [500.0] * 11, ("02", "2221"): [500.0] * 11, ("03", "2221"): [500.0] * 11,
    })
    small = _log_share(paths, "01", "1111")
    large = _log_share(paths, "02", "1111")
    gain_small, gain_large = small[6] - small[1], large[6] - large[1]  # trend part
    assert gain_large > 0
    assert gain_small < 0.25 * gain_large


# --- intervals: size bins and horizons -------------------------------------------------------


def _errors(spread_by_size: dict[float, list[float]], n: int = 2000) -> pd.DataFrame:
    """Errors whose 10th/90th percentiles are ±spread·1.2816 per size and horizon."""
    gen = np.random.default_rng(11)
    frames = []
    for base, spreads in spread_by_size.items():
        for horizon, spread in enumerate(spreads, start=1):
            error = gen.normal(0.0, spread, n)
            projected = np.full(n, base)
            frames.append(pd.DataFrame({
                "origin": 2016, "horizon": horizon, "base": base, "projected": projected,
                "actual": np.expm1(np.log1p(projected) + error)}))
    return pd.concat(frames, ignore_index=True)


def test_each_size_bin_gets_the_width_of_its_own_errors() -> None:
    # Cells of 50 people miss by about 30 %, cells of 30 000 by about 3 %: an 80 % interval
    # is ±1.28 standard deviations, so the two widths differ tenfold.
    calibration = calibrate(_errors({50.0: [0.3, 0.3], 30000.0: [0.03, 0.03]}),
                            actual_column="actual")
    lower, upper = calibration.offsets(np.array([50.0, 30000.0]), 2)
    assert upper[0] == pytest.approx(1.2816 * 0.3, rel=0.1)
    assert upper[1] == pytest.approx(1.2816 * 0.03, rel=0.1)
    assert lower[0] == pytest.approx(-1.2816 * 0.3, rel=0.1)
    assert lower[1] == pytest.approx(-1.2816 * 0.03, rel=0.1)


def test_offsets_never_narrow_with_the_horizon_even_when_the_errors_do() -> None:
    # Observed errors that happen to be smaller at horizon 3 than at 2 must not make the
    # three-year interval narrower than the two-year one.
    calibration = calibrate(_errors({5000.0: [0.05, 0.2, 0.05, 0.1]}), actual_column="actual")
    widths = []
    for horizon in range(1, 12):
        lower, upper = calibration.offsets(np.array([5000.0]), horizon)
        widths.append((float(lower[0]), float(upper[0])))
    lowers, uppers = zip(*widths, strict=True)
    assert all(b <= a for a, b in zip(lowers, lowers[1:], strict=False))
    assert all(b >= a for a, b in zip(uppers, uppers[1:], strict=False))
    assert uppers[2] == pytest.approx(uppers[1])  # held at the two-year width, not 0.05


def test_projected_intervals_never_narrow_and_are_wider_for_small_cells(projection) -> None:
    paths = projection.paths
    paths = paths[paths["year"] > projection.base_year]
    width = np.log1p(paths["upper"]) - np.log1p(paths["lower"])
    wide = paths.assign(width=width).pivot_table(index=["region", "ssyk"], columns="year",
                                                 values="width")
    steps = np.diff(wide.to_numpy(), axis=1)
    assert (steps >= -1e-9).all()
    last = paths[paths["year"] == paths["year"].max()].assign(width=width)
    small = last.loc[last["base_employed"].between(20, 99), "width"]
    large = last.loc[last["base_employed"] >= 10000, "width"]
    assert len(small) > 50 and len(large) > 10
    assert small.min() > large.max()
