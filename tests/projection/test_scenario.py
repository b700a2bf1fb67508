"""Scenarios: levers move what they should, bad files give ScenarioError with a suggestion."""

from __future__ import annotations

import numpy as np
import pytest

from reglab_forecast.errors import InputError, ScenarioError
from reglab_forecast.projection import Scenario, Shock, load_scenario, project
from reglab_forecast.projection.scenario import SCENARIO_DIR


def _run(employment, age_profile, scenario):
    return project(employment, age_profile, target_years=(2030,), scenario=scenario)


def _riket(result, year):
    paths = result.paths
    return paths.loc[paths["year"] == year, "employed"].sum()


def test_default_scenario_is_named(projection):
    assert projection.scenario.name == "Grundscenario"
    assert projection.scenario.is_baseline


def test_national_growth_sets_the_total(employment, age_profile):
    result = _run(employment, age_profile, {"name": "Ett procent", "national_growth": 1.0})
    base = _riket(result, 2024)
    assert _riket(result, 2030) == pytest.approx(base * 1.01**6, rel=1e-9)
    assert (result.table["scenario"] == "Ett procent").all()
    assert "Ett procent" in repr(result)


def test_regional_growth_sets_the_lan_total(employment, age_profile):
    result = _run(employment, age_profile, {"regional_growth": {"Norrbotten": 2.0}})
    paths = result.paths[result.paths["region"] == "25"]
    totals = paths.groupby("year")["employed"].sum()
    assert totals[2030] == pytest.approx(totals[2024] * 1.02**6, rel=1e-9)


def test_shock_adds_persons_from_its_year(employment, age_profile, projection):
    shock = {"shock": [{"ssyk": "8121", "region": "25", "persons": 1500, "from_year": 2027}]}
    result = _run(employment, age_profile, shock)
    cell = ["region", "ssyk", "year"]
    merged = result.paths.merge(projection.paths, on=cell, suffixes=("", "_base"))
    merged = merged[merged["year"] <= 2030]
    diff = (merged["employed"] - merged["employed_base"]).groupby(merged["year"]).sum()
    assert diff[2026] == pytest.approx(0.0, abs=1e-6)
    assert diff[2027] == pytest.approx(1500.0) and diff[2030] == pytest.approx(1500.0)
    touched = merged[(merged["employed"] - merged["employed_base"]).abs() > 1e-6]
    assert set(touched["ssyk"]) == {"8121"} and set(touched["region"]) == {"25"}


def test_percent_shock_on_a_group(employment, age_profile, projection):
    result = _run(employment, age_profile,
                  {"shock": {"ssyk": "222", "percent": 10, "from_year": 2026}})
    new = result.aggregate(level=3, regions="riket").set_index(["ssyk", "year"])["employed"]
    old = projection.aggregate(level=3, regions="riket").set_index(["ssyk", "year"])["employed"]
    assert new[("222", 2030)] / old[("222", 2030)] == pytest.approx(1.10)
    assert new[("223", 2030)] == pytest.approx(old[("223", 2030)])


def test_later_retirement_lowers_replacement(employment, age_profile, projection):
    later = _run(employment, age_profile, {"retirement_age_shift": 2})
    assert later.table["replacement"].sum() < projection.table.query("year == 2030")[
        "replacement"].sum()


@pytest.mark.parametrize("name", sorted(p.stem for p in SCENARIO_DIR.glob("*.toml")))
def test_shipped_examples_run(employment, age_profile, name):
    scenario = load_scenario(name)
    assert scenario.name and not scenario.is_baseline
    result = _run(employment, age_profile, scenario)
    assert (result.table["scenario"] == scenario.name).all()


def test_unknown_key_suggests_the_nearest():
    with pytest.raises(ScenarioError, match="national_growth"):
        load_scenario({"national_grwoth": 1.0})
    with pytest.raises(ScenarioError, match="persons"):
        load_scenario({"shock": [{"ssyk": "2221", "person": 5, "from_year": 2027}]})


def test_unknown_occupation_and_region(employment, age_profile):
    with pytest.raises(ScenarioError, match="okänt yrke.*menade du \"222[0-9]\""):
        _run(employment, age_profile, {"shock": {"ssyk": "2229", "percent": 5,
                                                 "from_year": 2027}})
    with pytest.raises(ScenarioError, match="okänd region"):
        _run(employment, age_profile, {"regional_growth": {"Atlantis": 1.0}})
    with pytest.raises(ScenarioError, match="två gånger .*\"25\" och \"Norrbotten\""):
        _run(employment, age_profile, {"regional_growth": {"25": 1.0, "Norrbotten": 2.0}})
    assert issubclass(ScenarioError, InputError)


def test_bad_values_and_files(tmp_path):
    with pytest.raises(ScenarioError, match="antingen"):
        load_scenario({"shock": {"ssyk": "2221", "from_year": 2027}})
    with pytest.raises(ScenarioError, match="tal"):
        load_scenario({"national_growth": "snabbt"})
    with pytest.raises(ScenarioError, match="heltal"):
        load_scenario({"retirement_age_shift": 1.5})
    broken = tmp_path / "trasig.toml"
    broken.write_text("name = \n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="TOML"):
        load_scenario(broken)
    with pytest.raises(ScenarioError, match="finns inte"):
        load_scenario(tmp_path / "saknas.toml")


def test_toml_file_round_trip(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('name = "Test"\nnational_growth = 0.5\n[[shock]]\nssyk = "2221"\n'
                    'persons = -100\nfrom_year = 2028\n', encoding="utf-8")
    scenario = load_scenario(path)
    assert scenario == Scenario(name="Test", national_growth=0.5,
                                shocks=(Shock("2221", 2028, persons=-100.0),))
    assert np.isclose(scenario.national_growth or 0, 0.5)
