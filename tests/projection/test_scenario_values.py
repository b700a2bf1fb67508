"""Scenario values: every key checked by its rule (type, finite, plausible range), absurd
shocks refused against the data, and files that are not TOML refused in one line."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from reglab_forecast.cli import main
from reglab_forecast.errors import ScenarioError
from reglab_forecast.numbers import fmt_int
from reglab_forecast.projection import load_scenario, project
from reglab_forecast.projection.scenario import SHOCK_RULES, TOP_RULES

SHOCK = {"ssyk": "2221", "from_year": 2027}


@pytest.mark.parametrize(("raw", "needle"), [
    ({"national_growth": 500}, r"'national_growth' ska vara ett tal från -10 till 10 % per år"),
    ({"national_growth": math.nan}, r"'national_growth'.*nan"),
    ({"national_growth": math.inf}, r"'national_growth'.*inf"),
    ({"national_growth": -math.inf}, r"'national_growth'.*-inf"),
    ({"national_growth": True}, r"'national_growth' ska vara ett tal"),
    ({"retirement_age_shift": 11}, r"'retirement_age_shift' ska vara ett heltal från -5 till 10"),
    ({"regional_growth": {"25": 40.0}}, r"\[regional_growth\]: '25' ska vara ett tal från -10"),
    ({"regional_growth": {"25": math.nan}}, r"'25'"),
    ({"shock": {**SHOCK, "percent": 250}}, r"'percent' ska vara ett tal från -100 till 100 %"),
    ({"shock": {**SHOCK, "percent": -101}}, r"'percent'"),
    ({"shock": {**SHOCK, "percent": math.inf}}, r"'percent'"),
    ({"shock": {**SHOCK, "persons": 5e9}}, r"'persons' ska vara ett tal från -1000000"),
    ({"shock": {"ssyk": "2221", "from_year": 2027.5, "persons": 5}}, r"'from_year'.*årtal"),
    ({"shock": {"ssyk": "2221", "from_year": 1850, "persons": 5}}, r"'from_year'.*2000 till"),
    ({"name": ["lista"]}, r"'name' ska vara text"),
    ({"shock": "2221"}, r"\[\[shock\]\]"),
])
def test_each_value_names_its_key_and_range(raw: dict, needle: str) -> None:
    with pytest.raises(ScenarioError, match=needle):
        load_scenario(raw)


def test_every_key_has_one_rule() -> None:
    assert set(TOP_RULES) == {"name", "description", "national_growth", "retirement_age_shift"}
    assert set(SHOCK_RULES) == {"ssyk", "region", "persons", "percent", "from_year"}


def test_values_at_the_bounds_are_accepted() -> None:
    scenario = load_scenario({"national_growth": -10, "retirement_age_shift": 10,
                              "shock": {**SHOCK, "percent": -100}})
    assert scenario.national_growth == -10.0 and scenario.shocks[0].percent == -100.0


def test_a_shock_before_the_projection_starts(employment, age_profile) -> None:
    with pytest.raises(ScenarioError, match=r"from_year = 2020.*basåret 2024.*från 2025"):
        project(employment, age_profile, target_years=(2030,),
                scenario={"shock": {"ssyk": "2221", "persons": 10, "from_year": 2020}})


def test_a_negative_shock_larger_than_the_occupation(employment, age_profile) -> None:
    there = employment[(employment["region"] == "09") & (employment["ssyk"] == "2221")
                       & (employment["year"] == 2024)]["employed"].sum()
    with pytest.raises(ScenarioError, match=rf"tar bort fler än de {fmt_int(there)} anställda.*"
                       rf"persons = {-round(there)} eller"):
        project(employment, age_profile, target_years=(2030,),
                scenario={"shock": {"ssyk": "2221", "region": "09", "persons": -(there + 1),
                                    "from_year": 2026}})
    result = project(employment, age_profile, target_years=(2030,),
                     scenario={"shock": {"ssyk": "2221", "region": "09", "persons": -there,
                                         "from_year": 2026}})
    assert result.paths["employed"].notna().all()


@pytest.mark.parametrize(("name", "content", "needle"), [
    ("binär.toml", bytes(range(256)), "inte en textfil i UTF-8"),
    ("latin1.toml", 'name = "Växjö"\n'.encode("latin-1"), "inte en textfil i UTF-8"),
    ("scenario.yaml", b"name: Test\n", "är YAML; scenarier skrivs i TOML"),
    ("scenario.yml", b"name: Test\n", "är YAML"),
    ("nul.toml", b"name = \"a\x00b\"\n", "inte giltig TOML"),
])
def test_files_that_are_not_toml(tmp_path: Path, name: str, content: bytes,
                                 needle: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ScenarioError, match=needle):
        load_scenario(path)


def test_a_folder_as_scenario(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="är en mapp"):
        load_scenario(tmp_path)


@pytest.mark.parametrize(("content", "needle"), [
    (b"national_growth = 500\n", "national_growth"),
    (b"name: YAML\n", "YAML"),
    (bytes(range(256)), "UTF-8"),
])
def test_bad_scenario_files_exit_2_in_one_line_before_work(
        tmp_path: Path, content: bytes, needle: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / ("s.yaml" if needle == "YAML" else "s.toml")
    path.write_bytes(content)
    for argv in (["brief", "--region", "18", "--out", str(tmp_path / "b.pdf")],
                 ["tables", "--region", "18", "--out", str(tmp_path / "t.xlsx")],
                 ["compare", "--out", str(tmp_path / "c.pdf")],
                 ["project", "--region", "18"]):
        assert main([*argv, "--scenario", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and needle in err, (argv, err)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
