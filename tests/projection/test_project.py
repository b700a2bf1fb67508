"""project(): shape, sums, no look-ahead, reconciliation and series breaks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from projection_data import make_age_profile, make_employment

from reglab_forecast.projection import project
from reglab_forecast.projection.expansion import project_points
from reglab_forecast.projection.panel import build_panel
from reglab_forecast.snapshot import break_years

COLUMNS = ["region", "ssyk", "year", "employed", "lower", "upper", "expansion", "replacement",
           "recruitment_need"]


def test_table_has_contract_columns_and_target_years(projection):
    table = projection.table
    assert set(COLUMNS) <= set(table.columns)
    assert sorted(table["year"].unique()) == [2030, 2035]
    assert table["region"].nunique() == 21 and table["ssyk"].nunique() == 429
    assert len(table) == 21 * 429 * 2
    assert (table["scenario"] == "Grundscenario").all()
    assert table["estimated"].all()
    assert projection.base_year == 2024


def test_intervals_bracket_the_projection(projection):
    table = projection.table
    assert (table["lower"] <= table["employed"] + 1e-9).all()
    assert (table["upper"] >= table["employed"] - 1e-9).all()
    wide_2035 = (table["upper"] - table["lower"])[table["year"] == 2035].sum()
    wide_2030 = (table["upper"] - table["lower"])[table["year"] == 2030].sum()
    assert wide_2035 > wide_2030


def test_recruitment_need_is_floored_sum_of_parts(projection):
    table = projection.table
    expected = np.maximum(table["replacement"] + table["expansion"], 0)
    np.testing.assert_allclose(table["recruitment_need"], expected)
    assert (table["replacement"] >= 0).all()


@pytest.mark.parametrize("level", [1, 2, 3])
def test_aggregates_sum_to_level_four(projection, level):
    fine = projection.table
    coarse = projection.aggregate(level=level)
    for column in ["employed", "expansion", "replacement", "recruitment_need"]:
        expected = fine.groupby(["region", fine["ssyk"].str[:level], "year"])[column].sum()
        got = coarse.set_index(["region", "ssyk", "year"])[column]
        np.testing.assert_allclose(got.sort_index().to_numpy(), expected.sort_index().to_numpy())
    assert coarse["ssyk_name"].ne("").all()


def test_riket_is_the_sum_of_the_lan(projection):
    riket = projection.aggregate(level=2, regions="riket")
    lan = projection.aggregate(level=2).groupby(["ssyk", "year"])["employed"].sum()
    np.testing.assert_allclose(riket.set_index(["ssyk", "year"])["employed"].sort_index(),
                               lan.sort_index())
    assert (riket["region"] == "00").all() and (riket["region_name"] == "Riket").all()
    both = projection.aggregate(level=1, regions="all")
    assert set(both["region"]) == set(projection.table["region"]) | {"00"}


def test_paths_hold_every_year_from_base(projection):
    years = sorted(projection.paths["year"].unique())
    assert years == list(range(2024, 2036))
    base = projection.paths[projection.paths["year"] == 2024]
    np.testing.assert_allclose(base["employed"], base["base_employed"])
    assert (base["expansion"] == 0).all() and (base["replacement"] == 0).all()


def test_no_look_ahead(employment, age_profile):
    cut = employment[employment["year"] <= 2019]
    cut_ages = age_profile[age_profile["year"] <= 2019]
    from_cut = project(cut, cut_ages, target_years=(2024,))
    from_full = project(employment, age_profile, base_year=2019, target_years=(2024,))
    assert from_cut.base_year == 2019 == from_full.base_year
    pd.testing.assert_frame_equal(from_cut.table, from_full.table)  # intervals included
    # The stored calibration learnt from outcomes after 2019, so it is not used here.
    assert from_full.interval_basis == from_cut.interval_basis == "input_extrapolated"
    assert from_full.calibration.data_end == 2019 and from_full.calibration.origins[-1] == 2018
    assert "2019" in from_full.interval_note and "kvadratroten" in from_full.interval_note
    from reglab_forecast.projection import load_calibration

    stored_upper = np.asarray(load_calibration().upper)[:, :3]
    assert not np.allclose(stored_upper, np.asarray(from_full.calibration.upper))


def test_full_panel_uses_the_stored_calibration(projection):
    from reglab_forecast.projection import load_calibration

    assert projection.interval_basis == "stored"
    assert projection.calibration == load_calibration()
    assert projection.calibration.last_outcome_year <= projection.base_year
    assert "utfall t.o.m. 2024" in projection.interval_note


def test_too_short_history_falls_back_to_year_on_year_changes(small_panel):
    ages = make_age_profile(["1111", "2221", "5321"], range(2014, 2025))
    result = project(small_panel, ages, base_year=2016, target_years=(2018, 2022))
    assert result.interval_basis == "year_on_year" and "kort historik" in result.interval_note
    assert result.calibration.horizons == [1] and result.calibration.data_end == 2016
    table = result.table
    width = (table["upper"] - table["lower"]).groupby(table["year"]).sum()
    assert width[2022] > width[2018] > 0


def test_lan_reconcile_to_national_occupation_path(employment):
    panel = build_panel(employment)
    points = project_points(panel, np.arange(1, 7))
    np.testing.assert_allclose(points.employed.sum(axis=0), points.national.occupations)
    np.testing.assert_allclose(points.employed.sum(axis=(0, 1)), points.national.total)


def test_series_break_is_not_read_as_growth():
    flat = [1000.0] * 9 + [1100.0, 1100.0]  # 2023 jumps 10 %, nothing else moves
    frame = make_employment({("01", "1111"): flat, ("01", "2221"): flat,
                             ("25", "1111"): flat, ("25", "2221"): flat})
    result = project(frame, make_age_profile(["1111", "2221"], range(2014, 2025)),
                     target_years=(2030,))
    total = result.table["employed"].sum()
    assert total == pytest.approx(4400.0, rel=1e-6)
    assert 2023 in break_years()


def test_trend_is_damped(small_panel):
    result = project(small_panel, make_age_profile(["1111", "2221", "5321"], range(2014, 2025)),
                     target_years=(2030, 2035))
    growth = result.aggregate(level=4, regions="riket").set_index(["ssyk", "year"])["employed"]
    base = result.cells.groupby("ssyk")["base_employed"].sum()
    g30 = growth.xs(2030, level="year") / base
    g35 = growth.xs(2035, level="year") / base
    assert g30["2221"] > 1.0 and g35["2221"] > g30["2221"]
    # Damped: the five years after 2030 add less than the six before it.
    assert g35["2221"] / g30["2221"] < g30["2221"]


def test_repr_and_models(projection):
    text = repr(projection)
    assert "Grundscenario" in text and "2030" in text and "rekryteringsbehov" in text
    fit = projection.models["national_total"]
    assert hasattr(fit, "forecast") and fit.params["damping_trend"] < 1


def test_cells_and_gender_balance(projection):
    cells = projection.cells
    assert {"base_employed", "share_55plus", "estimated", "scenario"} <= set(cells.columns)
    assert cells["share_55plus"].between(0, 1).all()
    gender = projection.gender_balance(level=1, regions="riket")
    assert gender["share_women"].between(0, 1).all()
    assert gender["men"].sum() + gender["women"].sum() == cells["base_employed"].sum()


def test_without_stored_calibration_intervals_come_from_the_input(small_panel, monkeypatch,
                                                                 tmp_path):
    from reglab_forecast.projection import model

    monkeypatch.setattr(model, "_stored_calibration",
                        lambda: model.load_calibration(tmp_path / "saknas.json"))
    ages = make_age_profile(["1111", "2221", "5321"], range(2014, 2025))
    result = project(small_panel, ages, target_years=(2030,))
    assert "indata" in result.calibration.note
    assert (result.table["upper"] >= result.table["employed"]).all()


def test_aggregate_region_arguments(projection):
    by_name = projection.aggregate(level=1, regions="Örebro län")
    assert set(by_name["region"]) == {"18"}
    riket = projection.aggregate(level=1, regions="riket")
    assert set(riket["region"]) == {"00"}
    mixed = projection.aggregate(level=1, regions=["18", "00"])
    assert set(mixed["region"]) == {"18", "00"}
    from reglab_forecast.errors import InputError

    with pytest.raises(InputError, match="Narnia"):
        projection.aggregate(level=1, regions=["Narnia"])
    with pytest.raises(InputError, match="SSYK-nivå"):
        projection.aggregate(level=5)


def test_gender_balance_for_one_lan(projection):
    one = projection.gender_balance(level=2, regions="18")
    assert set(one["region"]) == {"18"}
    base = projection.cells.query("region == '18'")["base_employed"].sum()
    assert one["men"].sum() + one["women"].sum() == base


def test_outputs_carry_source_and_vintage(projection):
    note = projection.source_note
    assert "AM0208" in note and "2014–2024" in note and "Grundscenario" in note
