"""The dialog's education and population views give the numbers of the library functions
(``need_by_education``, ``project_population``, ``labour_supply``, ``balance``) for the same
scenario, and the scenario file with demographic levers reproduces the session."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import reglab_forecast as rf
from reglab_forecast.demography import load_demographic_scenario, project_population
from reglab_forecast.dialog.app import DialogApp
from reglab_forecast.dialog.downloads import scenario_toml
from reglab_forecast.dialog.education import EducationView
from reglab_forecast.dialog.engine import DialogModel, Levers
from reglab_forecast.dialog.people import PeopleModel, gap_interval
from reglab_forecast.education import need_by_education
from reglab_forecast.errors import ReglabError
from reglab_forecast.projection import load_scenario, project
from reglab_forecast.supply import balance, labour_supply

LEVERS = Levers(regional_growth=1.5, shock_ssyk="5321", shock_persons=400, net_migration=800,
                migration_percent=50, rate_band="60-69", rate_points=5)


@pytest.fixture(scope="module")
def model() -> DialogModel:
    return DialogModel(rf.load_employment(level=4), rf.load_age_profile(level=4))


@pytest.fixture(scope="module")
def people(model: DialogModel) -> PeopleModel:
    return PeopleModel(model.base_year)


@pytest.fixture(scope="module")
def population() -> pd.DataFrame:
    return rf.load_population()


@pytest.mark.parametrize("by", ["level", "field"])
def test_education_need_matches_need_by_education(model: DialogModel, by: str) -> None:
    cube = model.compute(LEVERS, "25")
    projection = project(rf.load_employment(level=4), rf.load_age_profile(level=4),
                         scenario=LEVERS.scenario("25"))
    theirs = need_by_education(projection, by=by, years=[2035])
    theirs = theirs[theirs["region"] == "25"].set_index("education")["recruitment_need"]
    mix = EducationView(model).mix(by)
    mine = pd.Series(mix.need(cube, "25", 2035), index=mix.educations)
    assert set(mine.index) == set(theirs.index)
    np.testing.assert_allclose(mine.reindex(theirs.index), theirs, rtol=1e-9, atol=1e-6)


def test_education_fields_keep_the_unknown_apart(model: DialogModel) -> None:
    frame = EducationView(model).frame(model.base, model.compute(LEVERS, "25"), "25", 2035,
                                       "field")
    assert frame["education"].iloc[-1] == "övrig eller okänd utbildning"
    assert frame["education"].iloc[-2] == "övriga inriktningar"
    assert frame["share"].sum() == pytest.approx(1.0)
    assert frame["need"].sum() == pytest.approx(model.path(model.compute(LEVERS, "25"),
                                                           "25").at(2035)["need"])


def test_population_and_supply_match_the_library(people: PeopleModel,
                                                  population: pd.DataFrame) -> None:
    table = LEVERS.demography("25")
    cube = people.compute(people.scenario(table))
    projected = project_population(population, scenario={"demography": table})
    supply = labour_supply(projected)
    for region in ("25", "01"):
        path = people.path(cube, region)
        theirs = supply[supply["region"] == region].groupby("year")["employees"].sum()
        np.testing.assert_allclose(path.supply, theirs.to_numpy(), rtol=1e-9)
        totals = projected.totals((20, 64))
        rows = totals[totals["region"] == region].set_index("year")
        for year in (2030, 2035, 2040):
            values = path.at(year)
            assert values["working_age"] == pytest.approx(rows.loc[year, "population"])
            assert values["working_age_lower"] == pytest.approx(rows.loc[year, "lower"])
            assert values["working_age_upper"] == pytest.approx(rows.loc[year, "upper"])


def test_levers_move_the_population(people: PeopleModel) -> None:
    base = people.path(people.base, "25").at(2035)
    more = people.path(people.compute(people.scenario({"net_migration": {"25": 1000}})),
                       "25").at(2035)
    older = people.path(people.compute(people.scenario({"employment_rate": {"60-69": 5}})),
                        "25").at(2035)
    other = people.path(people.compute(people.scenario({"net_migration": {"25": 1000}})),
                        "01").at(2035)
    assert more["working_age"] > base["working_age"] and more["supply"] > base["supply"]
    assert older["working_age"] == pytest.approx(base["working_age"])
    assert older["supply"] > base["supply"]
    assert other["working_age"] == pytest.approx(people.path(people.base, "01")
                                                 .at(2035)["working_age"])


def test_gap_matches_the_balance(model: DialogModel, people: PeopleModel) -> None:
    standard = people.standard
    table = balance(model.base_projection, labour_supply(standard), standard).table
    row = table[(table["region"] == "25") & (table["year"] == 2035)].iloc[0]
    work = model.path(model.base, "25").at(2035)
    side = people.path(people.base, "25").at(2035)
    gap = gap_interval((work["employed"], work["lower"], work["upper"]),
                       (side["supply"], side["supply_lower"], side["supply_upper"]))
    np.testing.assert_allclose(gap, (row["gap"], row["gap_lower"], row["gap_upper"]),
                               rtol=1e-9)


def test_bad_demographic_lever_is_a_swedish_error(people: PeopleModel) -> None:
    with pytest.raises(ReglabError, match="employment_rate"):
        people.scenario({"employment_rate": {"10-20": 5}})


def test_scenario_file_with_demography_reproduces_the_session(
        people: PeopleModel, population: pd.DataFrame, tmp_path: Path) -> None:
    raw = LEVERS.as_dict("25", label="Norrbottens län")
    text = scenario_toml(raw)
    assert tomllib.loads(text) == raw and "[demography.net_migration]" in text
    path = tmp_path / "dialogscenario.toml"
    path.write_text(text, encoding="utf-8")
    assert load_scenario(path).regional_growth == {"25": 1.5}
    again = load_demographic_scenario(path)
    assert again.net_migration == {"25": 800.0} and again.net_migration_factor == 0.5
    assert again.employment_rate == {"60-69": 5.0}
    rerun = project_population(population, scenario=path).totals((20, 64))
    mine = people.path(people.compute(people.scenario(LEVERS.demography("25"))), "25")
    assert mine.at(2035)["working_age"] == pytest.approx(
        rerun.set_index(["region", "year"]).loc[("25", 2035), "population"])
    assert "nettoinflyttning till Norrbottens län +800" in raw["description"]


def test_page_shows_education_and_population(model: DialogModel, in_fresh_thread) -> None:
    def check() -> None:
        app = DialogApp(model, "25")
        assert app.education_by.disabled and app.levers.people is not None
        app.view.value = "education"
        assert not app.education_by.disabled and "forskarutbildning" in app.table.value
        app.education_by.value = "field"
        assert "övrig eller okänd utbildning" in app.table.value
        app.view.value = "people"
        figure, table = app.figure.value, app.table.value
        assert "Invånare 20–64 år" in table and "Arbetskraftsutbud" in table
        assert app.levers.people.band.disabled
        app.levers.people.migration.value = 1500
        assert app.figure.value != figure and app.table.value != table
        assert "nettoinflyttning till Norrbottens län +1\u00a0500" in app.status.value
        app.levers.people.points.value = 3
        assert not app.levers.people.band.disabled
        raw = app.levers.levers().as_dict("25")
        assert raw["demography"] == {"net_migration": {"25": 1500.0},
                                     "employment_rate": {"60-69": 3.0}}

    in_fresh_thread(check, wait=300)
