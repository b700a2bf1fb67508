"""Faults users of PxWeb clients, SCB's API and JobTech meet: each answer checked on real HTTP.

Bad answers never reach the cache, a trickling server cannot hold a try past its deadline,
selection expressions follow the PxWebApi 2.0 server's rules, JSON-stat status symbols keep
their meaning, a 400 that is not about size is reported at once, and an offline miss names
the table the user asked for.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fakes.fixtures import FAST_RETRY
from fakes.pxweb import FakePxWeb
from fakes.server import FakeHttp, Reply

from reglab_forecast.errors import (
    DataContractError,
    InputError,
    OfflineCacheMiss,
    ResponseError,
    ServerError,
)
from reglab_forecast.sources import tidy
from reglab_forecast.sources.http import Request, Transport
from reglab_forecast.sources.jsonstat import check_dataset, parse_jsonstat2, positions
from reglab_forecast.sources.scb import ScbClient
from reglab_forecast.sources.split import expand_expression, expand_values

YEARS = [str(y) for y in range(2014, 2025)]
ONE_CELL = {"Yrke2012": "0110", "Alder": "16-24", "Tid": "2024"}


def _cached_data(cache: Path, table: str) -> list[Path]:
    """Cache entries of data answers (POST) for ``table``."""
    return [p for p in cache.rglob("*.meta.json")
            if table in p.parts and json.loads(p.read_text())["method"] == "POST"]


# --- item 2: the cache keeps only checked answers -------------------------------------------


@pytest.mark.parametrize("bad", [
    {"hello": "not json-stat"},  # JSON but not JSON-stat: used to end in a KeyError
    "size",  # JSON-stat whose value count disagrees with its size
])
def test_a_bad_answer_is_never_cached_and_the_rerun_heals(
        scb: ScbClient, pxweb: FakePxWeb, cache_dir: Path, bad: Any) -> None:
    original = pxweb.data

    def broken(table: Any, body: dict[str, Any]) -> Reply:
        reply = original(table, body)
        if bad == "size":
            reply.body["value"] = reply.body["value"][:-1]
            return reply
        return Reply(200, bad)

    pxweb.data = broken  # type: ignore[method-assign]
    with pytest.raises(ResponseError, match="sparas inte i cachen"):
        scb.data("TAB4442", ONE_CELL)
    assert _cached_data(cache_dir, "TAB4442") == []
    pxweb.data = original  # type: ignore[method-assign]
    calls = pxweb.data_calls
    frame = scb.data("TAB4442", ONE_CELL)
    assert pxweb.data_calls == calls + 1  # asked the healthy server, no replay
    assert len(frame) == 1 and frame["value"].notna().all()
    assert len(_cached_data(cache_dir, "TAB4442")) == 1  # the good answer is kept


def test_a_poisoned_entry_from_before_is_dropped(scb: ScbClient, pxweb: FakePxWeb,
                                                 cache_dir: Path) -> None:
    scb.data("TAB4442", ONE_CELL)
    (sidecar,) = _cached_data(cache_dir, "TAB4442")
    path = sidecar.with_name(sidecar.name.replace(".meta.json", ".json"))
    assert path.is_file()
    path.write_bytes(b'{"hello": "not json-stat"}')  # as an older version could store it
    calls = pxweb.data_calls
    assert len(scb.data("TAB4442", ONE_CELL)) == 1
    assert pxweb.data_calls == calls + 1


# --- item 3: one deadline per try --------------------------------------------------------------


def test_a_trickling_server_cannot_hold_a_try_past_its_deadline(
        fake_http: FakeHttp, cache_dir: Path) -> None:
    fake_http.route("/slow", lambda _: Reply(200, {"ok": True}))
    fake_http.add_faults("/slow", *[("trickle", 0.2)] * FAST_RETRY.max_tries)
    transport = Transport("scb", fake_http.url, cache_dir=cache_dir, offline=False,
                          retry=FAST_RETRY, timeout=1.0)
    started = time.monotonic()
    with pytest.raises(ServerError, match=r"4 försök.*mer än 1 s"):
        transport.get_json(Request("GET", "slow", table="TAB1", what="data"))
    elapsed = time.monotonic() - started
    # Without the deadline each try would take 200 bytes × 0.2 s = 40 s.
    assert elapsed < FAST_RETRY.max_tries * 1.0 + 3.0
    assert transport.requests_sent == FAST_RETRY.max_tries


def test_the_deadline_covers_a_slow_but_finished_answer(fake_http: FakeHttp,
                                                         cache_dir: Path) -> None:
    fake_http.route("/slow", lambda _: Reply(200, {"ok": True}))
    fake_http.add_faults("/slow", ("trickle", 0.2))  # the first try trickles, the second is fine
    transport = Transport("scb", fake_http.url, cache_dir=cache_dir, offline=False,
                          retry=FAST_RETRY, timeout=1.0)
    assert transport.get_json(Request("GET", "slow", table="TAB1", what="data")) == {"ok": True}
    assert transport.requests_sent == 2


# --- item 4: selection expressions as the server expands them ----------------------------------


@pytest.mark.parametrize(("expression", "expected"), [
    ("TOP(2)", ["2023", "2024"]),
    ("top(2)", ["2023", "2024"]),
    ("TOP(1,1)", ["2023"]),
    ("TOP(3,9)", ["2014", "2015"]),  # what is left after the offset
    ("BOTTOM(1)", ["2014"]),
    ("BOTTOM(2,1)", ["2015", "2016"]),
    ("FROM(2022)", ["2022", "2023", "2024"]),
    ("TO(2015)", ["2014", "2015"]),
    ("RANGE(2016,2018)", ["2016", "2017", "2018"]),
    ("RANGE(2018,2016)", ["2016", "2017", "2018"]),  # either order
    ("202?", ["2020", "2021", "2022", "2023", "2024"]),
    ("*4", ["2014", "2024"]),
])
def test_time_expressions(expression: str, expected: list[str]) -> None:
    assert expand_values(expression, YEARS, "Tid", is_time=True) == expected


def test_time_periods_are_counted_by_period_not_by_position() -> None:
    newest_first = list(reversed(YEARS))  # a table that lists its periods newest first
    assert expand_expression("TOP(2)", newest_first, "Tid", is_time=True) == ["2024", "2023"]
    assert expand_expression("BOTTOM(1)", newest_first, "Tid", is_time=True) == ["2014"]


CODES = ["01", "0114", "0180", "03", "0380", "25", "2584"]


@pytest.mark.parametrize(("expression", "expected"), [
    ("TOP(2)", ["01", "0114"]),  # not time: the first values
    ("TOP(2,1)", ["0114", "0180"]),
    ("BOTTOM(2)", ["25", "2584"]),  # not time: the last values
    ("BOTTOM(1,1)", ["25"]),
    ("01*", ["01", "0114", "0180"]),
    ("*80", ["0180", "0380"]),
    ("*8*", ["0180", "0380", "2584"]),
    ("*", CODES),
    ("0?", ["01", "03"]),
    ("01??", ["0114", "0180"]),
    ("FROM(0380)", ["0380", "25", "2584"]),
    ("TO(0114)", ["01", "0114"]),
    ("RANGE(03,25)", ["03", "0380", "25"]),
])
def test_expressions_on_other_variables(expression: str, expected: list[str]) -> None:
    assert expand_expression(expression, CODES, "Region") == expected


def test_codes_and_wildcards_ignore_case() -> None:
    values = ["BE0101N1", "BE0101N2"]
    assert expand_expression("be0101n1", values, "ContentsCode") == ["BE0101N1"]
    assert expand_expression("be*", values, "ContentsCode") == values
    assert expand_expression("RANGE(be0101n1,BE0101N2)", values, "ContentsCode") == values


@pytest.mark.parametrize("expression", [
    "TOP(0)", "TOP(-1)", "TOP( 2)", "TOP(2,)", "BOTTOM(x)", "RANGE(2014)", "FROM(2014,2015)",
    "0*1", "***", "*0*1", "TO()",
])
def test_expressions_the_server_refuses_are_input_errors(expression: str) -> None:
    with pytest.raises(InputError, match=r"går inte att tolka|inte tillåtet|inget värde"):
        expand_expression(expression, YEARS, "Tid", is_time=True)


def test_the_client_sends_the_newest_years_for_top(scb: ScbClient, fake_http: FakeHttp) -> None:
    frame = scb.data("TAB4442", {"Yrke2012": "0110", "Alder": "16-24", "Tid": "TOP(2)"})
    assert sorted(frame["Tid"]) == ["2023", "2024"]
    posted = [r for r in fake_http.log if r.path.endswith("/data")][-1]
    time_item = [i for i in posted.body["selection"] if i["variableCode"] == "Tid"][0]
    assert time_item["valueCodes"] == ["2023", "2024"]


# --- item 5: status symbols and the answer's own dimension order -------------------------------


def _dataset(values: list[Any], status: Any = None, order: tuple[str, str] = ("A", "B")
             ) -> dict[str, Any]:
    dims = {"A": ["a1", "a2"], "B": ["b1", "b2", "b3"]}
    doc: dict[str, Any] = {
        "version": "2.0", "class": "dataset", "id": list(order),
        "size": [len(dims[d]) for d in order],
        "dimension": {d: {"category": {"index": dims[d], "label": {c: c for c in dims[d]}}}
                      for d in order},
        "value": values,
    }
    if status is not None:
        doc["status"] = status
    return doc


def test_a_dash_is_a_true_zero_and_dots_are_missing() -> None:
    frame = parse_jsonstat2(_dataset([1, None, None, 4, None, 6],
                                     {"1": "-", "2": "..", "4": "."}))
    assert frame["value"].iloc[1] == 0.0
    assert np.isnan(frame["value"].iloc[2]) and np.isnan(frame["value"].iloc[4])
    assert frame["status"].tolist() == ["", "-", "..", "", ".", ""]


def test_status_as_one_string_or_a_list() -> None:
    assert parse_jsonstat2(_dataset([None] * 6, "-"))["value"].tolist() == [0.0] * 6
    listed = parse_jsonstat2(_dataset([None, 2, 3, 4, 5, 6], ["..", "", "", "", "", ""]))
    assert np.isnan(listed["value"].iloc[0]) and listed["status"].iloc[0] == ".."


def test_tidy_quotes_the_real_symbol() -> None:
    frame = parse_jsonstat2(_dataset([None, 2, 3, 4, None, 6], {"0": ".", "4": "."}))
    with pytest.raises(DataContractError, match=r"2 celler saknar värde.*'\.'"):
        tidy._counts(frame["value"], "employed", "TAB1", frame.get("status"))


def test_an_answer_in_another_dimension_order_is_placed_by_its_ids() -> None:
    # The same cube sent as B × A instead of the A × B that was asked for.
    as_asked = {"A": ["a1", "a2"], "B": ["b1", "b2", "b3"]}
    swapped = _dataset([11, 21, 12, 22, 13, 23], order=("B", "A"))
    where = positions(swapped, as_asked)
    values = np.empty(6)
    values[where] = swapped["value"]
    assert values.tolist() == [11, 12, 13, 21, 22, 23]


def test_check_dataset_refuses_what_must_not_be_cached() -> None:
    with pytest.raises(ResponseError, match="inte JSON-stat"):
        check_dataset({"hello": 1})
    with pytest.raises(ResponseError, match="5 värden men dimensionerna ger 6"):
        check_dataset(_dataset([1, 2, 3, 4, 5]))
    with pytest.raises(ResponseError, match="size"):
        check_dataset({**_dataset([1] * 6), "size": [3, 3]})
    check_dataset(_dataset([1, None, 3, 4, 5, 6], {"1": "-"}))


# --- item 6: a 400 that is not about size --------------------------------------------------------


def test_a_parameter_error_is_reported_without_resplitting(scb: ScbClient, pxweb: FakePxWeb,
                                                            fake_http: FakeHttp) -> None:
    pxweb.max_cells = 3000
    scb.config()
    original = pxweb.data

    def refuse(table: Any, body: dict[str, Any]) -> Reply:
        return Reply(400, {"type": "Parameter error", "title": "Non-existent value",
                           "status": 400})

    pxweb.data = refuse  # type: ignore[method-assign]
    before = len([r for r in fake_http.log if r.path.endswith("/data")])
    with pytest.raises(ResponseError, match="Non-existent value"):
        scb.data("TAB4442", {"Yrke2012": "TOP(50)", "Alder": "*", "Tid": "*"})
    sent = len([r for r in fake_http.log if r.path.endswith("/data")]) - before
    assert sent == 1
    pxweb.data = original  # type: ignore[method-assign]


def test_too_many_cells_from_pxwebapi_is_still_resplit(scb: ScbClient, pxweb: FakePxWeb) -> None:
    pxweb.max_cells = 3000
    scb.config()
    original = pxweb.data

    def strict(table: Any, body: dict[str, Any]) -> Reply:
        cells = int(np.prod([len(i["valueCodes"]) for i in body["selection"]]))
        if cells > 900:
            return Reply(400, {"type": "Parameter error", "title": "Too many cells selected",
                               "detail": "Too many cells selected", "status": 400})
        return original(table, body)

    pxweb.data = strict  # type: ignore[method-assign]
    frame = scb.data("TAB4442", {"Yrke2012": "TOP(50)", "Alder": "*", "Tid": "*"})
    assert len(frame) == 2500


# --- item 10: an offline miss names the table the user asked for -------------------------------


def test_an_empty_cache_offline_names_the_table(scb_url: str, tmp_path: Path) -> None:
    client = ScbClient(scb_url, cache_dir=tmp_path / "empty", offline=True, progress=False)
    with pytest.raises(OfflineCacheMiss) as caught:
        client.data("TAB4442", ONE_CELL)
    message = str(caught.value)
    assert "TAB4442" in message and "_config" not in message
    assert "reglab-forecast fetch" in message


def test_offline_routes_never_send_a_request(scb_url: str, tmp_path: Path,
                                             fake_http: FakeHttp) -> None:
    client = ScbClient(scb_url, cache_dir=tmp_path / "empty", offline=True, progress=False)
    with pytest.raises(OfflineCacheMiss):
        client.metadata("TAB4442")
    assert fake_http.log == []



def test_one_byte_a_second_ends_each_try_at_the_deadline(fake_http: FakeHttp,
                                                         cache_dir: Path) -> None:
    fake_http.route("/slow", lambda _: Reply(200, {"ok": True}))
    fake_http.add_faults("/slow", *[("trickle", 1.0)] * 2)
    retry = replace(FAST_RETRY, max_tries=2)
    transport = Transport("scb", fake_http.url, cache_dir=cache_dir, offline=False,
                          retry=retry, timeout=1.5)
    started = time.monotonic()
    with pytest.raises(ServerError, match=r"2 försök.*mer än 1.5 s"):
        transport.get_json(Request("GET", "slow", table="TAB1", what="data"))
    assert time.monotonic() - started < 2 * (1.5 + 1.0) + 2.0


def test_status_symbols_reach_the_callers_of_data(scb: ScbClient, pxweb: FakePxWeb) -> None:
    original = pxweb.data

    def with_status(table: Any, body: dict[str, Any]) -> Reply:
        reply = original(table, body)
        reply.body["value"] = [None] * len(reply.body["value"])
        reply.body["status"] = {"0": "-", "1": ".."}
        return reply

    pxweb.data = with_status  # type: ignore[method-assign]
    frame = scb.data("TAB4442", {"Yrke2012": "0110", "Alder": ["16-24", "25-29"],
                                 "Tid": "2024"})
    assert frame["status"].tolist() == ["-", ".."]
    assert frame["value"].iloc[0] == 0.0 and np.isnan(frame["value"].iloc[1])
    with pytest.raises(DataContractError, match=r"1 celler saknar värde \(status '\.\.': 1\)"):
        tidy._counts(frame["value"], "employed", "TAB4442", frame["status"])
