"""`reglab-forecast fetch` end to end against the loopback SCB and JobTech servers."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from fakes.fixtures import FAST_RETRY
from fakes.jobtech import FakeJobTech
from fakes.pxweb import PREFIX, FakePxWeb
from fakes.server import FakeHttp
from fakes.tables import AGE_ID, EMPLOYMENT_ID
from pypdf import PdfReader

from reglab_forecast import snapshot
from reglab_forecast.cli import main
from reglab_forecast.sources import tidy
from reglab_forecast.sources.refresh import fetch
from reglab_forecast.sources.scb import ScbClient


@pytest.fixture
def live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_http: FakeHttp,
         pxweb: FakePxWeb, jobtech_server: FakeJobTech) -> Path:
    monkeypatch.setenv("REGLAB_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REGLAB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("REGLAB_SCB_URL", fake_http.url + PREFIX)
    monkeypatch.delenv("REGLAB_OFFLINE", raising=False)
    monkeypatch.delenv("REGLAB_SNAPSHOT_DIR", raising=False)
    snapshot.clear_cache()
    yield tmp_path / "data" / "snapshot"
    snapshot.clear_cache()


def _embedded(name: str) -> pd.DataFrame:
    return pd.read_parquet(Path(__file__).parent.parent / "data" / "snapshot" / f"{name}.parquet")


@pytest.mark.slow
def test_fetch_refreshes_the_snapshot(live: Path, fake_http: FakeHttp, pxweb: FakePxWeb,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch"]) == 0
    out = capsys.readouterr().out
    assert EMPLOYMENT_ID in out and AGE_ID in out and "TAB638" in out
    manifest = json.loads((live / "MANIFEST.json").read_text())
    assert snapshot.snapshot_location() == live

    employment = snapshot.read_dataset("employment")
    assert sorted(employment["year"].unique()) == list(range(2014, 2026))  # a newer year
    direct = ScbClient(fake_http.url + PREFIX, offline=False, progress=False).data(
        EMPLOYMENT_ID, {"Region": "??", "Yrke2012": "????", "Kon": ["1", "2"], "Tid": "*"})
    expected = tidy.employment(direct, EMPLOYMENT_ID)
    refreshed = employment[employment["year"] >= 2020].reset_index(drop=True)
    pd.testing.assert_frame_equal(refreshed, expected, check_dtype=False)
    old = _embedded("employment")
    kept = employment[employment["year"] < 2020].reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, old[old["year"] < 2020].reset_index(drop=True),
                                  check_dtype=False)
    entry = manifest["datasets"]["employment"]
    assert EMPLOYMENT_ID in entry["vintage"] and entry["refreshed"]["years"] == list(
        range(2020, 2026))
    assert entry["rows"] == len(employment)

    population = snapshot.read_dataset("population")
    assert population["year"].max() == 2024 and population["year"].min() == 1968
    assert population["region"].nunique() == 21 and population["age"].nunique() == 101
    age = snapshot.read_dataset("age_profile")
    assert set(age[age["year"] == 2025]["age"]) >= {"16-24", "65-69"}
    assert "65-69" not in set(age[age["year"] == 2021]["age"])
    assert len(snapshot.read_dataset("af_outlook")) == 454
    untouched = snapshot.read_dataset("commuting")
    assert len(untouched) == len(_embedded("commuting"))

    # The brief is written on the new vintage.
    pdf = live.parent / "brief.pdf"
    assert main(["brief", "--region", "18", "--out", str(pdf)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "2014–2025" in text

    # Offline, from the cache only: the same snapshot again, no request reaches the server.
    before = len(fake_http.log)
    assert main(["fetch", "--offline"]) == 0
    assert len(fake_http.log) == before
    assert snapshot.read_dataset("employment").equals(employment)


def test_failed_fetch_keeps_the_previous_snapshot(live: Path, tmp_path: Path,
                                                  pxweb: FakePxWeb) -> None:
    first = fetch(["af_outlook"], progress=False, retry=FAST_RETRY, report=lambda _: None)
    assert first.ok and (live / "af_outlook.parquet").exists()
    manifest = (live / "MANIFEST.json").read_text()
    dead = fetch(["af_outlook", "population", "age_profile_total"],
                 scb_url="http://127.0.0.1:9/api/v2", cache_dir=tmp_path / "empty",
                 progress=False, retry=FAST_RETRY, report=lambda _: None)
    assert set(dead.failed) == {"population", "age_profile_total"}  # JobTech still answers
    assert "kunde inte hämtas" in dead.failed["population"]
    assert dead.failed["age_profile_total"].startswith("hoppades över")
    assert json.loads((live / "MANIFEST.json").read_text())["datasets"]["population"] == \
        json.loads(manifest)["datasets"]["population"]


def test_table_found_by_search_or_given(live: Path, pxweb: FakePxWeb) -> None:
    result = fetch(["employment"], table_ids={"employment": EMPLOYMENT_ID}, progress=False,
                   retry=FAST_RETRY, report=lambda _: None)
    assert result.resolved == {"employment": EMPLOYMENT_ID}
    result = fetch(["age_profile"], progress=False, retry=FAST_RETRY, report=lambda _: None)
    assert result.resolved == {"age_profile": AGE_ID}


def test_no_matching_table_says_what_to_do(live: Path, pxweb: FakePxWeb) -> None:
    del pxweb.tables[EMPLOYMENT_ID]
    result = fetch(["employment"], progress=False, retry=FAST_RETRY, report=lambda _: None)
    assert "--table-id employment=TAB" in result.failed["employment"]


def test_cli_list_and_bad_names(live: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch", "--list"]) == 0
    assert "population" in capsys.readouterr().out
    assert main(["fetch", "--tables", "employmnt"]) == 2
    assert "employment" in capsys.readouterr().err
    assert main(["fetch", "--table-id", "employment"]) == 2
