"""Deaths, births and the bridged population 2020–2025 in the snapshot."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import reglab_forecast as rf
from reglab_forecast.errors import InputError


def test_deaths_and_births_match_the_provenance_totals():
    # Totals stated in data/raw/scb2/PROVENANCE.md for the demdata arrays.
    deaths = rf.load_deaths().groupby("year")["deaths"].sum()
    births = rf.load_births().groupby("year")["births"].sum()
    assert [deaths[y] for y in (2000, 2010, 2015)] == [93_461, 90_487, 90_907]
    assert [births[y] for y in (2000, 2010, 2015)] == [90_441, 115_641, 114_870]
    assert deaths.index.min() == 1968 and deaths.index.max() == 2015


def test_loaders_select_and_check_like_the_others():
    frame = rf.load_deaths(regions=["Örebro", "Riket"], years=2015, by_sex=False,
                           age_bands=["0-64", "65+"])
    assert list(frame.columns) == ["region", "region_name", "age", "year", "deaths"]
    riket = frame[frame["region"] == "00"]["deaths"].sum()
    assert riket == 90_907
    births = rf.load_births(regions="18", years=[2014, 2015])
    assert set(births["mother_age"]) >= {"<15", "49+", "okänd", "30"}
    with pytest.raises(InputError, match="2016"):
        rf.load_deaths(years=2016)


def test_population_marks_the_bridged_years_estimated():
    frame = rf.load_population(by_sex=False)
    flags = frame.groupby("year")["estimated"].agg(["all", "any"])
    assert not flags.loc[:2019, "any"].any()
    assert flags.loc[2020:2025, "all"].all()
    assert frame["year"].max() == 2025
    assert "estimated" in rf.load_population(years=2025, age_bands=10).columns


def _shifted_bands(frame: pd.DataFrame) -> pd.Series:
    """Year-end single ages as the next January's ten-year bands of age reached (a + 1)."""
    ages = frame["age"].str.rstrip("+").astype(int) + 1
    band = np.minimum(ages // 10, 10)
    return frame.assign(band=band).groupby(["region", "sex", "band"])["population"].sum()


def _monthly_bands(month: str) -> pd.Series:
    monthly = rf.load_population_monthly()
    monthly = monthly[monthly["month"] == month]
    band = monthly["age"].str.split("-").str[0].str.rstrip("+").astype(int) // 10
    return monthly.assign(band=band).groupby(["region", "sex", "band"])["population"].sum()


def test_end_2025_matches_january_2026_bands():
    ours = _shifted_bands(rf.load_population(years=2025))
    theirs = _monthly_bands("2026-01")
    # the 0-9 band of January 2026 also holds the children born in that month
    gap = (theirs - ours).drop(index=0, level="band")
    assert gap.abs().max() <= 5  # rounding to whole persons
    newborns = (theirs - ours).xs(0, level="band")
    assert newborns.between(0, 2_500).all()


def test_end_2019_agrees_with_january_2020():
    ours = _shifted_bands(rf.load_population(years=2019)).groupby(["region", "sex"]).sum()
    theirs = _monthly_bands("2020-01").groupby(["region", "sex"]).sum()
    assert ((theirs / ours - 1).abs() < 0.005).all()


def test_manifest_says_the_bridge_is_estimated():
    entry = rf.datasets().set_index("dataset").loc["population_bridged"]
    assert "skattad" in entry["title"]
    assert entry["years"] == "2020–2025"
