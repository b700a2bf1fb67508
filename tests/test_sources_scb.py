"""ScbClient against the loopback PxWebApi: recorded responses and the server's rules."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from fakes.fixtures import FAST_RETRY
from fakes.pxweb import FakePxWeb

from reglab_forecast.errors import InputError, OfflineCacheMiss, ResponseError
from reglab_forecast.sources.scb import ScbClient

TAB4442_ALL = {"Yrke2012": "*", "Alder": "*", "Tid": "*"}


def test_config_search_metadata_codelist(scb: ScbClient) -> None:
    assert scb.config()["apiVersion"] == "2.2.0"
    assert scb.citation() == "Källa: SCB"
    hits = scb.search("befolkning")
    assert {"TAB6473", "TAB5643", "TAB4552"} <= set(hits["id"])
    assert "TAB4442" in set(scb.search("SSYK 2012")["id"])
    meta = scb.metadata("TAB6471")
    assert [v.code for v in meta.variables] == ["Region", "Alder", "Kon", "ContentsCode", "Tid"]
    assert meta.keep_whole == ["ContentsCode", "Tid"]
    assert meta.variable("Region").values[:2] == ["00", "01"]
    codelist = scb.codelist("agg_Ålder10årJ")
    assert codelist["values"][0]["valueMap"][:2] == ["9", "0"]


def test_limits_come_from_config(scb: ScbClient, pxweb: FakePxWeb) -> None:
    pxweb.max_cells = 4321
    assert scb.max_cells == 4321
    assert scb.transport.limiter is not None
    assert scb.transport.limiter.max_calls == pxweb.max_calls


def test_recorded_data_split_into_calls_gives_one_row_per_cell(
    scb: ScbClient, pxweb: FakePxWeb
) -> None:
    pxweb.max_cells = 2000
    frame = scb.data("TAB4442", TAB4442_ALL)
    assert frame.attrs["calls"] == pxweb.data_calls == math.ceil(21_500 / 2000)
    assert len(frame) == 21_500
    assert not frame.duplicated(["Yrke2012", "Alder", "ContentsCode", "Tid"]).any()
    assert frame.groupby("Tid")["value"].sum()["2024"] == 5_006_642
    assert frame.attrs["vintage"] == "2026-01-13T13:08:00Z"
    assert frame.attrs["table_id"] == "TAB4442" and frame.attrs["source"] == "SCB"
    assert frame["Yrke2012"].iloc[0] == "0110"  # table order restored after splitting


def test_recorded_values_for_a_recorded_selection(scb: ScbClient) -> None:
    lan = [c for c in scb.metadata("TAB6471").variable("Region").values
           if len(c) == 2 and c != "00"]
    frame = scb.data("TAB6471", {"Region": lan, "Alder": [
        "0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80-89",
        "90-99", "100+10"], "Kon": "TotSa", "Tid": "2026*"})
    assert int(frame[frame["Tid"] == "2026M01"]["value"].sum()) == 10_604_483


def test_missing_values_stay_missing(scb: ScbClient) -> None:
    frame = scb.data("TAB6471", {"Region": "01*", "Alder": "TOP(10)", "Tid": "2025*"})
    assert frame["value"].isna().any()
    assert (frame["value"].dropna() >= 0).all()
    assert "Kon" not in frame.columns  # eliminated


def test_splitting_a_big_table_within_the_call_limit(scb: ScbClient, pxweb: FakePxWeb) -> None:
    pxweb.max_cells, pxweb.max_calls, pxweb.window = 5000, 8, 0.5
    frame = scb.data("TAB638", {"Region": "*", "Civilstand": "G", "Alder": "*", "Kon": "*",
                                "ContentsCode": "BE0101N1", "Tid": "FROM(2023)"})
    assert len(frame) == 312 * 102 * 2 * 2
    assert pxweb.data_calls == math.ceil(len(frame) / 5000)
    assert pxweb.refused == {"cells": 0, "calls": 0}  # the limiter never burst


def test_server_stricter_than_its_config_still_works(scb: ScbClient, pxweb: FakePxWeb) -> None:
    pxweb.max_cells = 5000
    scb.config()
    pxweb.max_cells = 700  # the server now refuses what /config allowed
    frame = scb.data("TAB4442", {"Yrke2012": "TOP(100)", "Alder": "*", "Tid": "*"})
    assert len(frame) == 5000
    assert pxweb.refused["cells"] > 0


def test_429_from_a_server_with_a_longer_window(scb: ScbClient, pxweb: FakePxWeb) -> None:
    pxweb.max_cells = 2000
    scb.config()
    pxweb.max_calls, pxweb.window = 3, 0.3  # stricter than the client believes
    frame = scb.data("TAB4442", {"Yrke2012": "TOP(200)", "Alder": "*", "Tid": "*"})
    assert len(frame) == 10_000 and pxweb.refused["calls"] > 0


def test_5xx_bursts_and_cut_connections_during_a_split_fetch(
    scb: ScbClient, pxweb: FakePxWeb, fake_http
) -> None:
    pxweb.max_cells = 3000
    # Three faults: fewer than the tries one call gets, wherever they land.
    fake_http.add_faults("/data", ("status", 503), ("truncate", None), ("reset", None))
    frame = scb.data("TAB4442", TAB4442_ALL)
    assert len(frame) == 21_500
    assert frame.groupby("Tid")["value"].sum()["2020"] == 4_553_384


def test_second_call_comes_from_the_cache_and_offline_works(
    scb: ScbClient, scb_url: str, cache_dir: Path, pxweb: FakePxWeb
) -> None:
    pxweb.max_cells = 5000
    first = scb.data("TAB4442", TAB4442_ALL)
    calls = pxweb.data_calls
    again = scb.data("TAB4442", TAB4442_ALL)
    assert pxweb.data_calls == calls
    offline = ScbClient(scb_url, cache_dir=cache_dir, offline=True, progress=False)
    assert offline.data("TAB4442", TAB4442_ALL).equals(first)
    assert again.equals(first)
    with pytest.raises(OfflineCacheMiss, match="TAB6471"):
        offline.data("TAB6471", {"Region": "01", "Alder": "0", "Tid": "*"})


def test_codelist_selection(scb: ScbClient, fake_http) -> None:
    frame = scb.data("TAB638", {"Region": "00", "Civilstand": "OG", "Alder": "*", "Kon": "*",
                                "ContentsCode": "BE0101N1", "Tid": "2024"},
                     codelists={"Alder": "agg_Ålder10årJ"})
    assert frame["Alder"].tolist()[:2] == ["-9", "-9"]
    assert len(frame) == 11 * 2
    posted = [r for r in fake_http.log if r.path.endswith("/data")][-1]
    assert {"variableCode": "Alder", "valueCodes": frame["Alder"].unique().tolist(),
            "codelist": "agg_Ålder10årJ"} in posted.body["selection"]


@pytest.mark.parametrize(("selection", "message"), [
    ({"Yrke": "*"}, r"ingen variabel 'Yrke'.*Yrke2012"),
    ({"Yrke2012": ["2511", "9999"], "Tid": "*"}, r"'9999'"),
    ({"Yrke2012": "*"}, r"'Tid'.*kan inte utelämnas"),
])
def test_bad_selections_are_input_errors(scb: ScbClient, selection: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        scb.data("TAB4442", selection)


def test_progress_bar_for_more_than_one_call(scb_url: str, cache_dir: Path, pxweb: FakePxWeb,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    pxweb.max_cells = 5000
    client = ScbClient(scb_url, cache_dir=cache_dir, offline=False, retry=FAST_RETRY)
    client.data("TAB4442", TAB4442_ALL)
    assert "TAB4442" in capsys.readouterr().err


def test_400_for_too_many_cells_is_split_as_well(scb: ScbClient, pxweb: FakePxWeb) -> None:
    pxweb.max_cells = 3000
    scb.config()
    pxweb.max_cells, pxweb.cell_status = 900, 400
    frame = scb.data("TAB4442", {"Yrke2012": "TOP(50)", "Alder": "*", "Tid": "*"})
    assert len(frame) == 2500 and pxweb.refused["cells"] > 0


def test_a_400_that_splitting_cannot_cure_is_reported(scb: ScbClient, pxweb: FakePxWeb) -> None:
    pxweb.max_cells = 3000
    scb.config()
    pxweb.max_cells, pxweb.cell_status = 1, 400  # refuses everything
    with pytest.raises(ResponseError, match=r"TAB4442.*HTTP 400"):
        scb.data("TAB4442", {"Yrke2012": "TOP(50)", "Alder": "*", "Tid": "*"})
    assert pxweb.refused["cells"] < 16  # halving stopped early, no flood of calls


def test_an_answer_with_foreign_cells_is_refused(scb: ScbClient, pxweb: FakePxWeb) -> None:
    original = pxweb.data

    def wrong_year(table, body):  # the server answers with a year nobody asked for
        for item in body["selection"]:
            if item["variableCode"] == "Tid":
                item["valueCodes"] = ["2020"]
        return original(table, body)

    pxweb.data = wrong_year  # type: ignore[method-assign]
    with pytest.raises(ResponseError, match="2020"):
        scb.data("TAB4442", {"Yrke2012": "0110", "Alder": "*", "Tid": "2024"})


def test_retries_count_against_the_call_limit(scb: ScbClient, pxweb: FakePxWeb,
                                              fake_http) -> None:
    pxweb.max_cells, pxweb.max_calls, pxweb.window = 2000, 6, 0.4
    fake_http.add_faults("/data", *[("status", 503)] * 3)  # fewer than the tries per call
    frame = scb.data("TAB4442", {"Yrke2012": "TOP(200)", "Alder": "*", "Tid": "*"})
    assert len(frame) == 10_000
    assert scb.transport.requests_sent >= pxweb.data_calls + 3  # the 503s were retried
    assert pxweb.refused["calls"] == 0  # ... and paced with everything else
