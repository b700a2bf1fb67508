"""Labour supply and the balance: base year reproduces the register, sums check."""

from __future__ import annotations

import numpy as np
import pytest

import reglab_forecast as rf
from reglab_forecast.demography import project_population
from reglab_forecast.errors import InputError
from reglab_forecast.projection import project
from reglab_forecast.supply import balance, employees_by_age, labour_supply


@pytest.fixture(scope="module")
def people():
    return project_population(rf.load_population(), target_years=range(2026, 2036))


@pytest.fixture(scope="module")
def supply(people):
    return labour_supply(people)


@pytest.fixture(scope="module")
def result(people, supply):
    employment = rf.load_employment(level=4)
    return balance(project(employment, rf.load_age_profile(level=4)), supply, people)


def test_supply_columns_and_ages(supply):
    assert list(supply.columns) == ["region", "year", "age", "sex", "population",
                                    "employee_rate", "employees"]
    ages = supply["age"].astype(int)
    assert ages.min() == 16 and ages.max() == 69
    assert supply["year"].min() == 2024 and supply["year"].max() == 2035
    assert "nettopendlingen" in supply.attrs["measure"]


def test_base_year_reproduces_the_register(supply):
    ours = supply[supply["year"] == 2024].groupby("region")["employees"].sum()
    register = rf.load_employment(level=1, years=2024).groupby("region")["employed"].sum()
    assert np.allclose(ours.sort_index(), register.sort_index(), rtol=1e-9)


def test_rates_follow_the_stored_damped_trend(people, supply):
    from reglab_forecast.supply.rate_backtest import load_rate_trend

    stored = load_rate_trend()
    assert stored.chosen == "trend" and supply.attrs["rate_method"] == "trend"
    wide = supply.pivot_table(index=["region", "age", "sex"], columns="year",
                              values="employee_rate")
    # Örebro, women 30 (band 30-34): the base rate plus the slope times φ + … + φ^11.
    slope = stored.slopes[stored.regions.index("18")][1][2]
    damp = sum(0.9**k for k in range(1, 12))
    row = wide.loc[("18", "30", "women")]
    assert row[2035] == pytest.approx(max(row[2024] + slope * damp, 0.0), rel=1e-9)
    constant = labour_supply(people, rate_trend=False)
    assert constant.attrs["rate_method"] == "constant"
    flat = constant.pivot_table(index=["region", "age", "sex"], columns="year",
                                values="employee_rate")
    assert np.allclose(flat[2024], flat[2035])
    assert np.allclose(flat[2024], wide[2024])  # the base year is the register either way


def test_working_age_flows_add_up_to_the_change(result, people):
    flows = result.flows
    explained = (flows["wa_entering"] - flows["wa_ageing_out"] - flows["wa_deaths"]
                 + flows["wa_net_migration"])
    assert np.allclose(explained, flows["wa_change"], atol=1e-6)
    working = people.totals((20, 64), riket=False).set_index(["region", "year"])["population"]
    total = flows.groupby("region")["wa_change"].sum()
    direct = working.xs(2035, level="year") - working.xs(2025, level="year")
    assert np.allclose(total.sort_index(), direct.sort_index())


def test_supply_change_is_flows_plus_rate_effect(result, supply):
    flows = result.flows
    parts = (flows["entering"] - flows["ageing_out"] - flows["deaths"] + flows["net_migration"]
             + flows["age_shift"] + flows["rate_effect"])
    assert np.allclose(parts, flows["change"], atol=1e-6)
    by_year = supply.groupby(["region", "year"])["employees"].sum()
    change = by_year.xs(2035, level="year") - by_year.xs(2025, level="year")
    assert np.allclose(flows.groupby("region")["change"].sum().sort_index(),
                       change.sort_index())
    # The rates rise with their trend, so the rate effect adds to the supply.
    assert (flows.groupby("region")["rate_effect"].sum() > 0).all()


def test_gap_and_interval(result):
    table = result.table
    assert np.allclose(table["gap"], table["employed"] - table["supply"])
    assert (table["gap_lower"] <= table["gap"]).all() and (table["gap"] <= table["gap_upper"]).all()
    base = table[table["year"] == 2024]
    assert np.allclose(base["gap"], 0, atol=1e-6)  # supply reproduces the register


def test_statement_is_plain_swedish(result):
    text = result.statement("18", 2035)
    assert text.startswith("Örebro län")
    assert "80 %-intervall" in text
    row = result.table.query("region == '18' and year == 2035").iloc[0]
    if row["gap"] > 0:
        assert "20–64 år öka från" in text and "per år" in text
        assert "(enligt trenden)" in text  # the rate it starts from is the trended one
    with pytest.raises(InputError):
        result.statement("18", 2050)


def test_employment_rate_lever_raises_supply(people):
    lifted = project_population(rf.load_population(), target_years=range(2026, 2036),
                                scenario={"demography": {"employment_rate": {"60-69": 5}}})
    employees = employees_by_age(2024)
    before = labour_supply(people, employees=employees)
    after = labour_supply(lifted, employees=employees)
    gain = (after.groupby("year")["employees"].sum() - before.groupby("year")["employees"].sum())
    assert gain[2024] == pytest.approx(0)
    older = after[(after["year"] == 2035) & after["age"].astype(int).between(60, 69)]
    expected = 0.05 * older["population"].sum()
    assert gain[2035] == pytest.approx(expected, rel=1e-6)
