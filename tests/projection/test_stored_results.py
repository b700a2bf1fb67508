"""The stored quality declaration and interval calibration are what the method gives today.

``project`` and every brief read these two files instead of re-running the backtest, so a
change to the method that is not followed by ``reglab-forecast backtest --save`` would print
figures in the brief that no longer describe the method. (This check used to live only in
notebook 03, which ``-m "not notebooks"`` switches off.)
"""

from __future__ import annotations

import numpy as np
import pytest

from reglab_forecast.projection import backtest, load_quality_declaration
from reglab_forecast.projection.intervals import load_calibration

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rerun(employment):  # type: ignore[no-untyped-def]
    return backtest(employment)


def test_stored_declaration_equals_a_rerun_of_the_backtest(rerun) -> None:  # type: ignore[no-untyped-def]
    stored = load_quality_declaration()
    columns = ["wape", "wape_totals_known", "direction", "coverage"]
    got = rerun.headline.set_index("method")[columns].sort_index()
    want = stored.headline.set_index("method")[columns].sort_index()
    assert list(got.index) == list(want.index)
    np.testing.assert_allclose(got.to_numpy(float), want.to_numpy(float), rtol=1e-9,
                               atol=1e-12, equal_nan=True)


def test_stored_calibration_equals_a_rerun_of_the_backtest(rerun) -> None:  # type: ignore[no-untyped-def]
    stored = load_calibration()
    assert rerun.calibration is not None
    assert rerun.calibration.size_edges == stored.size_edges
    assert rerun.calibration.horizons == stored.horizons
    np.testing.assert_allclose(rerun.calibration.lower, stored.lower, atol=1e-5)
    np.testing.assert_allclose(rerun.calibration.upper, stored.upper, atol=1e-5)
