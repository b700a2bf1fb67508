"""The public loaders against the totals stated for the raw files."""

from __future__ import annotations

import pandas as pd
import pytest

import reglab_forecast as rf
from reglab_forecast.errors import InputError, UnknownOccupationError, UnknownRegionError

EMPLOYMENT_COLUMNS = ["region", "region_name", "ssyk", "ssyk_name", "sex", "year", "employed"]


@pytest.fixture(scope="module")
def employment() -> pd.DataFrame:
    return rf.load_employment()


def test_employment_is_the_complete_cube(employment):
    assert list(employment.columns) == EMPLOYMENT_COLUMNS
    assert len(employment) == 21 * 429 * 2 * 11
    assert employment["ssyk"].str.len().eq(4).all()
    assert employment["year"].dtype == "int64"
    assert set(employment["sex"]) == {"men", "women"}
    assert employment["ssyk_name"].notna().all() and employment["region_name"].notna().all()


def test_employment_totals_match_the_raw_panel(employment):
    by_year = employment.groupby("year")["employed"].sum()
    assert by_year[2024] == 4_949_062  # PROVENANCE.md: Sweden 4.95 M in 2024
    assert by_year[2014] == 3_923_405
    stockholm = employment[employment["region"] == "01"].groupby("year")["employed"].sum()
    assert stockholm[2024] == pytest.approx(1_300_000, rel=0.01)
    assert stockholm[2014] == pytest.approx(990_000, rel=0.01)


@pytest.mark.parametrize("level", [1, 2, 3])
def test_levels_aggregate_without_losing_anyone(employment, level):
    coarse = rf.load_employment(level=level, years=[2024])
    assert coarse["ssyk"].str.len().eq(level).all()
    assert coarse["employed"].sum() == employment.loc[employment["year"] == 2024, "employed"].sum()
    assert coarse["ssyk_name"].notna().all()


def test_regions_and_years_filters():
    frame = rf.load_employment(level=1, regions=["Örebro län", "riket"], years=range(2022, 2025))
    assert set(frame["region"]) == {"00", "18"}
    assert sorted(frame["year"].unique()) == [2022, 2023, 2024]
    totals = frame.groupby(["region", "year"])["employed"].sum()
    assert totals[("00", 2024)] == 4_949_062
    assert set(frame.loc[frame["region"] == "00", "region_name"]) == {"Riket"}


def test_bad_arguments_raise_input_errors():
    with pytest.raises(UnknownRegionError, match="Narnia"):
        rf.load_employment(regions="Narnia")
    with pytest.raises(UnknownRegionError, match="kommun"):
        rf.load_employment(regions="Kiruna")
    with pytest.raises(InputError, match="2030"):
        rf.load_employment(years=[2024, 2030])
    with pytest.raises(UnknownOccupationError):
        rf.load_employment(level=7)


def test_age_profile_bands_and_break():
    profile = rf.load_age_profile()
    assert list(profile.columns) == ["ssyk", "ssyk_name", "age", "sex", "year", "employed"]
    bands = profile.groupby("year")["age"].unique().map(sorted)
    assert bands[2022] == ["16-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
                           "55-59", "60-64"]
    assert bands[2023] == [*bands[2022], "65-69"]
    totals = profile.groupby("year")["employed"].sum()
    assert totals[2024] == 4_984_938  # PROVENANCE.md: SSYK4 totals 4.98 M (2024)
    assert totals[2014] == 3_928_124


def test_age_profile_level_one_keeps_totals():
    level1 = rf.load_age_profile(level=1)
    assert set(level1["ssyk"].str.len()) == {1}
    assert level1["employed"].sum() == rf.load_age_profile()["employed"].sum()


def test_loaders_carry_provenance(employment):
    assert "YREG60BAS" in employment.attrs["table_id"]
    assert "AM0208" in employment.attrs["source"]
    assert employment.attrs["vintage"]


def test_callers_cannot_change_the_cached_frame():
    first = rf.load_employment(level=4, years=[2024])
    first.loc[:, "employed"] = 0
    assert rf.load_employment(level=4, years=[2024])["employed"].sum() == 4_949_062


def test_datasets_lists_the_manifest():
    table = rf.datasets()
    assert {"employment", "age_profile", "regions", "ssyk"} <= set(table["dataset"])
    row = table.set_index("dataset").loc["employment"]
    assert row["years"] == "2014–2024"
    assert "2023" in row["series_breaks"]
