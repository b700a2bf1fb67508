"""Population loaders against the totals stated in the raw files' provenance."""

from __future__ import annotations

import pytest

import reglab_forecast as rf
from reglab_forecast.errors import InputError

WORK_BANDS = ["16-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64",
              "65-69"]


def test_annual_totals_match_provenance():
    totals = rf.load_population().groupby("year")["population"].sum()
    # scb2/PROVENANCE.md: demdata 2000/2010/2015 and the kommun exports 2010–2019.
    assert totals[2000] == 8_882_792
    assert totals[2010] == 9_415_570
    assert totals[2015] == 9_851_017
    assert totals[2019] == 10_327_589
    # observed years end in 2019; 2020–2025 are the bridged (estimated) years
    assert min(totals.index) == 1968 and max(totals.index) == 2025


def test_stockholm_and_single_years():
    frame = rf.load_population(regions="Stockholm", years=[2019])
    assert frame["population"].sum() == 2_377_081
    assert len(frame) == 101 * 2
    assert frame["age"].iloc[0] == "0" and "100+" in set(frame["age"])


def test_bands_without_sex_and_riket():
    frame = rf.load_population(regions=["riket", "18"], years=2019, by_sex=False,
                               age_bands=WORK_BANDS)
    assert list(frame.columns) == ["region", "region_name", "age", "year", "population",
                                   "estimated"]
    assert list(frame.loc[frame["region"] == "00", "age"]) == WORK_BANDS
    single = rf.load_population(years=2019)
    working = single[single["age"].isin([str(a) for a in range(16, 70)])]["population"].sum()
    assert frame.loc[frame["region"] == "00", "population"].sum() == working


def test_band_width_covers_everyone():
    frame = rf.load_population(years=[2015], age_bands=5)
    assert frame["population"].sum() == 9_851_017
    assert frame["age"].nunique() == 21


@pytest.mark.parametrize("bands", [["20-24", "22-30"], ["tjugo"], 0])
def test_bad_bands(bands):
    with pytest.raises(InputError):
        rf.load_population(years=2019, age_bands=bands)


def test_missing_year_is_named():
    with pytest.raises(InputError, match="2026"):
        rf.load_population(years=2026)


def test_monthly():
    frame = rf.load_population_monthly(by_sex=False)
    totals = frame.groupby("month")["population"].sum()
    assert totals["2020-01"] == 10_333_456  # scb2/PROVENANCE.md
    assert totals["2026-01"] == pytest.approx(10_600_000, rel=0.01)
    stockholm = rf.load_population_monthly(regions="01", age_bands=["0-49", "50+"])
    jan = stockholm[stockholm["month"] == "2026-01"]["population"].sum()
    assert jan == pytest.approx(2_486_498, abs=200)  # CKM noise: parts need not add up exactly
    with pytest.raises(InputError, match="tioårsklass"):
        rf.load_population_monthly(age_bands=["16-24"])


def test_a_kept_population_frame_is_each_callers_own():
    """load_population keeps its frame per process; a caller changing its copy (values or
    attrs) changes nothing for the next caller, and clear_cache() makes it anew."""
    from reglab_forecast import snapshot

    first = rf.load_population(years=2019)
    total = int(first["population"].sum())
    first["population"] = 0
    first.loc[first.index[0], "region"] = "99"
    first.attrs["source"] = "ändrad"
    second = rf.load_population(years=2019)
    assert int(second["population"].sum()) == total
    assert second.loc[second.index[0], "region"] != "99"
    assert second.attrs["source"] != "ändrad"
    snapshot.clear_cache()
    assert int(rf.load_population(years=[2019])["population"].sum()) == total
