"""Employees by riksområde (NUTS-2) × SSYK3 × age band × sex (2017), and the two län tables.

The riksområde table is the regional age tilt of the estimated regional age structure; the
two län tables (SSYK3 214 and 311 by län × age × sex, 2014–2017) are the only real län-level
occupation × age data found, and serve to measure the estimate's error.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import Dataset, Origin, require

REPO = "MikaelLundqvist/SCB-Engineers-Jonkoping"
LICENCE = "SCB: CC0 (repository: MIT)"
RIKSOMRADE_TABLE = Origin(
    "scb2/MikaelLundqvist__SCB-Engineers-Jonkoping/shinyssyk/000000NK_2.csv", REPO,
    "afcd20d98e7d9be04a77e2f8bfd054c809d49e2a", "shinyssyk/000000NK_2.csv", LICENCE)
LAN_214 = Origin("scb2/MikaelLundqvist__SCB-Engineers-Jonkoping/000000NK.csv", REPO,
                 "5274be657b6405338f35d3a6ed5b14b543cbedf8", "000000NK.csv", LICENCE)
LAN_311 = Origin("scb2/MikaelLundqvist__SCB-Engineers-Jonkoping/000000NK_1.csv", REPO,
                 "5274be657b6405338f35d3a6ed5b14b543cbedf8", "000000NK_1.csv", LICENCE)

# The old NUTS-2 codes of the export and their Swedish names and län (SCB's riksområden).
RIKSOMRADEN = {
    "SE01": ("Stockholm", ["01"]),
    "SE02": ("Östra Mellansverige", ["03", "04", "05", "18", "19"]),
    "SE04": ("Sydsverige", ["10", "12"]),
    "SE06": ("Norra Mellansverige", ["17", "20", "21"]),
    "SE07": ("Mellersta Norrland", ["22", "23"]),
    "SE08": ("Övre Norrland", ["24", "25"]),
    "SE09": ("Småland med öarna", ["06", "07", "08", "09"]),
    "SE0A": ("Västsverige", ["13", "14"]),
}
SEX = {"men": "men", "women": "women"}


def _read_export(path: Path) -> pd.DataFrame:
    """SCB's English web export: region, occupation, age, sex and one column per year."""
    frame = pd.read_csv(path, encoding="latin-1", dtype=str)
    require(not frame.isin([".."]).any().any(), f"{path.name}: suppressed cells")
    years = [c for c in frame.columns if c.isdigit()]
    long = frame.melt(id_vars=list(frame.columns[:4]), value_vars=years, var_name="year",
                      value_name="employed")
    return pd.DataFrame({
        "code": long["region"].str.split(" ").str[0],
        "ssyk": long["occupation (SSYK 2012)"].str.split(" ").str[0],
        "age": long["age"].str.replace(" years", "", regex=False),
        "sex": long["sex"].map(SEX),
        "year": long["year"].astype("int64"),
        "employed": long["employed"].astype("int64"),
    })


def build_riksomrade_age(raw: Path) -> Dataset:
    frame = _read_export(raw / RIKSOMRADE_TABLE.local)
    require(set(frame["code"]) == set(RIKSOMRADEN), f"riksområden {sorted(set(frame['code']))}")
    require(int(frame["employed"].sum()) == 4_473_754, "2017 total")
    stockholm = int(frame.loc[frame["code"] == "SE01", "employed"].sum())
    require(stockholm == 1_149_278, f"SE01 total {stockholm}")
    frame = frame.rename(columns={"code": "riksomrade"})
    frame.insert(1, "riksomrade_name", frame["riksomrade"].map(lambda c: RIKSOMRADEN[c][0]))
    frame = frame.sort_values(["riksomrade", "ssyk", "age", "sex"], ignore_index=True)
    return Dataset(
        name="riksomrade_age",
        frame=frame,
        title="Anställda per riksområde, yrke (SSYK 2012, tresiffernivå), ålder och kön 2017",
        description=(
            "Anställda 16–64 år (yrkesregistret) efter arbetsställets riksområde (NUTS 2, "
            "8 områden med de äldre koderna SE01 … SE0A), yrkesgrupp på tresiffernivå (inkl. "
            "0002 'okänt yrke'), åldersgrupp (16-24, 25-29, …, 60-64) och kön, 2017. "
            "Underlag för den regionala åldersstrukturens lutning per riksområde."
        ),
        keys=["riksomrade", "ssyk", "age", "sex", "year"],
        origins=[RIKSOMRADE_TABLE],
        table_ids=["AM0208 yrkesregistret (webbuttag 000000NK)"],
        licence="CC0 (SCB)",
        vintage="Yrkesregistret, referensår 2017 (webbuttag i MikaelLundqvist, commit afcd20d)",
        complete=True,
        source="SCB, yrkesregistret med yrkesstatistik (AM0208)",
        notes=["Länen i varje riksområde: " + "; ".join(
            f"{code} {name}: {', '.join(lan)}" for code, (name, lan) in RIKSOMRADEN.items())],
        checks={"total": int(frame["employed"].sum()), "stockholm": stockholm,
                "ssyk3": int(frame["ssyk"].nunique())},
    )


def build_lan_age_check(raw: Path) -> Dataset:
    parts = [_read_export(raw / origin.local) for origin in (LAN_214, LAN_311)]
    frame = pd.concat(parts, ignore_index=True).rename(columns={"code": "region"})
    require(set(frame["region"]) == {f"{c:02d}" for c in
                                     (1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 17, 18, 19, 20,
                                      21, 22, 23, 24, 25, 99)}, "län codes")
    totals = frame.groupby(["ssyk", "year"])["employed"].sum()
    require(int(totals[("214", 2014)]) == 83_636 and int(totals[("214", 2017)]) == 94_751,
            "214 totals")
    require(int(totals[("311", 2014)]) == 93_243 and int(totals[("311", 2017)]) == 102_637,
            "311 totals")
    frame = frame.sort_values(["region", "ssyk", "age", "sex", "year"], ignore_index=True)
    return Dataset(
        name="lan_age_check",
        frame=frame,
        title="Anställda per län, ålder och kön 2014–2017 för två yrkesgrupper (214 och 311)",
        description=(
            "Anställda 16–64 år (yrkesregistret) i yrkesgrupperna 214 Civilingenjörsyrken och 311 "
            "Ingenjörer och tekniker, efter arbetsställets län "
            "('99' = okänt län), åldersgrupp och kön, 2014–2017. De enda verkliga uppgifterna "
            "om yrke × ålder per län som hittats; används för att mäta felet i den skattade "
            "regionala åldersstrukturen."
        ),
        keys=["region", "ssyk", "age", "sex", "year"],
        origins=[LAN_214, LAN_311],
        table_ids=["AM0208 yrkesregistret (webbuttag 000000NK)"],
        licence="CC0 (SCB)",
        vintage="Yrkesregistret, referensår 2014–2017 (webbuttag i MikaelLundqvist, commit "
                "5274be6)",
        complete=True,
        source="SCB, yrkesregistret med yrkesstatistik (AM0208)",
        checks={"totals": {f"{s} {y}": int(v) for (s, y), v in totals.items()}},
    )
