"""The cohort-component projection: accounting, ageing, inputs and intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import reglab_forecast as rf
from reglab_forecast.demography import project_population
from reglab_forecast.errors import InputError, ScenarioError


@pytest.fixture(scope="module")
def population() -> pd.DataFrame:
    return rf.load_population()


@pytest.fixture(scope="module")
def projection(population):
    return project_population(population)


def test_table_and_components_follow_the_contract(projection):
    table = projection.table
    assert list(table.columns) == ["region", "age", "sex", "year", "population", "lower",
                                   "upper"]
    assert projection.base_year == 2025
    assert sorted(table["year"].unique()) == list(range(2025, 2041))
    assert table["age"].nunique() == 101 and table["region"].nunique() == 21
    assert list(projection.components.columns) == ["region", "year", "births", "deaths",
                                                   "net_migration"]
    assert "2040" in repr(projection)


def test_components_add_up_to_the_change(projection):
    totals = projection.table.groupby(["region", "year"])["population"].sum().unstack()
    change = totals.diff(axis=1).iloc[:, 1:].stack()
    parts = projection.components.set_index(["region", "year"])
    explained = parts["births"] - parts["deaths"] + parts["net_migration"]
    assert np.allclose(change.sort_index(), explained.sort_index(), rtol=0, atol=1e-6)


def test_base_year_is_the_input(projection, population):
    base = projection.table.query("year == 2025").groupby("region")["population"].sum()
    given = population.query("year == 2025").groupby("region")["population"].sum()
    assert np.allclose(base.sort_index(), given.sort_index())


def _closed(years: range) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Two regions with no deaths, no births and no migration: each cohort just ages."""
    rows = []
    first = years[0]
    for year in years:
        for age in range(101):
            born = year - age
            count = 1000 + (born % 7) * 10 if born <= first else 0
            if age == 100:
                count = sum(1000 + ((year - a) % 7) * 10 for a in range(100, 100 + year - first + 1)
                            if year - a <= first)
            for region in ("01", "03"):
                for sex in ("men", "women"):
                    label = "100+" if age == 100 else str(age)
                    rows.append((region, label, sex, year, float(count)))
    pop = pd.DataFrame(rows, columns=["region", "age", "sex", "year", "population"])
    zero_d = pop.assign(deaths=0.0).drop(columns="population")
    zero_b = pd.DataFrame([(r, str(a), s, y, 0.0) for r in ("01", "03") for a in range(15, 49)
                           for s in ("men", "women") for y in years],
                          columns=["region", "mother_age", "sex", "year", "births"])
    return pop, zero_d, zero_b


def test_a_closed_population_only_ages():
    pop, deaths, births = _closed(range(1990, 2021))
    result = project_population(pop, deaths, births, target_years=[2025])
    table = result.table.set_index(["region", "sex", "year", "age"])["population"]
    start = pop[pop["year"] == 2020].set_index(["region", "sex", "age"])["population"]
    for age in (5, 30, 99):
        assert table[("01", "men", 2025, str(age))] == pytest.approx(start[("01", "men",
                                                                            str(age - 5))])
    assert table[("03", "women", 2025, "3")] == 0
    assert result.components["births"].sum() == 0


def test_nothing_after_the_base_year_is_used(population):
    early = population[population["year"] <= 2010]
    full = project_population(early, target_years=[2015])
    cut = project_population(early, rf.load_deaths(years=range(1968, 2011)),
                             rf.load_births(years=range(1968, 2011)), target_years=[2015])
    assert np.allclose(full.paths, cut.paths)


def test_intervals_hold_the_point_and_widen(projection):
    working = projection.totals((20, 64))
    assert (working["lower"] <= working["population"]).all()
    assert (working["population"] <= working["upper"]).all()
    riket = working[working["region"] == "00"].set_index("year")
    width = (riket["upper"] - riket["lower"]).to_numpy()
    assert width[0] == 0 and np.all(np.diff(width) > 0)
    assert working["estimated"].all()


def test_bad_target_years_and_banded_ages(population):
    with pytest.raises(InputError, match="2041"):
        project_population(population, target_years=[2041])
    with pytest.raises(InputError, match="ettårsåldrar"):
        project_population(rf.load_population(age_bands=5))


def test_net_migration_lever_moves_only_its_region(population, projection):
    lifted = project_population(population, scenario={"demography": {
        "net_migration": {"Norrbotten": 1000}}})
    before = projection.totals((0, 100), riket=False).set_index(["region", "year"])
    after = lifted.totals((0, 100), riket=False).set_index(["region", "year"])
    gain = (after["population"] - before["population"]).xs(2040, level="year")
    parts = (lifted.components.set_index(["region", "year"])
             - projection.components.set_index(["region", "year"])).xs("25")
    assert np.allclose(parts["net_migration"], 1000)
    # 15 years of 1 000 more, plus their children, minus the few who die
    assert gain["25"] == pytest.approx(15_000 + parts["births"].sum() - parts["deaths"].sum())
    assert 0 < parts["births"].sum() < 3_000 and 0 < parts["deaths"].sum() < 300
    assert gain.drop("25").abs().max() < 1e-6


@pytest.mark.parametrize("table, message", [
    ({"net_migraton_factor": 1.2}, "menade du 'net_migration_factor'"),
    ({"net_migration_factor": 7}, "orimligt"),
    ({"employment_rate": {"70-79": 3}}, "16–69"),
    ({"net_migration": {"Atlantis": 100}}, "Atlantis"),
    ({"net_migration": {"18": 2000, "Örebro län": 1000}},
     "länet anges två gånger \\(\"18\" och \"Örebro län\"\\)"),
    ({"net_migration_factor": True}, "ska vara ett tal, fick true$"),
    ({"employment_rate": {"60-69": 4, "60–69": 2}},
     "åldersgruppen anges två gånger \\(\"60-69\" och \"60–69\"\\)"),
])
def test_bad_demographic_levers(population, table, message):
    with pytest.raises(ScenarioError, match=message):
        project_population(population, scenario={"demography": table})


def test_a_demography_that_is_not_a_table_is_named_as_written(population):
    with pytest.raises(ScenarioError, match=r"^\[demography\] ska vara en tabell$"):
        project_population(population, scenario={"demography": 5})


def test_an_age_band_as_the_briefs_print_it_is_read(population):
    from reglab_forecast.demography.scenario import demographic_from_dict

    assert demographic_from_dict({"employment_rate": {"60–69": 5}}).employment_rate == {
        "60-69": 5.0}


def test_the_table_is_made_once_and_each_caller_gets_a_copy():
    from reglab_forecast.demography import standard_projection

    projection = standard_projection()
    first = projection.table
    total = float(first["population"].sum())
    first["population"] = 0.0
    first.attrs["source"] = "ändrad"
    second = projection.table
    assert float(second["population"].sum()) == total
    assert second.attrs["source"] == projection.attrs["source"]


def test_a_pickled_projection_leaves_the_kept_table_out_and_makes_the_same_one():
    import pickle

    import pandas as pd

    from reglab_forecast.demography import standard_projection

    projection = standard_projection()
    table = projection.table
    data = pickle.dumps(projection)
    assert len(data) < len(pickle.dumps(table))  # the table is not in it
    pd.testing.assert_frame_equal(pickle.loads(data).table, table)
