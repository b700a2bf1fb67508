"""The employees-per-resident rates: damped trend against constant rates, backtested."""

from __future__ import annotations

import numpy as np
import pytest

from reglab_forecast.errors import SnapshotError
from reglab_forecast.supply.rate_backtest import load_rate_trend, rate_backtest
from reglab_forecast.supply.rates import BANDS, RateHistory, trended_band_rates

YEARS = tuple(range(2014, 2025))


def _history(step: float, breaks: tuple[int, ...] = ()) -> RateHistory:
    """Two län, 1 000 residents in every cell, rate 0,5 rising by ``step`` a year."""
    shape = (len(YEARS), 2, 2, len(BANDS))
    residents = np.full(shape, 1000.0)
    rates = 0.5 + step * np.arange(len(YEARS))[:, None, None, None] * np.ones(shape)
    return RateHistory(YEARS, ("18", "25"), residents * rates, residents, breaks)


def test_a_steady_rise_is_trended_and_damped() -> None:
    history = _history(0.01)
    path = trended_band_rates(history, np.array([1, 2, 5]))
    last = 0.5 + 0.01 * 10
    # Holt's damped slope (β = 0,1, φ = 0,9) from the mean step 0,01: b ← 0,1·0,01 + 0,9·0,9·b
    # over the ten years, then added as b·(φ + … + φ^h).
    slope = 0.01
    for _ in range(10):
        slope = 0.1 * 0.01 + 0.81 * slope
    expected = [last + slope * sum(0.9**k for k in range(1, h + 1)) for h in (1, 2, 5)]
    assert path[:, 0, 0, 0] == pytest.approx(expected, rel=1e-9)


def test_backtest_keeps_the_trend_only_when_it_wins() -> None:
    rising = rate_backtest(_history(0.01))
    assert rising.chosen == "trend"
    # Damped, the trend stays under the straight line but far closer than constant rates.
    assert 0 < rising.wape["trend"]["5"] < rising.wape["constant"]["5"] / 2
    flat = rate_backtest(_history(0.0))
    assert flat.chosen == "constant"  # no gain, so the simpler rates stay
    assert flat.wape["constant"]["3"] == pytest.approx(0.0)


def test_break_years_do_not_count_as_growth() -> None:
    history = _history(0.0)
    lifted = history.employees.copy()
    lifted[YEARS.index(2020):] *= 1.1  # a measurement jump in 2020 only
    broken = RateHistory(YEARS, history.regions, lifted, history.residents, (2020,))
    assert trended_band_rates(broken, np.array([5]))[0] == pytest.approx(0.55)


def test_missing_years_and_stored_file(tmp_path) -> None:
    with pytest.raises(SnapshotError, match="saknar"):
        rate_backtest(_history(0.01), origins=(2022,), horizons=(5,))
    with pytest.raises(SnapshotError, match="befolkning --backtest --save"):
        load_rate_trend(tmp_path / "none.json")
    stored = load_rate_trend()
    # The trend was measured better than constant rates against break-adjusted outcomes.
    for h in ("3", "5"):
        assert stored.wape["trend"][h] < stored.wape["constant"][h]
    assert len(stored.regions) == 21 and np.asarray(stored.slopes).shape == (21, 2, len(BANDS))
    assert "Dämpad trend" in stored.to_text()
    # The residents of 2020–2024 are the bridged population: flagged with the figures.
    assert stored.bridged_years == [2020, 2021, 2022, 2023, 2024]
    assert "skattade befolkningsbryggan" in stored.to_text()
    path = stored.save(tmp_path / "r.json")
    assert load_rate_trend(path) == stored
