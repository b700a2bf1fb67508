"""The interval calibration worked by hand: size-bin edges, horizons, clamps and the stored file."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reglab_forecast.errors import SnapshotError
from reglab_forecast.projection.intervals import (
    SIZE_EDGES,
    Calibration,
    calibrate,
    load_calibration,
    size_bins,
)


def test_size_bins_on_and_between_the_edges() -> None:
    # Edges 0, 20, 100, 500, 2 000, 10 000, 50 000, 250 000: a cell of exactly 20 is in the
    # second bin, 19.9 in the first; anything from 250 000 up in the last.
    base = np.array([-5.0, 0.0, 19.9, 20.0, 99.0, 100.0, 499.0, 2000.0, 249999.0, 250000.0, 1e7])
    assert size_bins(base, SIZE_EDGES).tolist() == [0, 0, 0, 1, 1, 2, 2, 4, 6, 7, 7]


def _two_horizons() -> Calibration:
    # One bin's offsets: ±0.1 at one year, ±0.2 at two; the other seven bins ±0.5.
    lower = [[-0.1, -0.2]] + [[-0.5, -0.5]] * 7
    upper = [[0.1, 0.2]] + [[0.5, 0.5]] * 7
    return Calibration(horizons=[1, 2], lower=lower, upper=upper)


def test_offsets_up_to_the_longest_horizon_are_as_stored_and_widen_beyond() -> None:
    calibration = _two_horizons()
    assert calibration.offsets(np.array([5.0]), 2) == (pytest.approx([-0.2]),
                                                       pytest.approx([0.2]))
    lower, upper = calibration.offsets(np.array([5.0]), 8)  # sqrt(8 / 2) = 2
    assert lower[0] == pytest.approx(-0.4) and upper[0] == pytest.approx(0.4)


def test_apply_at_the_base_year_is_the_projection_itself() -> None:
    projected = np.array([120.0, 0.0])
    lower, upper = _two_horizons().apply(projected, np.array([5.0, 5.0]), 0)
    assert lower.tolist() == [120.0, 0.0] and upper.tolist() == [120.0, 0.0]


def test_apply_by_hand_for_an_empty_and_a_tiny_cell() -> None:
    calibration = Calibration(horizons=[1], lower=[[-0.8]] * 8, upper=[[0.5]] * 8)
    lower, upper = calibration.apply(np.array([0.0, 0.5, 100.0]), np.array([0.0, 1.0, 100.0]), 1)
    # log1p scale: an empty cell's upper bound is e^0.5 − 1; a lower bound never goes below 0.
    assert upper[0] == pytest.approx(np.expm1(0.5)) and lower[0] == 0.0
    assert lower[1] == 0.0 and upper[1] == pytest.approx(1.5 * np.exp(0.5) - 1)
    assert lower[2] == pytest.approx(101 * np.exp(-0.8) - 1)


def _errors(rows: list[tuple[int, int, float, float]]) -> pd.DataFrame:
    """(origin, horizon, base, log error) → an errors frame with projected = base."""
    frame = pd.DataFrame(rows, columns=["origin", "horizon", "base", "error"])
    frame["projected"] = frame["base"]
    frame["actual"] = np.expm1(np.log1p(frame["projected"]) + frame["error"])
    return frame


def test_calibrate_keeps_the_projection_inside_and_records_its_data() -> None:
    # Every outcome 10 % above the projection (log error 0.1) at horizons 1 and 3, nothing at 2.
    rows = [(o, h, 5000.0, 0.1) for o in (2016, 2017, 2018) for h in (1, 3)]
    calibration = calibrate(_errors(rows), actual_column="actual")
    lower = np.asarray(calibration.lower)
    upper = np.asarray(calibration.upper)
    bin_ = int(size_bins(np.array([5000.0]), SIZE_EDGES)[0])
    assert calibration.horizons == [1, 2, 3]
    assert lower[bin_].tolist() == [0.0, 0.0, 0.0]  # the projection stays inside
    assert upper[bin_].tolist() == pytest.approx([0.1, 0.1, 0.1])  # horizon 2 carried from 1
    assert np.delete(upper, bin_, axis=0).max() == 0.0  # bins without errors: no widening
    assert calibration.origins == [2016, 2017, 2018] and calibration.data_end == 2021


def test_calibration_file_round_trip_and_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    calibration = _two_horizons()
    path = calibration.save(tmp_path / "calibration.json")
    assert load_calibration(path) == calibration
    with pytest.raises(SnapshotError, match="backtest --save"):
        load_calibration(tmp_path / "saknas.json")
    (tmp_path / "trasig.json").write_text("{", encoding="utf-8")
    with pytest.raises(SnapshotError, match="går inte att läsa"):
        load_calibration(tmp_path / "trasig.json")
