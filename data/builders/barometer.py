"""Yrkesbarometer → SSYK 2012 key, the Yrkesbarometer rounds per län, and AF's occupation texts.

The key comes from the JobTech taxonomy v25 extract (occupation-name → ssyk-level-4 and
barometer-occupation): for each barometer occupation, the modal SSYK4 of its occupation-names,
or all of them where the barometer occupation spans several SSYK4 (``barometer_above_ssyk``).
It is checked against the SSYK codes Arbetsförmedlingen itself gives in round 2025-2.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from .af import AF_LICENCE, BAROMETER, REGION_IDS, SVERIGE, region_codes
from .common import Dataset, Origin, read_json, require

TAXONOMY_INFO = Origin(
    "af/androjon__yrkesinfo/valid_occupations_with_info_v25.json", "androjon/yrkesinfo",
    "d3869682472cc1c670c7ac22ba78ec057afe776a", "valid_occupations_with_info_v25.json",
    "CC0 (JobTech Taxonomy v25; repository: none stated)")
BAROMETER_OLD = Origin(
    "af/androjon__yrkesinfo/@607d081f/barometer_regional.json", "androjon/yrkesinfo",
    "607d081f2347fdfc2fd27b26a0038474e547dbfe", "barometer_regional.json",
    "CC0 (Arbetsförmedlingen; repository: none stated)")
ROUND_2025_2 = Origin(
    "af/SusannaR11__AI_agent_jobsearch_project/EDA_projekt/test_vector_gemini.ipynb",
    "SusannaR11/AI_agent_jobsearch_project", "1612e70d554b6916ec6c6df3ad8372c6ac4c289c",
    "EDA_projekt/test_vector_gemini.ipynb",
    "CC0 (Arbetsförmedlingen, yrkesbarometer.json; repository: none stated)")

ROUND_NOTE = {
    "2024-2": "omgången anges inte i filen; sannolikt 2024-2 (äldre version av filen, "
              "2025-04-16, skiljer sig från våren 2025 i 1 019 av 3 473 celler)",
    "2025-1": "omgången anges inte i filen; sannolikt 2025-1 (filen ändrad 2025-05-07)",
    "2025-2": "omgången anges av Arbetsförmedlingen i filen (omgang = 2025-2)",
}


def _code(group: str) -> str:
    return group.split(" - ")[0].strip()


def barometer_key(info: dict[str, dict[str, Any]]) -> pd.DataFrame:
    """barometer_id → SSYK4: the modal code, or every code where the occupation spans several."""
    codes: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    above: dict[str, bool] = {}
    for item in info.values():
        yb = item.get("barometer_id")
        if not yb:
            continue
        codes.setdefault(yb, Counter())[_code(item["occupation_group"])] += 1
        names[yb] = item["barometer_name"]
        above[yb] = above.get(yb, False) or str(item.get("barometer_above_ssyk")) == "True"
    rows = []
    for yb, counts in sorted(codes.items()):
        chosen = sorted(counts) if above[yb] else [counts.most_common(1)[0][0]]
        rule = "alla yrkesbenämningars SSYK4" if above[yb] else "vanligaste SSYK4"
        rows += [(yb, names[yb], code, len(chosen), rule) for code in chosen]
    return pd.DataFrame(rows, columns=["barometer_id", "occupation", "ssyk", "n_ssyk", "rule"])


def round_2025_2(raw: Path) -> list[dict[str, Any]]:
    """AF's own yrkesbarometer.json rows (round 2025-2) printed in a notebook's cell 3 output."""
    notebook = read_json(raw / ROUND_2025_2.local)
    text = ""
    for output in notebook["cells"][3]["outputs"]:
        text += "".join(output.get("data", {}).get("text/plain", "")) + "".join(
            output.get("text", ""))
    pattern = r"\{'yrkesomrade'.*?'taxonomi_version': \d+\}"
    rows = [ast.literal_eval(match) for match in re.findall(pattern, text, re.S)]
    require(len(rows) == 1000, f"round 2025-2 rows {len(rows)}")
    require({r["omgang"] for r in rows} == {"2025-2"}, "round 2025-2 omgang")
    return rows


def check_against_af(key: pd.DataFrame, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Compare the key's SSYK4 set per barometer id with the codes AF gives in round 2025-2."""
    af = {r["yb_concept_id"]: {c.strip() for c in str(r["ssyk"]).split(",")} for r in rows}
    ours = key.groupby("barometer_id")["ssyk"].agg(set).to_dict()
    same = sorted(yb for yb, codes in af.items() if ours.get(yb) == codes)
    differ = {yb: {"af": sorted(codes), "key": sorted(ours.get(yb, set()))}
              for yb, codes in sorted(af.items()) if ours.get(yb) != codes}
    return {"af_ids": len(af), "equal": len(same), "differ": differ}


def _rounds_old(raw: Path, codes: dict[str, str]) -> list[tuple[Any, ...]]:
    new: dict[str, dict[str, list[str]]] = read_json(raw / BAROMETER.local)
    old: dict[str, dict[str, str]] = read_json(raw / BAROMETER_OLD.local)
    rows: list[tuple[Any, ...]] = []
    for yb, by_geo in old.items():
        rows += [(yb, codes[geo], "2024-2", value, None, None, None, True)
                 for geo, value in by_geo.items() if value is not None]
    for yb, by_geo2 in new.items():
        rows += [(yb, codes[geo], "2025-1", pair[0], pair[1], None, None, True)
                 for geo, pair in by_geo2.items()]
    return rows


def build_barometer_rounds(raw: Path, regions: pd.DataFrame) -> Dataset:
    codes = region_codes(raw, regions)
    rows = _rounds_old(raw, codes)
    latest = round_2025_2(raw)
    rows += [(r["yb_concept_id"], r["lan"], "2025-2", r["jobbmojligheter"], r["prognos"],
              r["rekryteringssituation"], r["hogsta_bedomningsniva"], False) for r in latest]
    frame = pd.DataFrame(rows, columns=[
        "barometer_id", "region", "round", "job_opportunities", "outlook_5y",
        "recruitment_situation", "assessment_level", "round_inferred"])
    frame = frame.sort_values(["barometer_id", "region", "round"], ignore_index=True)
    counts = frame.groupby("round").size()
    return Dataset(
        name="barometer_rounds",
        frame=frame,
        title="Arbetsförmedlingens yrkesbarometer per län: tre omgångar (ca 2024-2, 2025-1, "
              "2025-2)",
        description=(
            "Yrkesbarometerns bedömning per barometeryrke och län (och riket, '00'): "
            "jobbmöjligheter (små/medelstora/stora), utveckling på fem års sikt (minska/vara "
            "oförändrad/öka; saknas i den äldsta omgången) och rekryteringssituation "
            "(brist/balans/överskott/paradox; bara i omgång 2025-2). 'assessment_level' anger "
            "på vilken nivå bedömningen gjordes (nationellt, nuts1, nuts2, län) där "
            "Arbetsförmedlingen anger det (2025-2). round_inferred = omgången är härledd, inte "
            "angiven i filen: " + "; ".join(f"{k}: {v}" for k, v in ROUND_NOTE.items()) + "."
        ),
        keys=["barometer_id", "region", "round"],
        origins=[BAROMETER_OLD, BAROMETER, ROUND_2025_2, REGION_IDS],
        table_ids=["Yrkesbarometer (yrkesbarometer.json, data.arbetsformedlingen.se)"],
        licence=AF_LICENCE,
        vintage="Yrkesbarometern, omgång ca 2024-2 och 2025-1 (härledda) samt 2025-2 (46 yrken)",
        source="Arbetsförmedlingen, yrkesbarometern",
        notes=[
            "Länsvärdena kan gälla ett större område än länet: de flesta ärvs från en nationell "
            "bedömning eller en bedömning för ett större område, och bara omgång 2025-2 säger "
            "vilken.",
            "Omgång 2025-2 finns bara för 46 barometeryrken (utdrag ur Arbetsförmedlingens fil).",
            "Celler utan bedömning (null i den äldsta filen) ingår inte.",
        ],
        checks={"rows_by_round": {str(k): int(v) for k, v in counts.items()},
                "sverige_id": SVERIGE},
    )


def build_barometer_ssyk(raw: Path, scb_codes: set[str]) -> Dataset:
    info: dict[str, dict[str, Any]] = read_json(raw / TAXONOMY_INFO.local)
    key = barometer_key(info)
    require(set(key["ssyk"]) <= scb_codes | {c[:3] + "0" for c in scb_codes},
            "barometer key SSYK codes")
    regional: dict[str, Any] = read_json(raw / BAROMETER.local)
    missing = sorted(set(regional) - set(key["barometer_id"]))
    check = check_against_af(key, round_2025_2(raw))
    require(check["equal"] >= 45, f"key agrees with AF for only {check['equal']} ids")
    return Dataset(
        name="barometer_ssyk",
        frame=key,
        title="Nyckel från yrkesbarometerns yrken till SSYK 2012 (fyrsiffernivå)",
        description=(
            "Varje barometeryrke (taxonomins barometer-occupation id) med den eller de "
            "SSYK4-koder det motsvarar, härlett ur JobTech-taxonomin v25 (yrkesbenämning → "
            "yrkesgrupp och barometeryrke): den vanligaste SSYK4-koden bland yrkets "
            "yrkesbenämningar, eller alla koder där barometeryrket spänner över flera "
            "yrkesgrupper (barometer_above_ssyk). n_ssyk = antal koder."
        ),
        keys=["barometer_id", "ssyk"],
        origins=[TAXONOMY_INFO, ROUND_2025_2],
        table_ids=["JobTech Taxonomy v25: barometer-occupation → occupation-name → "
                   "ssyk-level-4"],
        licence=AF_LICENCE,
        vintage="JobTech Taxonomy v25 (utdrag 2025-03-13)",
        source="Arbetsförmedlingen, JobTech Taxonomy",
        notes=[
            f"Nyckeln täcker {key['barometer_id'].nunique()} av {len(regional)} barometeryrken "
            f"i yrkesbarometern; saknas: {', '.join(missing)}.",
            f"Kontroll mot Arbetsförmedlingens egna SSYK-koder i omgång 2025-2: "
            f"{check['equal']} av {check['af_ids']} barometeryrken stämmer exakt.",
        ],
        checks={"barometer_ids": int(key["barometer_id"].nunique()),
                "ssyk_codes": int(key["ssyk"].nunique()), "missing": missing,
                "af_2025_2": check},
    )


def _similar(text: str) -> tuple[str, str]:
    """'{"Arkitekt ◕ (SCB)": "XMWR_V22_WS1", …}' → ("Arkitekt; …", "XMWR_V22_WS1; …")."""
    if not text or text == "None":
        return "", ""
    pairs: dict[str, str] = ast.literal_eval(text)
    labels = [re.sub(r"\s*[◔◑◕●○⇒]|\s*\(SCB\)", "", label).strip() for label in pairs]
    return "; ".join(labels), "; ".join(pairs.values())


def build_occupation_info(raw: Path) -> Dataset:
    info: dict[str, dict[str, Any]] = read_json(raw / TAXONOMY_INFO.local)
    rows = []
    for concept, item in sorted(info.items()):
        labels, ids = _similar(str(item.get("similar_occupations") or ""))
        rows.append((concept, item["preferred_label"], _code(item["occupation_group"]),
                     str(item.get("occupation_field") or ""), item.get("barometer_id") or "",
                     str(item.get("description") or "").strip(), labels, ids))
    frame = pd.DataFrame(rows, columns=[
        "concept_id", "occupation", "ssyk", "occupation_field", "barometer_id", "description",
        "similar_occupations", "similar_ids"])
    return Dataset(
        name="occupation_info",
        frame=frame,
        title="Arbetsförmedlingens yrkesbeskrivningar per yrkesbenämning (JobTech-taxonomin)",
        description=(
            "Yrkesbenämningar i JobTech-taxonomin v25 med SSYK4-kod, yrkesområde, "
            "barometeryrke, Arbetsförmedlingens beskrivning av yrket och liknande yrken "
            "(taxonomins substitutionsrelationer; namn och concept id, semikolonseparerade)."
        ),
        keys=["concept_id"],
        origins=[TAXONOMY_INFO],
        table_ids=["JobTech Taxonomy v25: occupation-name"],
        licence=AF_LICENCE,
        vintage="JobTech Taxonomy v25 (utdrag 2025-03-13)",
        source="Arbetsförmedlingen, JobTech Taxonomy",
        notes=["Utbildningsgrupperna i samma källfil ingår inte här."],
        checks={"occupation_names": len(frame), "ssyk_codes": int(frame["ssyk"].nunique()),
                "with_description": int((frame["description"] != "").sum())},
    )
