"""The source catalogue and the conversions from API frames to the snapshot schema."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from reglab_forecast.errors import DataContractError, InputError
from reglab_forecast.sources import tidy
from reglab_forecast.sources.catalogue import load_catalogue

MANIFEST = json.loads((Path(__file__).parent.parent / "data" / "snapshot" / "MANIFEST.json")
                      .read_text(encoding="utf-8"))


def test_every_refreshable_table_has_a_dataset_in_the_snapshot() -> None:
    catalogue = load_catalogue()
    for spec in catalogue.tables.values():
        if spec.dataset:
            assert spec.dataset in MANIFEST["datasets"], spec.key
        if spec.source == "scb":
            assert spec.selection and (spec.table_id or (spec.search and spec.label_pattern))
        else:
            assert spec.endpoint in catalogue.source("jobtech").endpoints
    assert {t.key for t in catalogue.defaults()} >= {"employment", "age_profile", "population"}
    assert catalogue.source("scb").citation == "Källa: SCB"
    assert catalogue.source("jobtech").citation == "Källa: Arbetsförmedlingen"


def test_urls_can_be_pointed_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = load_catalogue()
    monkeypatch.delenv("REGLAB_SCB_URL", raising=False)
    monkeypatch.delenv("REGLAB_JOBTECH_URL", raising=False)
    assert catalogue.source("scb").url == "https://statistikdatabasen.scb.se/api/v2"
    monkeypatch.setenv("REGLAB_SCB_URL", "http://127.0.0.1:1/api/v2/")
    assert catalogue.source("scb").url == "http://127.0.0.1:1/api/v2"
    monkeypatch.setenv("REGLAB_JOBTECH_URL", "http://127.0.0.1:1/jt")
    assert catalogue.source("jobtech").endpoint("historical_search") == \
        "http://127.0.0.1:1/jt/historical.api.jobtechdev.se/search"


def test_unknown_table_suggests_the_nearest() -> None:
    with pytest.raises(InputError, match="population"):
        load_catalogue().table("populaton")


def _scb(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[*columns, "value"])
    for column in columns:
        frame[column] = frame[column].astype("str")
    return frame


def test_employment_keeps_lan_ssyk4_and_names_the_sexes() -> None:
    frame = _scb([("00", "2512", "1", "2024", 5.0), ("01", "2512", "1", "2024", 7.0),
                  ("01", "0002", "2", "2024", 1.0), ("01", "2512", "2", "2024", 3.0)],
                 ["Region", "Yrke2012", "Kon", "Tid"])
    out = tidy.employment(frame, "TABX")
    assert out.to_dict("list") == {"region": ["01", "01"], "ssyk": ["2512", "2512"],
                                   "sex": ["men", "women"], "year": [2024, 2024],
                                   "employed": [7, 3]}


def test_age_bands_are_normalised_and_65_69_starts_in_2023() -> None:
    frame = _scb([("2512", "065-69", "1", "2022", 0.0), ("2512", "065-69", "1", "2023", 4.0),
                  ("2512", "16-24", "1", "2022", 2.0), ("2512", "tot", "1", "2022", 6.0)],
                 ["Yrke2012", "Alder", "Kon", "Tid"])
    out = tidy.age_profile(frame, "TABX")
    assert sorted(zip(out["age"], out["year"], strict=True)) == [("16-24", 2022),
                                                                 ("65-69", 2023)]


def test_missing_counts_are_refused_not_zeroed() -> None:
    frame = _scb([("01", "2512", "1", "2024", np.nan)], ["Region", "Yrke2012", "Kon", "Tid"])
    with pytest.raises(DataContractError, match="TABX.*saknar värde"):
        tidy.employment(frame, "TABX")


def test_population_sums_civil_status_and_drops_totals() -> None:
    frame = _scb([("01", "OG", "0", "1", "2024", 3.0), ("01", "G", "0", "1", "2024", 4.0),
                  ("01", "OG", "tot", "1", "2024", 99.0), ("00", "OG", "0", "1", "2024", 9.0),
                  ("01", "OG", "100+", "2", "2024", 1.0)],
                 ["Region", "Civilstand", "Alder", "Kon", "Tid"])
    out = tidy.population(frame, "TAB638")
    assert out.to_dict("list") == {"region": ["01", "01"], "age": ["0", "100+"],
                                   "sex": ["men", "women"], "year": [2024, 2024],
                                   "population": [7, 1]}
