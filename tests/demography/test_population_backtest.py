"""The population backtest: baselines, figures and the stored declaration."""

from __future__ import annotations

import json

import numpy as np
import pytest

import reglab_forecast as rf
from reglab_forecast.demography.backtest import ORIGINS, backtest
from reglab_forecast.demography.intervals import DECLARATION, load_population_calibration


@pytest.fixture(scope="module")
def result():
    return backtest()


def test_origins_and_horizons_are_the_agreed_ones(result):
    pairs = sorted({(int(o), int(h)) for o, h in result.rows[["origin", "horizon"]].to_numpy()})
    assert pairs == [(2000, 10), (2005, 10), (2009, 10), (2010, 5), (2014, 5)]
    assert pairs == sorted(ORIGINS)


def test_baselines_and_outcomes_come_from_the_observed_population(result):
    pop = rf.load_population(regions="Dalarna", by_sex=False)
    working = pop[pop["age"].isin([str(a) for a in range(20, 65)])]
    by_year = working.groupby("year")["population"].sum()
    rows = result.rows.query("region == '20' and measure == '20-64' and origin == 2009")
    by_method = rows.set_index("method")
    assert by_method.loc["constant", "projected"] == by_year[2009]
    trend = by_year[2009] + 10 * (by_year[2009] - by_year[1999]) / 10
    assert by_method.loc["trend", "projected"] == pytest.approx(trend)
    assert by_method.loc["method", "observed"] == by_year[2019]


def test_mape_is_the_mean_over_the_lan(result):
    rows = result.rows.query("origin == 2014 and measure == 'total' and method == 'method'")
    expected = float(np.mean(np.abs(rows["projected"] / rows["observed"] - 1)) * 100)
    summary = result.summary.query("origin == 2014 and measure == 'total' and "
                                   "method == 'method'")
    assert summary["mape"].iloc[0] == pytest.approx(expected)
    assert len(rows) == 21


def test_method_beats_constant_population_everywhere(result):
    table = result.beats_baselines()
    assert (table["method"] < table["constant"]).all()
    assert table["beats"].sum() >= 7  # of 10 origin × measure cells (measured: 7)


def test_stored_declaration_is_this_run(result):
    stored = json.loads(DECLARATION.read_text(encoding="utf-8"))
    assert stored == json.loads(json.dumps(result.as_dict()))
    calibration = load_population_calibration()
    assert calibration.slopes == result.calibration().slopes
    assert 0.7 <= result.coverage() <= 0.9


def test_text_is_swedish_with_both_baselines(result):
    text = result.to_text()
    assert "oförändrad befolkning" in text and "linjär trend 10 år" in text
    assert "20–64 år" in text and "," in text.splitlines()[2]
