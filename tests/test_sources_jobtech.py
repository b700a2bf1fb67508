"""JobTech client against the loopback server with recorded taxonomy and AF files."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes.fixtures import FAST_RETRY
from fakes.jobtech import FakeJobTech
from fakes.server import FakeHttp

from reglab_forecast.errors import InputError, OfflineCacheMiss, ResponseError
from reglab_forecast.sources.jobtech import JobTechClient, period_bounds

STOCKHOLM = "CifL_Rzy_Mku"


def test_ssyk_hierarchy_has_four_levels(jobtech: JobTechClient) -> None:
    frame = jobtech.ssyk_hierarchy()
    assert frame.groupby("level").size().to_dict() == {1: 10, 2: 46, 3: 147, 4: 400}
    engineer = frame[frame["ssyk"] == "7319"].iloc[0]
    assert engineer["concept_id"] == "aKdV_u7V_R5j" and engineer["parent"] == "731"
    assert frame.attrs["citation"] == "Källa: Arbetsförmedlingen"


def test_occupation_names_sit_under_level_four(jobtech: JobTechClient) -> None:
    names = jobtech.occupation_names()
    assert len(names) == 2412
    assert names["ssyk"].str.len().eq(4).all()
    assert "Krukmakare" in set(names[names["ssyk"] == "7319"]["name"])


def test_regions_are_the_21_lan(jobtech: JobTechClient) -> None:
    regions = jobtech.regions()
    assert len(regions) == 21
    assert regions.set_index("region").loc["01", "concept_id"] == STOCKHOLM


def test_yrkesprognos_and_barometer(jobtech: JobTechClient) -> None:
    outlook = jobtech.yrkesprognos()
    assert len(outlook) == 454 and set(outlook["ar"]) == {2024, 2026}
    barometer = jobtech.yrkesbarometer()
    assert {"yb_concept_id", "region_concept_id", "opportunities"} <= set(barometer.columns)


def test_ad_counts_read_total_value(jobtech: JobTechClient, fake_http: FakeHttp,
                                    jobtech_server: FakeJobTech) -> None:
    group = "pwRH_MT1_8nR"
    assert jobtech.ads_count(group, STOCKHOLM, "2024") == 3925
    assert jobtech.ads_count(group, None, "2024") == 10181
    frame = jobtech.ads_counts({"X": group}, {"01": STOCKHOLM, "00": ""}, ["2024", "2024-02"])
    assert len(frame) == 4
    assert frame.set_index(["region", "period"]).loc[("01", "2024"), "ads"] == 3925
    sent = [r for r in fake_http.log if r.path.endswith("/search")]
    assert all(r.query["limit"] == ["0"] for r in sent)


def test_period_bounds() -> None:
    assert period_bounds("2024") == ("2024-01-01T00:00:00", "2024-12-31T23:59:59")
    assert period_bounds("2024-02") == ("2024-02-01T00:00:00", "2024-02-29T23:59:59")


def test_api_key_is_optional_but_sent_when_set(
    jobtech_server: FakeJobTech, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobtech_server.require_key = "k3y"
    without = JobTechClient(cache_dir=cache_dir, offline=False, retry=FAST_RETRY)
    with pytest.raises(ResponseError, match="401"):
        without.yrkesprognos()
    monkeypatch.setenv("REGLAB_JOBTECH_API_KEY", "k3y")
    with_key = JobTechClient(cache_dir=cache_dir, offline=False, retry=FAST_RETRY)
    assert len(with_key.yrkesprognos()) == 454


def test_offline_uses_the_same_cache(jobtech: JobTechClient, jobtech_server: FakeJobTech,
                                     cache_dir: Path) -> None:
    jobtech.yrkesprognos()
    offline = JobTechClient(cache_dir=cache_dir, offline=True)
    assert len(offline.yrkesprognos()) == 454
    with pytest.raises(OfflineCacheMiss, match="taxonomy"):
        offline.regions()


def test_ads_dataset_from_counts(jobtech: JobTechClient, scb: object,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The fetch path for `ads`: taxonomy ids → one total.value per yrke × län × year."""
    from reglab_forecast.sources.catalogue import load_catalogue
    from reglab_forecast.sources.refresh import Clients, _ads

    groups = jobtech.ssyk_hierarchy()
    few = groups[groups["concept_id"].isin(["pwRH_MT1_8nR", "aKdV_u7V_R5j"])]
    monkeypatch.setattr(jobtech, "ssyk_hierarchy", lambda: few)
    frame = _ads(Clients(scb, jobtech), load_catalogue().table("ads"))  # type: ignore[arg-type]
    assert len(frame) == 2 * 21 and set(frame["year"]) == {2024}
    assert list(frame.columns) == ["region", "ssyk", "concept_id", "year", "ads"]
    stockholm = frame[(frame["region"] == "01") & (frame["concept_id"] == "pwRH_MT1_8nR")]
    assert stockholm["ads"].item() == 3925


@pytest.mark.parametrize("period", ["2012", "2014", "2014-05", "2013-12"])
def test_ads_before_ssyk_2012_are_refused(period: str) -> None:
    with pytest.raises(InputError, match="före juni 2014"):
        period_bounds(period)


def test_the_first_ssyk_2012_periods() -> None:
    assert period_bounds("2014-06") == ("2014-06-01T00:00:00", "2014-06-30T23:59:59")
    assert period_bounds("2015")[0] == "2015-01-01T00:00:00"


@pytest.mark.parametrize("period", ["24", "2024-13", "2024-1", "2024-03-01", "år 2024"])
def test_malformed_periods(period: str) -> None:
    with pytest.raises(InputError, match="ÅÅÅÅ-MM"):
        period_bounds(period)


def test_ads_counts_checks_periods_before_any_call(jobtech: JobTechClient,
                                                   jobtech_server: FakeJobTech) -> None:
    with pytest.raises(InputError, match="2012"):
        jobtech.ads_counts({"X": "abc"}, {"01": STOCKHOLM}, ["2024", "2012"])
    assert jobtech.transport.requests_sent == 0
