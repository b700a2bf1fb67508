"""Replacement, share 55+ and transfers from a regional age structure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from projection_data import make_age_profile

from reglab_forecast.errors import InputError
from reglab_forecast.projection import project

CODES = ["1111", "2221", "5321"]


def _structure(old_region: str, young_region: str, ssyk: list[str]) -> pd.DataFrame:
    """All of ``old_region``'s employees aged 60-64, all of ``young_region``'s aged 25-29."""
    rows = []
    for region, band in ((old_region, "60-64"), (young_region, "25-29")):
        for code in ssyk:
            rows.append({"region": region, "ssyk": code, "age": band, "year": 2024,
                         "employed": 1.0})
    return pd.DataFrame(rows)


def test_a_given_age_structure_drives_replacement_per_lan(small_panel):
    ages = make_age_profile(CODES, range(2014, 2025))
    result = project(small_panel, ages, target_years=(2030,),
                     age_structure=_structure("25", "01", CODES))
    table = result.table.set_index(["region", "ssyk"])
    young, old = table.xs("01"), table.xs("25")
    assert (young["replacement"] == 0).all() and (young["share_55plus"] == 0).all()
    # Six years on, everyone then aged 60-64 has passed the register's upper age.
    np.testing.assert_allclose(old["replacement"], old["base_employed"])
    assert (old["share_55plus"] == 1).all()
    need = np.maximum(table["replacement"] + table["expansion"], 0)
    np.testing.assert_allclose(table["recruitment_need"], need)


def test_national_choice_gives_every_lan_the_same_rates(small_panel):
    ages = make_age_profile(CODES, range(2014, 2025))
    result = project(small_panel, ages, target_years=(2030,), age_structure="national")
    table = result.table
    rates = (table["replacement"] / table["base_employed"]).round(12)
    assert rates.groupby(table["ssyk"]).nunique().max() == 1
    assert "rikets åldersfördelning" in result.age_note


def test_regional_default_uses_the_lan_population(small_panel):
    # Same national profile; Norrbotten's population is older than Stockholm's.
    ages = make_age_profile(CODES, range(2014, 2025))
    result = project(small_panel, ages, target_years=(2030,))
    share = result.cells.groupby("region")["share_55plus"].mean()
    assert share["25"] > share["01"]
    assert result.age_note.startswith("skattad")


def test_bad_age_structure_is_refused(small_panel):
    ages = make_age_profile(CODES, range(2014, 2025))
    with pytest.raises(InputError, match="age_structure"):
        project(small_panel, ages, age_structure="lokal")  # type: ignore[arg-type]
    partial = _structure("25", "01", CODES[:2])
    with pytest.raises(InputError, match="5321"):
        project(small_panel, ages, age_structure=partial)


def test_real_data_regional_retirements(projection):
    table = projection.table[projection.table["year"] == 2035]
    by_lan = table.groupby("region")[["replacement", "transfers", "base_employed"]].sum()
    rate = by_lan["replacement"] / by_lan["base_employed"]
    # Stockholm's workforce is younger than Riket's, Dalarna's and Gävleborg's older.
    assert rate["01"] < rate.median() < min(rate["20"], rate["21"])
    assert (table["transfers"] >= 0).all()
    assert (table["transfers"] <= table["replacement"] + 1e-9).all()
    assert 0 < by_lan["transfers"].sum() < 0.2 * by_lan["replacement"].sum()


def test_regions_that_are_not_lan_fall_back_to_riket_and_say_so(small_panel):
    ages = make_age_profile(CODES, range(2014, 2025))
    frame = small_panel.assign(region=small_panel["region"].map({"01": "02", "25": "99"}))
    result = project(frame, ages, target_years=(2030,))
    assert "inte län" in result.age_note
    rates = (result.table["replacement"] / result.table["base_employed"]).round(12)
    assert rates.groupby(result.table["ssyk"]).nunique().max() == 1


def test_the_estimated_base_stock_equals_the_long_frame_path(employment, age_profile):
    """The projection takes the regional estimate as arrays: the same cube, to the last bit,
    as summing ``estimate_for``'s long frame over sex (``stock_cube``), at two base years."""
    from reglab_forecast.projection.age_structure import estimated_cube, stock_cube
    from reglab_forecast.projection.panel import build_panel
    from reglab_forecast.projection.replacement import build_age_panel
    from reglab_forecast.regional_age_loader import estimate_for

    for base in (2024, 2019):
        panel = build_panel(employment, base)
        ages = build_age_panel(age_profile, panel.ssyk, panel.base_year)
        cube = estimated_cube(employment, age_profile, panel, ages)
        frame = estimate_for(employment, age_profile, panel.base_year)
        assert cube.shape == (21, len(panel.ssyk), len(ages.bands))
        np.testing.assert_array_equal(cube, stock_cube(frame, panel, ages))


def test_the_estimate_is_made_once_for_the_same_numbers(employment, age_profile):
    """The loader's snapshot frames and the projection's loader frames hold the same numbers
    for a year: one estimate; changed numbers give a new one."""
    from reglab_forecast.regional_age_loader import estimate_cube_for
    from reglab_forecast.snapshot import read_dataset

    first = estimate_cube_for(employment, age_profile, 2022)
    again = estimate_cube_for(read_dataset("employment"), read_dataset("age_profile"), 2022)
    assert again[1] is first[1]
    changed = employment.assign(employed=employment["employed"] * 2)
    doubled = estimate_cube_for(changed, age_profile, 2022)
    assert doubled[1] is not first[1]
    np.testing.assert_allclose(doubled[1].sum(axis=(1, 2)), 2 * first[1].sum(axis=(1, 2)))
