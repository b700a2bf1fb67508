"""JobTech's groups are not SCB's: the crosswalk from labels, and ads and ratings on SCB codes."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import reglab_forecast as rf
from reglab_forecast.labour_market import ads_by_scb_code, ratings_by_scb_code


@pytest.fixture(scope="module")
def crosswalk() -> pd.DataFrame:
    return rf.load_jobtech_crosswalk().set_index("ssyk")


@pytest.mark.parametrize(("scb", "group", "relation"), [
    ("5321", "5321", "merged"),  # undersköterskor hemtjänst … and habilitering
    ("5322", "5321", "merged"),
    ("5323", "5323", "merged"),  # vård- och specialavdelning and mottagning
    ("5324", "5323", "merged"),
    ("1211", "1210", "merged"),  # manager levels
    ("1212", "1210", "merged"),
    ("5325", "5325", "same"),
    ("2221", "2221", "same"),
    ("4430", "", "none"),
    ("7619", "", "none"),
])
def test_crosswalk_relations(crosswalk: pd.DataFrame, scb: str, group: str,
                             relation: str) -> None:
    assert crosswalk.loc[scb, "jobtech_ssyk"] == group
    assert crosswalk.loc[scb, "relation"] == relation


def test_every_scb_code_once_and_every_group_used(crosswalk: pd.DataFrame) -> None:
    from reglab_forecast.occupations import list_occupations

    scb = set(list_occupations(4)["ssyk"])
    assert set(crosswalk.index) == scb and crosswalk.index.is_unique
    assert crosswalk.loc[crosswalk["relation"] != "none", "concept_id"].nunique() == 400
    sizes = crosswalk[crosswalk["relation"] != "none"].groupby("jobtech_ssyk").size()
    merged = set(crosswalk.loc[crosswalk["relation"] == "merged", "jobtech_ssyk"])
    assert merged == set(sizes[sizes > 1].index)  # merged exactly where a group holds several


def test_undersköterska_ads_meet_both_scb_groups() -> None:
    ads = rf.load_ads(regions="18")
    employed = rf.load_employment(regions="18", years=2024)
    employed = employed.groupby(["region", "ssyk"], as_index=False)["employed"].sum()
    placed = ads_by_scb_code(ads, employed).set_index("ssyk")
    group_ads = int(ads.loc[ads["ssyk"] == "5321", "ads"].sum())
    counts = employed.set_index("ssyk")["employed"]
    both = int(counts["5321"] + counts["5322"])
    # The group's ads are set against the employees of both SCB groups, not 5321's alone.
    for code in ("5321", "5322"):
        assert placed.loc[code, "ads"] / counts[code] == pytest.approx(group_ads / both)
        assert placed.loc[code, "estimated"]
    assert placed.loc["5321", "ads"] + placed.loc["5322", "ads"] == pytest.approx(group_ads)
    assert math.isnan(placed.loc["4430", "ads"])
    same = ads.loc[ads["ssyk"] == "2221", "ads"].sum()
    assert placed.loc["2221", "ads"] == same and not placed.loc["2221", "estimated"]
    assert placed["ads"].sum() == pytest.approx(ads.loc[ads["region"] == "18", "ads"].sum())


def test_ratings_reach_every_member() -> None:
    outlook = rf.load_af_outlook()
    latest = outlook[outlook["year"] == 2026]
    spread = ratings_by_scb_code(latest).set_index("ssyk")
    rating = int(latest.loc[latest["ssyk"] == "5321", "shortage_index"].iloc[0])
    assert int(spread.loc["5322", "shortage_index"]) == rating
    assert spread.loc["5322", "relation"] == "merged"


def test_the_brief_sets_undersköterska_ads_against_both_groups() -> None:
    from reglab_forecast.report.inputs import _ads, _af_view

    employment = rf.load_employment(level=4)
    view = _ads(employment)
    assert view is not None
    row = view[(view["region"] == "18") & view["ssyk"].isin(["5321", "5322"])]
    ads = rf.load_ads(regions="18")
    assert row["ads"].sum() == pytest.approx(ads.loc[ads["ssyk"] == "5321", "ads"].sum())
    af = _af_view()
    assert af is not None and "5322" in set(af["ssyk"])
