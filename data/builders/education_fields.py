"""Occupation → education field: the education groups JobTech lists per occupation name.

``valid_occupations_with_info_v25.json`` (androjon/yrkesinfo, JobTech Taxonomy v25) gives per
occupation name its SSYK4 group and ``education``: the group name and the most common
education groups of the employees with rounded shares ("Arkitektutbildning(33%)"). Every SSYK4
has one list (all its occupation names carry the same one). The file does not say where the
shares come from; the education groups are SCB's groups in Trender och prognoser, so they most
likely come from SCB's registers. The lists name only the most common groups (on average
61 % of the employees); the rest is kept by the package as "övrig eller okänd utbildning".

Each education group is matched to a SUN 2020 field (inriktning) by the words in its name,
to the two-digit group where the name is specific and to the one-digit area where it is not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .common import Dataset, Origin, read_json, require

OCCUPATIONS = Origin(
    "af/androjon__yrkesinfo/valid_occupations_with_info_v25.json",
    "androjon/yrkesinfo",
    "d3869682472cc1c670c7ac22ba78ec057afe776a",
    "valid_occupations_with_info_v25.json",
    "CC0 (JobTech Taxonomy; repository: none stated)",
)
ENTRY = re.compile(r"^(?P<name>.+?)\s*\((?P<share>\d+)%\)\s*$")
# First match wins: (word in the education group's name, SUN 2020 field code).
SUN_RULES: tuple[tuple[str, str], ...] = (
    ("Övrig utb. i hälso", "7"), ("Övrig utb. i samhällsv", "3"),
    ("Övrig utb. i naturvetenskap", "4"), ("Övrig utb. i lant", "6"),
    ("Övrig utbildning i humaniora", "2"), ("Övrig utbildning i teknik", "52"),
    ("Övrig utbildning inom tjänste", "8"), ("Övrig utbildning i pedagogik", "14"),
    ("Fritidsledar", "76"), ("Barn- och fritid", "76"), ("Socionom", "76"),
    ("Social omsorg", "76"), ("lärar", "14"), ("pedagog", "14"),
    ("Konstnärlig", "21"), ("Medieproduktion", "21"), ("Humanistisk", "22"),
    ("Religionsvetenskap", "22"), ("Journalistik", "32"), ("Biblioteks", "32"),
    ("Personal- och beteende", "31"), ("Samhällsvetenskaplig", "31"),
    ("Nationalekonomi", "31"), ("Psykolog", "31"), ("Jurist", "38"),
    ("Företagsekonomi", "34"), ("Försäljnings", "34"), ("Medicinsk sekreterar", "34"),
    ("Biologi", "42"), ("Kemi –", "44"), ("Geovetenskap", "44"), ("Fysik, matematik", "4"),
    ("Data och IT", "48"), ("Apotekar", "72"), ("Receptarie", "72"),
    ("väg och vatten", "58"), ("Bygg", "58"), ("Arkitekt", "58"),
    ("Industriutbildning", "54"), ("Restaurang", "81"), ("Hotell", "81"),
    ("Veterinär", "64"), ("Naturbruk", "62"), ("Skogsvetenskap", "62"), ("Agronom", "62"),
    ("sköterske", "72"), ("Barnmorske", "72"), ("Läkar", "72"), ("Tandläkar", "72"),
    ("Tandhygienist", "72"), ("Fysioterapeut", "72"), ("Arbetsterapeut", "72"),
    ("Biomedicinsk", "72"), ("Vård- och omsorg", "72"), ("omvårdnad", "72"),
    ("Transport", "84"), ("Polis", "86"),
    ("ingenjör", "52"), ("teknik", "52"), ("Fordon", "52"), ("VVS", "52"),
)


def sun_field(name: str) -> str | None:
    """The SUN 2020 field code an education group's name points to, or None."""
    for word, code in SUN_RULES:
        if word.lower() in name.lower():
            return code
    return None


def _entries(doc: dict) -> pd.DataFrame:
    rows = []
    for record in doc.values():
        education = record.get("education") or {}
        code = str(record.get("occupation_group", ""))[:4]
        for text in education.get("educations", []):
            match = ENTRY.match(text)
            require(match is not None, f"education entry '{text}'")
            assert match is not None
            rows.append((code, education.get("group_name", ""), match["name"].strip(),
                         int(match["share"]) / 100))
    frame = pd.DataFrame(rows, columns=["jobtech_ssyk", "group_name", "education", "share"])
    return frame.drop_duplicates(["jobtech_ssyk", "education"])


def build_occupation_field(raw: Path, crosswalk: pd.DataFrame, sun: pd.DataFrame) -> Dataset:
    entries = _entries(read_json(raw / OCCUPATIONS.local))
    lists = entries.groupby("jobtech_ssyk")["group_name"].nunique()
    require(bool((lists == 1).all()), "one education list per taxonomy SSYK4")
    key = crosswalk[["jobtech_ssyk", "ssyk"]].drop_duplicates()
    frame = entries.merge(key, on="jobtech_ssyk", how="inner")
    frame["sun"] = frame["education"].map(sun_field)
    fields = set(sun.loc[sun["kind"] == "field", "sun"])
    unknown = sorted(set(frame["sun"].dropna()) - fields)
    require(not unknown, f"SUN field codes not in SUN 2020: {unknown}")
    names = sun[sun["kind"] == "field"].set_index("sun")["sun_name"]
    frame["sun_name"] = frame["sun"].map(names)
    frame = frame[["ssyk", "education", "share", "sun", "sun_name", "group_name",
                   "jobtech_ssyk"]].sort_values(["ssyk", "share", "education"],
                                                ascending=[True, False, True], ignore_index=True)
    matched = float(frame["sun"].notna().mean())
    require(frame.groupby("ssyk")["share"].sum().max() <= 1.0001, "shares above 100 %")
    return Dataset(
        name="education_field",
        frame=frame,
        title="Vanligaste utbildningsgrupperna per yrke (SSYK4) med andelar",
        description=(
            "Per yrkesgrupp (SSYK 2012, fyrsiffernivå, SCB-kod via JobTech-nyckeln) de "
            "vanligaste utbildningsgrupperna bland de anställda och deras avrundade andelar, "
            "som JobTech-taxonomins yrkesbenämningar anger dem; sun är SUN 2020-inriktningen "
            "utbildningsgruppens namn pekar på (tom där den inte kan avgöras). Andelarna "
            "summerar till under 1: resten är övrig eller okänd utbildning."
        ),
        keys=["ssyk", "education"],
        origins=[OCCUPATIONS],
        table_ids=["JobTech Taxonomy v25: occupation-name, education"],
        licence="CC0 (Arbetsförmedlingen)",
        vintage="JobTech-taxonomin v25 (yrkesinfo-export 2025-03-13)",
        source="Arbetsförmedlingen, JobTech-taxonomin (yrkesbenämningarnas utbildningsgrupper)",
        notes=["Källan till andelarna anges inte i filen; utbildningsgrupperna är SCB:s grupper "
               "i Trender och prognoser.",
               "Samma lista gäller alla yrkesbenämningar i en SSYK4-grupp."],
        checks={"ssyk4": int(frame["ssyk"].nunique()),
                "education_groups": int(frame["education"].nunique()),
                "sun_matched_share": round(matched, 4)},
    )
