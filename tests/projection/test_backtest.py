"""Backtest metrics on hand-made data where the answer is known, and the stored declaration."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from projection_data import make_employment

from reglab_forecast.projection import backtest, load_quality_declaration
from reglab_forecast.projection.backtest import rolling_errors
from reglab_forecast.projection.panel import build_panel
from reglab_forecast.projection.quality import cell_metrics


def test_cell_metrics_by_hand():
    cells = pd.DataFrame({
        "region": ["A", "A", "B"], "base": [100.0, 100.0, 50.0],
        "actual": [120.0, 90.0, 50.0], "projected": [110.0, 100.0, 60.0],
    })
    metrics = cell_metrics(cells, "standard")
    assert metrics["wape"] == pytest.approx(30 / 260)
    # Region totals known: A is already right in total, B is scaled from 60 down to 50.
    assert metrics["wape_totals_known"] == pytest.approx(20 / 260)
    # Moved ≥ 5 %: A/o1 (+20 %, projected up: right), A/o2 (−10 %, projected flat: wrong).
    assert metrics["direction"] == pytest.approx(0.5) and metrics["cells_moved"] == 2
    assert metrics["faster"] == pytest.approx(1.0)
    assert np.isnan(cell_metrics(cells, "no_change")["direction"])
    assert np.isnan(cell_metrics(cells, "constant_shares")["faster"])


def test_a_panel_that_never_changes_is_projected_without_error():
    flat = make_employment({(r, c): [500.0] * 11 for r in ("01", "02") for c in ("1111", "2221")})
    declaration = backtest(flat, origins=[2016, 2017, 2018, 2019], horizons=[3, 5],
                           headline_origins=(2017, 2018, 2019))
    headline = declaration.headline.set_index("method")
    assert headline["wape"].max() == pytest.approx(0.0, abs=1e-9)
    assert headline.loc["standard", "coverage"] == pytest.approx(1.0)


def test_no_change_error_matches_hand_computation(small_panel):
    errors = rolling_errors(build_panel(small_panel), origins=[2016])
    row = errors[(errors["method"] == "no_change") & (errors["level"] == 3)
                 & (errors["horizon"] == 5) & (errors["region"] != "00")]
    wide = small_panel.groupby(["region", "ssyk", "year"])["employed"].sum().unstack()
    expected = (wide[2021] - wide[2016]).abs().sum() / wide[2021].sum()
    got = (row["projected"] - row["actual"]).abs().sum() / row["actual"].sum()
    assert got == pytest.approx(expected)
    standard = errors[(errors["method"] == "standard") & (errors["level"] == 4)]
    assert standard["origin"].eq(2016).all() and standard["horizon"].max() == 8


def test_backtest_on_a_trend_beats_no_change(small_panel):
    declaration = backtest(small_panel, origins=[2016, 2017, 2018, 2019], horizons=[3, 5])
    headline = declaration.headline.set_index("method")
    assert headline.loc["standard", "wape"] < headline.loc["no_change", "wape"]
    assert headline.loc["standard", "direction"] == pytest.approx(1.0)
    assert set(declaration.by_horizon["horizon"]) == {3, 5}


def test_bad_origins(small_panel):
    from reglab_forecast.errors import InputError

    with pytest.raises(InputError, match="startår"):
        backtest(small_panel, origins=[2014])


def test_stored_declaration_is_readable():
    declaration = load_quality_declaration()
    assert set(declaration.headline["method"]) == {"standard", "no_change", "constant_shares",
                                                   "national_trend", "national_path_known"}
    assert 0 < declaration.figure("national_mix_known", "wape_totals_known") < 0.2
    text = declaration.to_text()
    assert "Standardmetoden" in text and "Konstanta yrkesandelar" in text and "%" in text
    targets = declaration.targets
    assert 0.5 < targets["coverage"] < 1.0
    # The stored declaration holds what the CLI prints: län totals (totals unknown) for the
    # method and the baselines at 3 and 5 years, and coverage per size bin.
    totals = declaration.totals
    assert {"standard", "constant_shares", "occupations_only"} <= set(totals["method"])
    assert set(totals["horizon"]) == {3, 5}
    bins = declaration.coverage_bins
    assert set(bins["level"]) == {0, 3} and len(bins[bins["level"] == 3]) >= 8
    for heading in ("Länens totaler", "per storleksklass", "Riktning, justerad",
                    "Snabbare än snittet", "3 år (startår", "5 år (startår"):
        assert heading in text


def test_declaration_save_and_load_round_trip(tmp_path, small_panel):
    declaration = backtest(small_panel, origins=[2017, 2018, 2019], horizons=[5])
    path = declaration.save(tmp_path / "q.json", tmp_path / "c.json")
    loaded = load_quality_declaration(path)
    pd.testing.assert_frame_equal(
        loaded.headline.drop(columns="origins"), declaration.headline.drop(columns="origins"),
        check_dtype=False)
    assert (tmp_path / "c.json").exists()


def test_stored_results_follow_the_snapshot_in_use(monkeypatch, tmp_path):
    from reglab_forecast.projection import stored

    monkeypatch.delenv("REGLAB_SNAPSHOT_DIR", raising=False)
    monkeypatch.setenv("REGLAB_DATA_DIR", str(tmp_path / "empty"))
    assert stored.save_path(stored.CALIBRATION) == stored.PACKAGE_DIR / stored.CALIBRATION
    own = tmp_path / "snap"
    own.mkdir()
    monkeypatch.setenv("REGLAB_SNAPSHOT_DIR", str(own))
    assert stored.save_path(stored.DECLARATION) == own / stored.DECLARATION
    # Nothing saved there yet: the packaged file is read.
    assert stored.read_path(stored.DECLARATION) == stored.PACKAGE_DIR / stored.DECLARATION
    (own / stored.DECLARATION).write_text("{}", encoding="utf-8")
    assert stored.read_path(stored.DECLARATION) == own / stored.DECLARATION


def test_every_column_of_the_declaration_is_explained_in_plain_words():
    from reglab_forecast.projection.declaration import COLUMNS

    text = load_quality_declaration().to_text()
    explained = text.split("Så läses måtten:", 1)[1].split("Mål:", 1)[0]
    assert "viktat absolut procentfel" in explained and "Lägre är bättre" in explained
    for label in COLUMNS.values():
        first = label.split(",")[0]
        assert first.lower() in explained.lower(), label
    assert "Länstotal känd" in explained and "justerad:" in explained
