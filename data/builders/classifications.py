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


SNI_XLSX = Origin(
    "scb/erik372__digspecads/sni2007.xlsx",
    "erik372/digspecads",
    "423b76b9dde5391e9a6ea80b2323392034f38c75",
    "sni2007.xlsx",
    "SCB: CC0 (repository: MIT)",
)
SNI_SHEETS = {
    2: ("Huvudgrupp (Tvåsiffer)", 0, 1),
    3: ("Grupp (Tresiffer)", 1, 2),
    4: ("Undergrupp (Fyrsiffer)", 1, 2),
    5: ("Detaljgrupp (Femsiffer)", 1, 2),
}


def sni_sections(raw: Path) -> dict[str, str]:
    """SNI 2007 avdelning letter → Swedish name."""
    sheet = pd.read_excel(raw / SNI_XLSX.local, sheet_name="Avdelning (Bokstav)", dtype=str)
    return {str(k).strip(): str(v).strip() for k, v in zip(sheet.iloc[:, 0], sheet.iloc[:, 1],
                                                            strict=True)}


def _sni_level(raw: Path, level: int) -> pd.DataFrame:
    sheet_name, code_col, name_col = SNI_SHEETS[level]
    sheet = pd.read_excel(raw / SNI_XLSX.local, sheet_name=sheet_name, header=None, dtype=str)
    body = sheet.iloc[3:, [code_col, name_col]].dropna()
    body.columns = ["sni", "sni_name"]
    body["sni"] = body["sni"].str.strip().str.zfill(level)
    body["sni_name"] = body["sni_name"].str.strip()
    body["level"] = level
    return body


def build_sni(raw: Path) -> Dataset:
    sections = sni_sections(raw)
    parts = [pd.DataFrame({"sni": list(sections), "sni_name": list(sections.values()),
                           "level": 1})]
    parts += [_sni_level(raw, level) for level in SNI_SHEETS]
    frame = pd.concat(parts, ignore_index=True)[["sni", "level", "sni_name"]]
    sizes = frame["level"].value_counts().sort_index().to_dict()
    require(sizes[1] == 21 and sizes[2] == 88, f"SNI sizes {sizes}")
    return Dataset(
        name="sni",
        frame=frame,
        title="SNI 2007: näringsgrensindelning på alla nivåer",
        description=(
            "Svensk näringsgrensindelning 2007: avdelning (bokstav, nivå 1), huvudgrupp (2 "
            "siffror), grupp (3), undergrupp (4) och detaljgrupp (5), med svenska benämningar."
        ),
        keys=["sni"],
        origins=[SNI_XLSX],
        table_ids=["SNI 2007"],
        licence="CC0 (SCB)",
        vintage="SNI 2007 (SCB:s kodlista)",
        source="SCB, Svensk näringsgrensindelning (SNI 2007)",
        notes=["Avdelningsbladet har en omdöpt kolumn i förrådet; koderna och namnen är SCB:s."],
        checks={"codes_per_level": {str(k): int(v) for k, v in sizes.items()}},
    )


SUN_XLSX = Origin(
    "scb/JobtechSwe__jobtech-taxonomy-database/resources/suncode-2020.xlsx",
    "JobtechSwe/jobtech-taxonomy-database",
    "00698383fbe0894bbcbf7090e79631f99b3edd40",
    "resources/suncode-2020.xlsx",
    "SCB: CC0 (repository: EPL-1.0)",
)
# (sheet, kind, [(code column, level), ...]); each name sits in the column after its code.
SUN_BLOCKS = [
    ("Nivåer, klartext", "level", [(0, 1), (3, 2), (6, 3)]),
    ("Inriktning, klartext", "field", [(0, 1), (3, 2), (6, 3), (9, 4)]),
]


def _sun_block(sheet: pd.DataFrame, kind: str, column: int, level: int) -> pd.DataFrame:
    codes, names = sheet.iloc[4:, column], sheet.iloc[4:, column + 1]
    end = codes.isna().to_numpy().argmax() if codes.isna().any() else len(codes)
    block = pd.DataFrame({"sun": codes.iloc[:end].str.strip(),
                          "sun_name": names.iloc[:end].str.strip()})
    digits = block["sun"].str.isdigit()
    width = min(level, 3)
    block.loc[digits, "sun"] = block.loc[digits, "sun"].str.zfill(width)
    block["kind"] = kind
    block["level"] = level
    return block


def build_sun(raw: Path) -> Dataset:
    parts = []
    for sheet_name, kind, blocks in SUN_BLOCKS:
        sheet = pd.read_excel(raw / SUN_XLSX.local, sheet_name=sheet_name, header=None, dtype=str)
        parts += [_sun_block(sheet, kind, column, level) for column, level in blocks]
    frame = pd.concat(parts, ignore_index=True)[["kind", "sun", "level", "sun_name"]]
    sizes = frame.groupby(["kind", "level"]).size()
    require(sizes[("level", 1)] == 7 and sizes[("field", 1)] == 10, f"SUN sizes {sizes}")
    return Dataset(
        name="sun",
        frame=frame,
        title="SUN 2020: utbildningsnivå och utbildningsinriktning",
        description=(
            "Svensk utbildningsnomenklatur 2020: nivå (kind='level', 1–3 siffror) och "
            "inriktning (kind='field', 1–3 siffror och fyrpositionskoder som '010a'), med "
            "svenska benämningar."
        ),
        keys=["kind", "sun"],
        origins=[SUN_XLSX],
        table_ids=["SUN 2020"],
        licence="CC0 (SCB)",
        vintage="SUN 2020 (SCB:s kodlista, juni 2019)",
        source="SCB, Svensk utbildningsnomenklatur (SUN 2020)",
        checks={"codes": {f"{k}_{lv}": int(n) for (k, lv), n in sizes.items()}},
    )
