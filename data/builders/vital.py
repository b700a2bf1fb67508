"""Deaths and live births by län × age × sex, 1968–2015 (StatisticsNZ/demdata, SCB BE0101).

Deaths are by age at death in completed years (0…99, '100+'); births by the mother's age
('<15', 15…48, '49+', 'okänd') and the child's sex. Both are R arrays
``age × sex × region × year`` in the same layout as the population array.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import Dataset, Origin, require
from .population import demdata_frame

COMMIT = "123cf94954191e3677c973e5b46efde34f443741"
DEATHS = Origin("scb2/StatisticsNZ__demdata/data/sweden.deaths.rda", "StatisticsNZ/demdata",
                COMMIT, "data/sweden.deaths.rda",
                "SCB: CC0 (repository: MIT, Crown copyright Stats NZ)")
BIRTHS = Origin("scb2/StatisticsNZ__demdata/data/sweden.births.rda", "StatisticsNZ/demdata",
                "6c4dd056f7f130d7e6ef207d407f4e98cdadb0d3", "data/sweden.births.rda",
                "SCB: CC0 (repository: MIT, Crown copyright Stats NZ)")
MOTHER_AGE = {"no information": "okänd"}


def _array_frame(path: Path, name: str, value: str) -> pd.DataFrame:
    frame = demdata_frame(path, name, value)
    frame[value] = frame[value].astype("int64")
    return frame


def _yearly_totals(frame: pd.DataFrame, value: str) -> dict[str, int]:
    return {str(y): int(v) for y, v in frame.groupby("year")[value].sum().items()}


def _vital_dataset(name: str, frame: pd.DataFrame, key: str, origin: Origin, *,
                   title: str, description: str, table: str, note: str) -> Dataset:
    """The deaths or births Dataset: same keys, licence, vintage and checks; ``key`` is the age."""
    value = name
    return Dataset(
        name=name,
        frame=frame[["region", key, "sex", "year", value]],
        title=title,
        description=description,
        keys=["region", key, "sex", "year"],
        origins=[origin],
        table_ids=[f"BE0101 ({table})"],
        licence="CC0 (SCB)",
        vintage="Befolkningsstatistik, referensår 1968–2015",
        complete=True,
        source="SCB, befolkningsstatistik (BE0101)",
        notes=[note],
        checks={"total_by_year": _yearly_totals(frame, value)},
    )


def _require_totals(frame: pd.DataFrame, value: str, expected: dict[str, int]) -> None:
    totals = _yearly_totals(frame, value)
    for year, count in expected.items():
        require(totals[year] == count, f"{value} {year}: {totals[year]} != {count}")


def build_deaths(raw: Path) -> Dataset:
    frame = _array_frame(raw / DEATHS.local, "sweden.deaths", "deaths")
    _require_totals(frame, "deaths", {"2000": 93_461, "2010": 90_487, "2015": 90_907})
    order = frame["age"].str.rstrip("+").astype("int64")
    frame = frame.assign(_o=order).sort_values(["region", "year", "sex", "_o"],
                                               ignore_index=True)
    return _vital_dataset(
        "deaths", frame, "age", DEATHS,
        title="Döda per län, ålder och kön, 1968–2015",
        description=("Antal döda under året efter län, ålder vid dödsfallet i hela år "
                     "(0–99 och '100+') och kön."),
        table="Döda efter region, ålder och kön",
        note=("Uppgifterna slutar 2015; senare års dödsrisker skattas i befolkningsprognosen "
              "ur 2011–2015 med den nationella trenden av minskande dödlighet."))


def build_births(raw: Path) -> Dataset:
    frame = _array_frame(raw / BIRTHS.local, "sweden.births", "births")
    frame = frame.rename(columns={"age": "mother_age"})
    frame["mother_age"] = frame["mother_age"].replace(MOTHER_AGE)
    _require_totals(frame, "births", {"2000": 90_441, "2010": 115_641, "2015": 114_870})
    labels = ["<15", *[str(a) for a in range(15, 49)], "49+", "okänd"]
    require(set(frame["mother_age"]) == set(labels), "births mother_age labels")
    frame = frame.assign(_o=frame["mother_age"].map({a: i for i, a in enumerate(labels)}))
    frame = frame.sort_values(["region", "year", "sex", "_o"], ignore_index=True)
    return _vital_dataset(
        "births", frame, "mother_age", BIRTHS,
        title="Levande födda per län, moderns ålder och barnets kön, 1968–2015",
        description=("Levande födda under året efter län, moderns ålder vid födelsen "
                     "('<15', 15–48, '49+', 'okänd') och barnets kön."),
        table="Levande födda efter region, moderns ålder och barnets kön",
        note=("Uppgifterna slutar 2015; senare års fruktsamhet skattas i befolkningsprognosen "
              "ur antalet 0-åringar i befolkningen."))
