"""Two-sided intervals for the län totals: symmetric on the log scale, calibrated on the
totals' own errors, the point strictly inside, and coverage within target in the backtest."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reglab_forecast.numbers import format_percent
from reglab_forecast.projection import load_quality_declaration
from reglab_forecast.projection.intervals import TOTAL_LEVEL, calibrate


def _errors(level: int, horizon: int, ratios: list[float]) -> pd.DataFrame:
    """Cells of 1 000 projected, with outcomes at ``ratios`` of the projection."""
    return pd.DataFrame({"origin": 2016, "horizon": horizon, "level": level, "base": 1000.0,
                         "projected": 1000.0, "actual": [1000.0 * r for r in ratios],
                         "actual_adjusted": [1000.0 * r for r in ratios]})


def test_totals_get_a_symmetric_width_even_when_every_error_is_positive() -> None:
    ratios = [1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 1.07, 1.08, 1.09, 1.10]
    errors = pd.concat([_errors(TOTAL_LEVEL, 2, ratios), _errors(3, 2, ratios)])
    calibration = calibrate(errors)
    width = np.quantile(np.log1p(1000.0 * np.array(ratios)) - np.log1p(1000.0), 0.8)
    totals = calibration.by_level[str(TOTAL_LEVEL)]
    # One observed horizon: the fit passes through it (random-walk shape), both sides alike.
    assert totals["upper"][0][1] == pytest.approx(width, abs=1e-5)
    assert totals["lower"][0][1] == pytest.approx(-width, abs=1e-5)
    # Occupation cells keep quantiles of the signed errors: no room below the point here.
    assert calibration.by_level["3"]["lower"][3][1] == 0.0
    low, high = calibration.apply(np.array([500.0]), np.array([500.0]), 2, TOTAL_LEVEL)
    assert low[0] < 500.0 < high[0]
    assert np.log1p(high[0]) - np.log1p(500.0) == pytest.approx(
        np.log1p(500.0) - np.log1p(low[0]), abs=1e-5)


def test_every_lan_total_has_its_point_strictly_inside(projection) -> None:
    totals = projection.aggregate(level=0, regions="all",
                                  years=range(projection.base_year + 1,
                                              max(projection.target_years) + 1))
    assert totals["region"].nunique() == 22
    assert (totals["lower"] < totals["employed"]).all()
    assert (totals["employed"] < totals["upper"]).all()
    # Wider further ahead, for every län.
    for _, rows in totals.sort_values("year").groupby("region"):
        spread = np.log(rows["upper"].to_numpy()) - np.log(rows["employed"].to_numpy())
        assert (np.diff(spread) > 0).all()


def test_stored_declaration_reports_total_coverage_and_lean_within_target() -> None:
    declaration = load_quality_declaration()
    bins = declaration.coverage_bins
    totals = bins[(bins["level"] == TOTAL_LEVEL) & (bins["horizon"] == 5)]
    assert 0.75 <= float(totals["coverage_adjusted"].iloc[0]) <= 0.85
    bias = declaration.meta["totals_bias"]
    assert 0.0 <= bias["above_5"] <= 1.0 and bias["median_5"] > -1.0
    assert declaration.targets["totals_coverage_met"]
    text = declaration.to_text()
    assert "länens totaler, 5 år" in text and "symmetriskt" in text
    covered = format_percent(float(totals["coverage_adjusted"].iloc[0]))
    assert f"Täckning för länens totaler {covered}" in text and "mål 75–85 %): uppfyllt" in text


def test_lean_correction_uses_only_what_was_known_at_the_origin() -> None:
    from reglab_forecast.projection.quality import corrected_totals

    # Known at origin 2017: only the error of origin 2015 at 1 year (outcome 1 % above 100).
    # Origin 2017 scored at 2 years: projected 100, outcome 110.
    rows = [
        {"origin": 2015, "horizon": 1, "projected": 100.0, "actual_adjusted": 101.0},
        {"origin": 2017, "horizon": 2, "projected": 100.0, "actual_adjusted": 110.0},
        {"origin": 2019, "horizon": 2, "projected": 100.0, "actual_adjusted": 50.0},  # later
    ]
    errors = pd.DataFrame(rows).assign(level=0, region="18", method="standard")
    out = corrected_totals(errors, [2017], [2])
    assert out["point_2"] == pytest.approx(10 / 110)
    slope = np.log1p(101.0) - np.log1p(100.0)  # per year; the 2019 row is not yet known
    assert out["corrected_2"] == pytest.approx(abs(100 * np.exp(2 * slope) - 110) / 110)
