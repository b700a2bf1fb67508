"""Code lists: regions (Riket, län, kommuner) and SSYK 2012 at every level."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import Dataset, Origin, read_json, require

PXWEBPY_COMMIT = "d45f4cb2fc629961992ac33a54b8296775b166f2"
TAB6471_METADATA = Origin(
    "scb/stefur__pxwebpy/tests/responses/TAB6471_metadata.json",
    "stefur/pxwebpy",
    PXWEBPY_COMMIT,
    "tests/responses/TAB6471_metadata.json",
    "SCB: CC0 (repository: MIT)",
)
SSYK_XLSX = Origin(
    "scb/erik372__digspecads/ssyk-2012-koder.xlsx",
    "erik372/digspecads",
    "423b76b9dde5391e9a6ea80b2323392034f38c75",
    "ssyk-2012-koder.xlsx",
    "SCB: CC0 (repository: MIT)",
)
SSYK_ENGLISH = Origin(
    "scb/ai-econ-lab__AI_Econ_daioe_years_regions/structure_ssyk12.csv",
    "ai-econ-lab/AI_Econ_daioe_years_regions",
    "21bdf4637ab8eb45417be58cf9600ee6ad92c7b1",
    "structure_ssyk12.csv",
    "SCB: CC0 (repository: none stated)",
)
SSYK_SHEETS = {1: "1-siffer", 2: "2-siffer", 3: "3-siffer", 4: "4-siffer"}


def _region_kind(code: str) -> str:
    if code == "00":
        return "riket"
    return "lan" if len(code) == 2 else "kommun"


def build_regions(raw: Path) -> Dataset:
    doc = read_json(raw / TAB6471_METADATA.local)
    labels: dict[str, str] = doc["dimension"]["Region"]["category"]["label"]
    frame = pd.DataFrame({"region": list(labels), "region_name": list(labels.values())})
    frame["kind"] = frame["region"].map(_region_kind)
    frame["lan"] = frame["region"].str[:2]
    counts = frame["kind"].value_counts().to_dict()
    require(counts == {"kommun": 290, "lan": 21, "riket": 1}, f"region counts {counts}")
    return Dataset(
        name="regions",
        frame=frame,
        title="Regioner: riket, 21 län och 290 kommuner",
        description=(
            "Kod och svenskt namn för riket ('00'), länen ('01'–'25') och kommunerna "
            "(fyrsiffriga koder), med typ (riket/lan/kommun) och länskod ('lan')."
        ),
        keys=["region"],
        origins=[TAB6471_METADATA],
        table_ids=["TAB6471"],
        licence="CC0 (SCB)",
        source="SCB, regionindelning (TAB6471)",
        vintage="Regionindelning enligt SCB:s metadata för TAB6471, uppdaterad 2026-06-08",
        complete=False,
        checks={"counts": counts},
    )


def _swedish_level(raw: Path, level: int) -> pd.DataFrame:
    sheet = pd.read_excel(raw / SSYK_XLSX.local, sheet_name=SSYK_SHEETS[level], dtype=str)
    sheet.columns = ["ssyk", "ssyk_name"]
    sheet = sheet.dropna()
    # Excel lost the leading zeros of the armed-forces codes ("110" for "0110").
    sheet["ssyk"] = sheet["ssyk"].str.strip().str.zfill(level)
    sheet["ssyk_name"] = sheet["ssyk_name"].str.strip()
    sheet["level"] = level
    return sheet


def build_ssyk(raw: Path) -> Dataset:
    swedish = pd.concat([_swedish_level(raw, level) for level in SSYK_SHEETS], ignore_index=True)
    english = pd.read_csv(raw / SSYK_ENGLISH.local, dtype=str, encoding="utf-8-sig")
    english = english.rename(columns={"code": "ssyk", "name": "ssyk_name_en"})
    english["ssyk_name_en"] = english["ssyk_name_en"].str.strip()
    frame = swedish.merge(english, on="ssyk", how="outer", indicator=True)
    unmatched = frame[frame["_merge"] != "both"]
    require(unmatched.empty, f"SSYK codes only in one list:\n{unmatched}")
    frame = frame.drop(columns="_merge")[["ssyk", "level", "ssyk_name", "ssyk_name_en"]]
    frame = frame.sort_values(["level", "ssyk"], ignore_index=True)
    sizes = frame["level"].value_counts().sort_index().to_dict()
    require(sizes == {1: 10, 2: 46, 3: 148, 4: 429}, f"SSYK level sizes {sizes}")
    return Dataset(
        name="ssyk",
        frame=frame,
        title="SSYK 2012: yrkesindelning på alla nivåer",
        description=(
            "Standard för svensk yrkesklassificering 2012, nivå 1–4 (10 yrkesområden, 46 "
            "huvudgrupper, 148 yrkesgrupper på tresiffernivå, 429 yrkesgrupper), med SCB:s "
            "svenska benämningar och engelska namn."
        ),
        keys=["ssyk"],
        origins=[SSYK_XLSX, SSYK_ENGLISH],
        table_ids=["SSYK 2012"],
        licence="CC0 (SCB)",
        source="SCB, Standard för svensk yrkesklassificering (SSYK 2012)",
        vintage="SSYK 2012 (SCB:s kodlista, oförändrad sedan 2014)",
        checks={"codes_per_level": {str(k): int(v) for k, v in sizes.items()}},
    )
