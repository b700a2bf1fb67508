"""The dialogue engine gives the numbers of ``project`` with the same scenario, fast."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import reglab_forecast as rf
from reglab_forecast.dialog.engine import DialogModel, Levers
from reglab_forecast.errors import ReglabError
from reglab_forecast.projection import project
from reglab_forecast.projection.model import add_intervals

LEVERS = Levers(national_growth=0.8, regional_growth=1.2, retirement_age_shift=2,
                shock_ssyk="8121", shock_persons=900, shock_from_year=2028)


@pytest.fixture(scope="module")
def data() -> tuple[pd.DataFrame, pd.DataFrame]:
    return rf.load_employment(level=4), rf.load_age_profile(level=4)


@pytest.fixture(scope="module")
def model(data: tuple[pd.DataFrame, pd.DataFrame]) -> DialogModel:
    return DialogModel(*data)


@pytest.fixture(scope="module")
def projected(data: tuple[pd.DataFrame, pd.DataFrame]) -> pd.DataFrame:
    result = project(*data, scenario=LEVERS.scenario("25"))
    years = range(result.base_year, max(result.target_years) + 1)
    table = result.aggregate(level=1, regions=["25", "00"], years=years)
    totals = table.groupby(["region", "year"], as_index=False)[
        ["employed", "base_employed", "expansion", "replacement", "recruitment_need"]].sum()
    return pd.concat([table, add_intervals(totals, result.calibration, result.base_year)
                      .assign(ssyk="")])


@pytest.mark.parametrize(("region", "ssyk"), [("25", ""), ("25", "8"), ("00", ""), ("00", "2")])
def test_engine_matches_project(model: DialogModel, projected: pd.DataFrame, region: str,
                                ssyk: str) -> None:
    path = model.path(model.compute(LEVERS, "25"), region, ssyk)
    rows = projected[(projected["region"] == region) & (projected["ssyk"] == ssyk)]
    rows = rows.sort_values("year")
    assert np.array_equal(path.years, rows["year"].to_numpy())
    for mine, theirs in (("employed", "employed"), ("expansion", "expansion"),
                         ("replacement", "replacement"), ("lower", "lower"),
                         ("upper", "upper")):
        np.testing.assert_allclose(getattr(path, mine), rows[theirs].to_numpy(), rtol=1e-9)
    if ssyk:  # need is floored per SSYK4 cell, then summed: the same in both
        np.testing.assert_allclose(path.need, rows["recruitment_need"].to_numpy(), rtol=1e-9)


def test_history_is_the_observed_data(model: DialogModel,
                                      data: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    employment = data[0]
    path = model.path(model.base, "25", "")
    observed = employment[employment["region"] == "25"].groupby("year")["employed"].sum()
    assert list(path.history_years) == list(observed.index)
    np.testing.assert_allclose(path.history, observed.to_numpy())
    assert path.employed[0] == observed.iloc[-1]  # the path starts at the observed base year


def test_levers_move_what_they_should(model: DialogModel) -> None:
    base = model.path(model.base, "25", "")
    later = model.path(model.compute(Levers(retirement_age_shift=2), "25"), "25", "")
    grow = model.path(model.compute(Levers(regional_growth=2.0), "25"), "25", "")
    other = model.path(model.compute(Levers(regional_growth=2.0), "25"), "01", "")
    assert later.replacement[-1] < base.replacement[-1]
    np.testing.assert_allclose(later.employed, base.employed)
    np.testing.assert_allclose(grow.employed[-1], base.employed[0] * 1.02 ** 11, rtol=1e-9)
    np.testing.assert_allclose(other.employed, model.path(model.base, "01", "").employed)


def test_areas_add_up_to_the_total(model: DialogModel) -> None:
    cube = model.compute(LEVERS, "25")
    areas = model.areas(cube, "25", 2035)
    total = model.path(cube, "25", "").at(2035)
    assert len(areas) == 10 and areas["ssyk_name"].str.len().min() > 3
    assert areas["employed"].sum() == pytest.approx(total["employed"])
    assert areas["need"].sum() == pytest.approx(total["need"])


def test_bad_shock_is_a_swedish_error(model: DialogModel) -> None:
    with pytest.raises(ReglabError, match="menade du"):
        model.compute(Levers(shock_ssyk="9999", shock_persons=10), "25")
    with pytest.raises(ValueError):
        model.compute(Levers(retirement_age_shift=40), "25")


def test_describe_says_what_is_set() -> None:
    assert Levers().describe("Norrbottens län") == "Inga spakar ändrade"
    text = LEVERS.describe("Norrbottens län")
    assert "riket 0,8 % per år" in text and "Norrbottens län 1,2 % per år" in text
    assert "pension +2 år" in text and "+900 anställda i yrke 8121 från 2028" in text
