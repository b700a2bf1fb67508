"""RAMS 2018: employed by län × industry (SNI 2007 groups) and the län-to-län commuting matrix."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .classifications import sni_sections
from .common import Dataset, Origin, require

TWALLEMA = "twallema/pyIEEM"
TWALLEMA_COMMIT = "23c5b5930a562c3d46bfb110017dc05f5f970748"


def _twallema(path: str) -> Origin:
    return Origin(f"scb/twallema__pyIEEM/{path}", TWALLEMA, TWALLEMA_COMMIT, path,
                  "SCB: CC0 (repository: MIT)")


WORKPLACE = _twallema("data/raw/eco/labor_market_composition/AM0207I6_20230706-115023.csv")
RESIDENCE = _twallema("data/raw/eco/labor_market_composition/AM0207I5_20230705-155636.csv")
COMMUTING = _twallema("data/raw/epi/mobility/SWE/AM0207AC_20230705-141955.csv")


def _read_export(raw: Path, origin: Origin, skiprows: int) -> pd.DataFrame:
    return pd.read_csv(raw / origin.local, encoding="latin-1", skiprows=skiprows, dtype=str)


def _industry(raw: Path, origin: Origin, basis: str) -> pd.DataFrame:
    table = _read_export(raw, origin, skiprows=0)
    label = table["industrial classification NACE Rev. 2"]
    return pd.DataFrame(
        {
            "region": table["region"].str[:2],
            "sni": label.str.split(" ", n=1).str[0],
            "sni_name_en": label.str.split(" ", n=1).str[1],
            "basis": basis,
            "year": 2018,
            "employed": table["2018"].astype("int64"),
        }
    )


def _group_name(group: str, sections: dict[str, str]) -> str:
    return "; ".join(sections[letter] for letter in group.split("+"))


def build_industry_employment(raw: Path) -> Dataset:
    sections = sni_sections(raw)
    frame = pd.concat(
        [_industry(raw, WORKPLACE, "workplace"), _industry(raw, RESIDENCE, "residence")],
        ignore_index=True,
    )
    frame.insert(2, "sni_name", frame["sni"].map(lambda g: _group_name(g, sections)))
    frame["year"] = frame["year"].astype("int64")
    totals = frame.groupby("basis")["employed"].sum().to_dict()
    require(totals["residence"] == 4_927_941, f"AM0207I5 total {totals['residence']}")
    return Dataset(
        name="industry_employment",
        frame=frame,
        title="Förvärvsarbetande 16+ per län och näringsgren (SNI 2007, 15 grupper), 2018",
        description=(
            "Förvärvsarbetande 16 år och äldre (RAMS, november 2018) efter län och "
            "näringsgren i 15 grupper av SNI 2007-avdelningar ('B+C' = avdelning B och C). "
            "'basis' anger om länet är arbetsställets (workplace, AM0207I6) eller bostadens "
            "(residence, AM0207I5)."
        ),
        keys=["region", "sni", "basis", "year"],
        origins=[WORKPLACE, RESIDENCE],
        table_ids=["AM0207I6", "AM0207I5"],
        licence="CC0 (SCB)",
        vintage="RAMS, referensår 2018",
        complete=True,
        source="SCB, registerbaserad arbetsmarknadsstatistik (RAMS, AM0207)",
        notes=["RAMS har senare ersatts av BAS (Befolkningens arbetsmarknadsstatus); jämför "
               "inte 2018 års RAMS-nivåer direkt med BAS-baserade tabeller."],
        checks={"total_by_basis": {k: int(v) for k, v in totals.items()}},
    )


def build_commuting(raw: Path) -> Dataset:
    table = _read_export(raw, COMMUTING, skiprows=0)
    require(set(table["sex"]) == {"men and women"}, "commuting sex column")
    frame = pd.DataFrame(
        {
            "region_from": table["County of residence"].str[:2],
            "region_to": table["County of work"].str[:2],
            "year": 2018,
            "employed": table["2018"].astype("int64"),
        }
    )
    frame["year"] = frame["year"].astype("int64")
    require(len(frame) == 441, f"commuting rows {len(frame)}")
    within = int(frame.loc[frame["region_from"] == frame["region_to"], "employed"].sum())
    return Dataset(
        name="commuting",
        frame=frame,
        title="Pendling mellan län: förvärvsarbetande 16+ efter bostads- och arbetsställelän, 2018",
        description=(
            "Förvärvsarbetande 16 år och äldre (RAMS 2018) efter bostadslän (region_from) och "
            "arbetsställets län (region_to), båda kön. 21 × 21 län; diagonalen är de som "
            "bor och arbetar i samma län."
        ),
        keys=["region_from", "region_to", "year"],
        origins=[COMMUTING],
        table_ids=["AM0207AC"],
        licence="CC0 (SCB)",
        vintage="RAMS, referensår 2018",
        complete=True,
        source="SCB, registerbaserad arbetsmarknadsstatistik (RAMS, AM0207)",
        checks={"total": int(frame["employed"].sum()), "within_lan": within},
    )
