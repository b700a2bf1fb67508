"""Industry, commuting and Arbetsförmedlingen loaders."""

from __future__ import annotations

import pytest

import reglab_forecast as rf
from reglab_forecast.errors import InputError


def test_industry_employment():
    workplace = rf.load_industry_employment()
    residence = rf.load_industry_employment(basis="residence")
    assert residence["employed"].sum() == 4_927_941  # scb/PROVENANCE.md
    assert len(workplace) == 21 * 15
    assert workplace["sni_name"].str.len().gt(3).all()
    orebro = rf.load_industry_employment("Örebro län")
    assert set(orebro["region"]) == {"18"}
    with pytest.raises(InputError):
        rf.load_industry_employment(basis="home")


def test_commuting_long_and_matrix():
    long = rf.load_commuting()
    assert len(long) == 441
    matrix = rf.load_commuting(matrix=True)
    assert matrix.shape == (21, 21)
    assert matrix.loc["01", "01"] == 1_160_761
    assert matrix.loc["03", "01"] == 33_350  # Uppsala residents working in Stockholm


def test_ads_totals_and_crosswalk():
    ads = rf.load_ads()
    by_region = ads.groupby("region")["ads"].sum()
    assert by_region["00"] == 697_030  # af/PROVENANCE.md
    assert by_region["01"] == 196_088
    assert by_region.drop("00").sum() == by_region["00"]
    managers = rf.load_ads(regions="riket", scb_codes=True).set_index("ssyk")
    assert managers.loc["1210", "ssyk_scb"] == ["1211", "1212"]


def test_jobtech_crosswalk():
    crosswalk = rf.load_jobtech_crosswalk()
    grouped = crosswalk[crosswalk["relation"] != "none"]  # SCB codes with no group: 4430, 7619
    assert grouped["concept_id"].nunique() == 400
    merged = crosswalk[crosswalk["relation"] == "merged"]
    assert set(merged.loc[merged["jobtech_ssyk"] == "1210", "ssyk"]) == {"1211", "1212"}
    assert crosswalk["ssyk_name"].notna().all()


def test_af_outlook_has_no_machine_translations():
    outlook = rf.load_af_outlook(with_text=True)
    assert outlook["ssyk"].nunique() == 227
    assert set(outlook["year"]) == {2024, 2026}
    assert outlook["shortage_index"].between(1, 5).all()
    assert not any("En" in c for c in outlook.columns)
    assert outlook["text_1"].str.contains("Arbetsförmedlingen").mean() > 0.5


def test_barometer():
    barometer = rf.load_barometer()
    assert barometer["yb_concept_id"].nunique() == 166  # 219 minus 53 empty
    assert set(barometer["opportunities"]) == {"små", "medelstora", "stora"}
    assert "ssyk" not in barometer.columns
    assert set(rf.load_barometer("18")["region"]) == {"18"}
