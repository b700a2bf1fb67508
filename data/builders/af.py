"""Arbetsförmedlingen / JobTech: SSYK concept-id crosswalk, Yrkesprognos, Yrkesbarometer, ads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from .common import Dataset, Origin, read_json, require

AF_LICENCE = "CC0 (Arbetsförmedlingen/JobTech)"
SVERIGE = "i46j_HmG_v64"  # the taxonomy concept id of Sweden as a whole
YRKESINFO_COMMIT = "a9ae18d746c18f27bda7864ebb960c7b1e2784cc"

TAXONOMY_SSYK4 = Origin(
    "af/linneamoritznyc__nordiqflow/taxonomy/ssyk-level-4-groups.json",
    "linneamoritznyc/nordiqflow",
    "2623043ffa5341b2cd49c637401c0723964d8974",
    "data/raw/taxonomy/ssyk-level-4-groups.json",
    "CC0 (JobTech Taxonomy; repository: none stated)",
)
GROUP_NAMES = Origin(
    "af/androjon__feedback/occupation_group_id_name.json",
    "androjon/feedback",
    "4198566e965a8d2ebc7689d5d66a6fb565e60241",
    "occupation_group_id_name.json",
    "CC0 (JobTech Taxonomy; repository: none stated)",
)
YRKESPROGNOS = Origin(
    "af/aminghs__norway-job-market-visualizer/yrkesprognoser.json",
    "aminghs/norway-job-market-visualizer",
    "861a0396b21b6a0f490f6cc272078ab824b87e3d",
    "data/raw/yrkesprognoser.json",
    "CC0 (Arbetsförmedlingen; repository: none stated)",
)


def _yrkesinfo(name: str) -> Origin:
    return Origin(f"af/androjon__yrkesinfo/{name}", "androjon/yrkesinfo", YRKESINFO_COMMIT,
                  name, "CC0 (Arbetsförmedlingen; repository: none stated)")


BAROMETER = _yrkesinfo("barometer_regional.json")
ADS = _yrkesinfo("ssyk_id_region_annonser_2024.json")
REGION_IDS = _yrkesinfo("region_name_id.json")


def taxonomy_groups(raw: Path) -> pd.DataFrame:
    """The 400 taxonomy ssyk-level-4 concepts: concept_id, taxonomy code, label."""
    concepts = read_json(raw / TAXONOMY_SSYK4.local)["data"]["concepts"]
    return pd.DataFrame(
        {
            "concept_id": [c["id"] for c in concepts],
            "jobtech_ssyk": [c["ssyk_code_2012"] for c in concepts],
            "jobtech_label": [c["preferred_label"] for c in concepts],
        }
    )


_LEVEL = re.compile(r",\s*nivå\s*\d\s*$")


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def _covers(group_label: str, scb_label: str) -> bool:
    """True when a taxonomy label names what an SCB label adds to the shared head.

    "Undersköterskor, hemtjänst, hemsjukvård, äldreboende och habilitering" covers
    "Undersköterskor, habilitering": same head before the comma, and the qualifier
    "habilitering" is among the taxonomy label's qualifiers."""
    head, _, qualifier = _fold(scb_label).partition(",")
    group_head, _, group_rest = _fold(group_label).partition(",")
    return bool(qualifier.strip()) and head == group_head and qualifier.strip() in group_rest


def _group_of(code: str, label: str, groups: dict[str, str]) -> str | None:
    """The taxonomy code whose group holds SCB ``code`` (labelled ``label``), or None.

    Same code; or SCB's manager levels ("…, nivå 1/2"), which the taxonomy merges into one
    group ending in 0; or a group of the same 3-digit group whose label covers the SCB label."""
    if code in groups:
        return code
    if _LEVEL.search(label):
        merged = code[:3] + "0"
        return merged if merged in groups else None
    covering = [g for g, text in groups.items() if g[:3] == code[:3] and _covers(text, label)]
    return covering[0] if len(covering) == 1 else None


def crosswalk_rows(groups: pd.DataFrame, scb_names: dict[str, str]) -> pd.DataFrame:
    """One row per SCB SSYK4 code: its taxonomy group (concept id, code, label) and relation
    ``same`` (the group is exactly this SCB code), ``merged`` (the group holds several SCB
    codes) or ``none`` (no taxonomy group; concept id and taxonomy code empty)."""
    labels = dict(zip(groups["jobtech_ssyk"], groups["jobtech_label"], strict=True))
    ids = dict(zip(groups["jobtech_ssyk"], groups["concept_id"], strict=True))
    home = {code: _group_of(code, name, labels) for code, name in sorted(scb_names.items())}
    sizes = pd.Series([g for g in home.values() if g]).value_counts()
    rows = []
    for code, group in home.items():
        if group is None:
            rows.append(("", "", "", code, "none"))
            continue
        relation = "merged" if sizes[group] > 1 else "same"
        rows.append((ids[group], group, labels[group], code, relation))
    return pd.DataFrame(rows, columns=["concept_id", "jobtech_ssyk", "jobtech_label", "ssyk",
                                       "relation"])


def build_jobtech_ssyk(raw: Path, scb_names: dict[str, str]) -> Dataset:
    groups = taxonomy_groups(raw)
    names = read_json(raw / GROUP_NAMES.local)
    require(set(names) == set(groups["concept_id"]), "occupation_group_id_name ids")
    frame = crosswalk_rows(groups, scb_names)
    covered = set(frame.loc[frame["relation"] != "none", "jobtech_ssyk"])
    require(covered == set(groups["jobtech_ssyk"]), "every taxonomy group has an SCB code")
    unmatched = sorted(frame.loc[frame["relation"] == "none", "ssyk"])
    merged_codes = frame[frame["relation"] == "merged"]
    merged = int(merged_codes["jobtech_ssyk"].nunique())
    merged_other = sorted(g for g in merged_codes["jobtech_ssyk"].unique() if g[3] != "0")
    return Dataset(
        name="jobtech_ssyk",
        frame=frame,
        title="JobTech-taxonomins SSYK-grupper (concept id) kopplade till SCB:s SSYK 2012",
        description=(
            "En rad per SCB-kod (SSYK 2012, fyrsiffrig) med den yrkesgrupp (ssyk-level-4) i "
            "Arbetsförmedlingens taxonomi som rymmer den: concept id, taxonomins kod och namn. "
            "Kopplingen bygger på namnen: samma kod, SCB:s chefsnivåer ('…, nivå 1/2') som "
            "taxonomin slår ihop (1211 och 1212 → 1210), eller en taxonomigrupp vars namn "
            "rymmer SCB-gruppens (taxonomins 5321 '… äldreboende och habilitering' rymmer SCB:s "
            "5322 'Undersköterskor, habilitering'). relation='same': gruppen är exakt SCB-koden; "
            "'merged': gruppen rymmer flera SCB-koder (annonser och bedömningar gäller dem "
            "tillsammans); 'none': ingen taxonomigrupp (concept id tomt)."
        ),
        keys=["ssyk"],
        origins=[TAXONOMY_SSYK4, GROUP_NAMES],
        table_ids=["JobTech Taxonomy: ssyk-level-4"],
        licence=AF_LICENCE,
        vintage="JobTech Taxonomy-export (version anges inte i filen; hämtad 2025-12)",
        source="Arbetsförmedlingen, JobTech Taxonomy",
        notes=[
            f"{merged} taxonomigrupper rymmer flera SCB-koder: chefsnivåer och "
            f"{', '.join(merged_other)}.",
            f"SCB-koder utan grupp i taxonomin: {', '.join(unmatched)}.",
        ],
        checks={"taxonomy_groups": len(groups), "merged_groups": merged,
                "merged_other_groups": merged_other, "scb_codes_unmatched": unmatched},
    )


def build_af_outlook(raw: Path, scb_codes: set[str]) -> Dataset:
    records: list[dict[str, Any]] = read_json(raw / YRKESPROGNOS.local)
    frame = pd.DataFrame(
        {
            "ssyk": [str(r["ssyk"]).zfill(4) for r in records],
            "concept_id": [r["concept_id"] for r in records],
            "region": "00",
            "year": [int(r["ar"]) for r in records],
            "shortage_index": [int(r["bristvarde"]) for r in records],
            # Only Arbetsförmedlingen's own Swedish text; the *En fields are not AF's.
            "ingress": [str(r.get("ingress") or "").strip() for r in records],
            "text_1": [str(r.get("stycke1") or "").strip() for r in records],
            "text_2": [str(r.get("stycke2") or "").strip() for r in records],
        }
    )
    frame = frame.sort_values(["ssyk", "year"], ignore_index=True)
    require(set(frame["ssyk"]) <= scb_codes, "Yrkesprognos SSYK codes outside SSYK 2012")
    counts = frame["shortage_index"].value_counts().sort_index()
    return Dataset(
        name="af_outlook",
        frame=frame,
        title="Arbetsförmedlingens yrkesprognos: bristindex per yrke (riket), 2024 och 2026",
        description=(
            "Arbetsförmedlingens bedömning av konkurrensen om jobben per SSYK 2012-yrkesgrupp "
            "för hela riket, som bristindex 1–5 (högre värde = större brist på arbetskraft och "
            "mindre konkurrens om jobben; i filen förekommer 3–5), för åren 2024 och 2026 "
            "som i källan, med Arbetsförmedlingens svenska text."
        ),
        keys=["ssyk", "year"],
        origins=[YRKESPROGNOS],
        table_ids=["Yrkesprognos.json (data.jobtechdev.se/yrkesprognoser)"],
        licence=AF_LICENCE,
        vintage="Yrkesprognoser, nedladdade 2026-03-26 (år 2024 och 2026)",
        source="Arbetsförmedlingen, yrkesprognoser",
        notes=["Fälten stycke1En/stycke2En i källfilen är maskinöversättningar som förrådet "
               "lagt till; de används inte."],
        checks={"occupations": int(frame["ssyk"].nunique()),
                "shortage_index_counts": {str(k): int(v) for k, v in counts.items()}},
    )


def region_codes(raw: Path, regions: pd.DataFrame) -> dict[str, str]:
    """Taxonomy region concept id → SCB län code (and Sweden → '00')."""
    by_name = dict(zip(regions["region_name"], regions["region"], strict=True))
    ids: dict[str, str] = read_json(raw / REGION_IDS.local)
    require(set(ids) <= set(by_name), f"län names {set(ids) - set(by_name)}")
    return {concept: by_name[name] for name, concept in ids.items()} | {SVERIGE: "00"}


def build_barometer(raw: Path, regions: pd.DataFrame) -> Dataset:
    doc: dict[str, dict[str, list[str]]] = read_json(raw / BAROMETER.local)
    codes = region_codes(raw, regions)
    rows = [(yb, codes[geo], pair[0], pair[1]) for yb, by_geo in doc.items()
            for geo, pair in by_geo.items()]
    frame = pd.DataFrame(rows, columns=["yb_concept_id", "region", "opportunities", "outlook_5y"])
    frame = frame.sort_values(["yb_concept_id", "region"], ignore_index=True)
    empty = sum(1 for v in doc.values() if not v)
    return Dataset(
        name="barometer",
        frame=frame,
        title="Arbetsförmedlingens yrkesbarometer per län: jobbmöjligheter och femårsprognos",
        description=(
            "Yrkesbarometerns bedömning per barometeryrke (taxonomins barometer-occupation id) "
            "och län (och riket, '00'): jobbmöjligheter (små/medelstora/stora) och utveckling "
            "på fem års sikt (minska/vara oförändrad/öka)."
        ),
        keys=["yb_concept_id", "region"],
        origins=[BAROMETER, REGION_IDS],
        table_ids=["Yrkesbarometer (omgång ca 2025-1)"],
        licence=AF_LICENCE,
        vintage="Yrkesbarometern, omgång ca våren 2025 (filen ändrad 2025-05-07)",
        source="Arbetsförmedlingen, yrkesbarometern",
        notes=[
            "Filen saknar barometeryrkenas namn och SSYK-koder; kopplingen till SSYK 2012 "
            "finns i datamängden barometer_ssyk (härledd ur JobTech-taxonomin v25).",
            f"{empty} av {len(doc)} barometeryrken saknar bedömningar i filen.",
        ],
        checks={"barometer_occupations": len(doc), "empty": empty,
                "with_all_22_geographies": sum(1 for v in doc.values() if len(v) == 22)},
    )


def build_ads(raw: Path, regions: pd.DataFrame) -> Dataset:
    doc: dict[str, dict[str, int]] = read_json(raw / ADS.local)
    codes = region_codes(raw, regions)
    groups = taxonomy_groups(raw).set_index("concept_id")
    lan = sorted(c for c in codes.values() if c != "00")
    index = pd.MultiIndex.from_product([sorted(doc), lan], names=["concept_id", "region"])
    counts = pd.Series({(g, codes[geo]): n for g, by_geo in doc.items() for geo, n in by_geo.items()
                        if geo != SVERIGE}, dtype="int64")
    frame = counts.reindex(index, fill_value=0).rename("ads").reset_index()
    frame.insert(0, "ssyk", frame["concept_id"].map(groups["jobtech_ssyk"]))
    frame["year"] = 2024
    frame["year"] = frame["year"].astype("int64")
    frame = frame[["region", "ssyk", "concept_id", "year", "ads"]].sort_values(
        ["region", "ssyk"], ignore_index=True)
    national = sum(v.get(SVERIGE, 0) for v in doc.values())
    require(int(frame["ads"].sum()) == national == 697_030, f"ads total {national}")
    stockholm = int(frame.loc[frame["region"] == "01", "ads"].sum())
    return Dataset(
        name="ads",
        frame=frame,
        title="Platsannonser 2024 per län och yrkesgrupp (JobTech SSYK, fyrsiffernivå)",
        description=(
            "Antal annonser i Platsbanken under 2024 per län och yrkesgrupp. 'ssyk' är "
            "taxonomins kod: chefsyrken är sammanslagna (t.ex. 1210 = SCB:s 1211 + 1212), se "
            "jobtech_ssyk. Kombinationer utan annonser har värdet 0."
        ),
        keys=["region", "ssyk", "year"],
        origins=[ADS, REGION_IDS, TAXONOMY_SSYK4],
        table_ids=["JobTech historiska annonser 2024 (aggregerat)"],
        licence=AF_LICENCE,
        vintage="Platsbankens annonser publicerade 2024 (aggregat, filen ändrad 2025-04-15)",
        complete=True,
        source="Arbetsförmedlingen, Platsbanken (JobTech historiska annonser)",
        notes=["En annons kan gälla flera tjänster; antalet annonser är inte antalet lediga jobb.",
               "Aggregerat av förrådets författare, inte av Arbetsförmedlingen."],
        checks={"total": national, "stockholm": stockholm,
                "groups": len(doc)},
    )
