"""Education data: employees by occupation × education level, the population by education level.

* ``education_occupation``: SCB salary structure statistics (AM0110, table 000000CV), employees
  by SSYK3 × sex × SUN 2000 education level, national, 2014–2018; ``..`` (suppressed) kept as
  no row, never a zero.
* ``education_population``: SCB UF0506, population 16–74 by län × sex × education level,
  1985–2018.
* ``education_population_nuts``: SCB UF0506 by NUTS-2 region × age band × sex × education
  level, 1985–2020 (the age structure the län margins are raked to).

The occupation → education field key (JobTech occupation texts) is in ``education_fields.py``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import Dataset, Origin, require

SCB_ENGINEERS = "MikaelLundqvist/SCB-Engineers-Jonkoping"
OCCUPATION_LEVEL = Origin(
    "scb3/MikaelLundqvist__SCB-Engineers-Jonkoping/shinyssyk/000000CV_5.csv",
    SCB_ENGINEERS,
    "afcd20d98e7d9be04a77e2f8bfd054c809d49e2a",
    "shinyssyk/000000CV_5.csv",
    "SCB: CC0 (repository: MIT)",
)
LAN_LEVEL = Origin(
    "scb2/MikaelLundqvist__SCB-Engineers-Jonkoping/UF0506A1_2.csv",
    SCB_ENGINEERS,
    "b20e9ef3654ae0e04b704a22ea59f8e848118893",
    "UF0506A1_2.csv",
    "SCB: CC0 (repository: MIT)",
)
NUTS_AGE_LEVEL = Origin(
    "scb2/MikaelLundqvist__SCB-Engineers-Jonkoping/rblog/content/post/"
    "UF0506A1_20210926-160849.csv",
    SCB_ENGINEERS,
    "db26505a2efc6b2ad61266ac720e54612d10f515",
    "rblog/content/post/UF0506A1_20210926-160849.csv",
    "SCB: CC0 (repository: MIT)",
)

# SUN 2000 education level (SCB's eight-way split, ISCED 97 in brackets) → code and Swedish name.
LEVELS = {
    "primary and secondary education less than 9 years (ISCED97 1)":
        ("1", "förgymnasial utbildning kortare än 9 år"),
    "primary and secondary education 9-10 years (ISCED97 2)":
        ("2", "förgymnasial utbildning, 9 (10) år"),
    "upper secondary education, 2 years or less (ISCED97 3C)":
        ("3", "gymnasial utbildning, högst 2 år"),
    "upper secondary education 3 years (ISCED97 3A)": ("4", "gymnasial utbildning, 3 år"),
    "post-secondary education, less than 3 years (ISCED97 4+5B)":
        ("5", "eftergymnasial utbildning, mindre än 3 år"),
    "post-secondary education 3 years or more (ISCED97 5A)":
        ("6", "eftergymnasial utbildning, 3 år eller mer"),
    "post-graduate education (ISCED97 6)": ("7", "forskarutbildning"),
    "no information about level of educational attainment":
        ("9", "uppgift om utbildningsnivå saknas"),
}
SEXES = {"men": "men", "women": "women"}
# NUTS-2 regions (2008 codes, as in the file) → their län.
NUTS2_LAN = {
    "SE11": ["01"], "SE12": ["03", "04", "05", "18", "19"], "SE21": ["06", "07", "08", "09"],
    "SE22": ["10", "12"], "SE23": ["13", "14"], "SE31": ["17", "20", "21"],
    "SE32": ["22", "23"], "SE33": ["24", "25"],
}
LAN_NUTS2 = {lan: nuts for nuts, lans in NUTS2_LAN.items() for lan in lans}
LEVEL_NOTE = (
    "Utbildningsnivå enligt SUN 2000 (åtta nivåer inklusive 'uppgift saknas'); 'level' är "
    "SCB:s ordningsnummer 1–7 och 9."
)


def _long(frame: pd.DataFrame, ids: list[str], value: str) -> pd.DataFrame:
    years = [c for c in frame.columns if c.isdigit()]
    out = frame.melt(id_vars=ids, value_vars=years, var_name="year", value_name=value)
    out["year"] = out["year"].astype("int64")
    out[value] = pd.to_numeric(out[value].replace("..", None), errors="coerce").astype("Float64")
    return out


def _read_level_export(path: Path, columns: list[str], value: str, *,
                       encoding: str = "utf-8") -> pd.DataFrame:
    """One SCB wide export (a column per year) as a long frame with SUN level code and name.

    ``columns`` names the leading label columns; the one called ``level_label`` is translated,
    ``sex`` mapped to men/women. Shared by the three education tables, which have this shape.
    """
    source = pd.read_csv(path, dtype=str, encoding=encoding)
    source.columns = [*columns, *source.columns[len(columns):]]
    frame = _long(source, [c for c in columns if c != "sector"], value)
    frame["level"], frame["level_name"] = _levels(frame["level_label"])
    frame["sex"] = frame["sex"].map(SEXES)
    return frame


def _require_year_totals(frame: pd.DataFrame, value: str, expected: dict[int, int],
                         label: str) -> None:
    total = frame.groupby("year")[value].sum()
    found = {year: int(total[year]) for year in expected}
    require(found == expected, f"{label} totals {found} != {expected}")


def _levels(labels: pd.Series) -> tuple[pd.Series, pd.Series]:
    unknown = set(labels) - set(LEVELS)
    require(not unknown, f"unknown education levels {sorted(unknown)}")
    return labels.map(lambda x: LEVELS[x][0]), labels.map(lambda x: LEVELS[x][1])


def build_occupation_level(raw: Path) -> Dataset:
    frame = _read_level_export(raw / OCCUPATION_LEVEL.local,
                               ["sector", "occupation", "sex", "level_label"], "employed")
    frame["ssyk"] = frame["occupation"].str.split(" ", n=1).str[0]
    frame = frame[["ssyk", "sex", "level", "level_name", "year", "employed"]]
    frame = frame.sort_values(["ssyk", "sex", "level", "year"], ignore_index=True)
    total = frame[frame["ssyk"] == "0000"].groupby("year")["employed"].sum()
    require(int(total[2014]) == 3_897_000 and int(total[2018]) == 4_316_600,
            f"000000CV totals {total.to_dict()}")
    suppressed = int(frame["employed"].isna().sum())
    require(suppressed == 7_633, f"000000CV suppressed cells {suppressed}")
    frame = frame[frame["employed"].notna()].reset_index(drop=True)
    return Dataset(
        name="education_occupation",
        frame=frame,
        title="Anställda efter yrke (SSYK3), kön och utbildningsnivå, riket 2014–2018",
        description=(
            "Antal anställda per yrkesgrupp (SSYK 2012, tresiffernivå), kön och "
            "utbildningsnivå (SUN 2000), hela riket, alla sektorer, ur lönestrukturstatistiken "
            "(urvalsskattning, avrundad). Undertryckta celler ('..') har ingen rad. ssyk '0000' "
            "är alla yrken, '0001' övriga och '0002' ej identifierbara yrken."
        ),
        keys=["ssyk", "sex", "level", "year"],
        origins=[OCCUPATION_LEVEL],
        table_ids=["000000CV (AM0110)"],
        licence="CC0 (SCB)",
        vintage="Lönestrukturstatistiken 2014–2018 (SCB-export i förrådet, 2019)",
        source="SCB, lönestrukturstatistiken (AM0110), tabell 000000CV",
        notes=[LEVEL_NOTE, "Urvalsskattningar avrundade till tiotal eller hundratal; "
               "skiljer sig från yrkesregistrets antal."],
        checks={"total_2014": 3_897_000, "total_2018": 4_316_600, "suppressed_cells": suppressed},
    )


def build_population_level(raw: Path) -> Dataset:
    frame = _read_level_export(raw / LAN_LEVEL.local,
                               ["region_label", "age", "level_label", "sex"], "population",
                               encoding="latin-1")
    frame["region"] = frame["region_label"].str[:2]
    frame["nuts2"] = frame["region"].map(LAN_NUTS2)
    frame["population"] = frame["population"].astype("int64")
    frame = frame[["region", "nuts2", "sex", "level", "level_name", "year", "population"]]
    frame = frame.sort_values(["region", "sex", "level", "year"], ignore_index=True)
    require(frame["nuts2"].notna().all() and frame["region"].nunique() == 21, "UF0506 län codes")
    _require_year_totals(frame, "population", {1985: 6_114_449, 2017: 7_325_721}, "UF0506")
    return Dataset(
        name="education_population",
        frame=frame,
        title="Befolkning 16–74 år efter län, kön och utbildningsnivå 1985–2018",
        description=(
            "Befolkningen 16–74 år per län, kön och högsta utbildningsnivå (SUN 2000, åtta "
            "nivåer), ur utbildningsregistret; nuts2 är länets riksområde (NUTS 2)."
        ),
        keys=["region", "sex", "level", "year"],
        origins=[LAN_LEVEL],
        table_ids=["UF0506A1"],
        licence="CC0 (SCB)",
        vintage="Befolkningens utbildning (UF0506) 1985–2018, SCB-export 2019",
        complete=True,
        source="SCB, befolkningens utbildning (UF0506)",
        notes=[LEVEL_NOTE],
        checks={"total_1985": 6_114_449, "total_2017": 7_325_721},
    )


def build_population_level_nuts(raw: Path) -> Dataset:
    frame = _read_level_export(raw / NUTS_AGE_LEVEL.local,
                               ["nuts_label", "age", "level_label", "sex"], "population",
                               encoding="latin-1")
    frame["nuts2"] = frame["nuts_label"].str[:4]
    frame["age"] = frame["age"].str.replace(" years", "", regex=False)
    frame["population"] = frame["population"].astype("int64")
    frame = frame[["nuts2", "age", "sex", "level", "level_name", "year", "population"]]
    frame = frame.sort_values(["nuts2", "age", "sex", "level", "year"], ignore_index=True)
    require(set(frame["nuts2"]) == set(NUTS2_LAN), f"NUTS-2 codes {sorted(set(frame['nuts2']))}")
    _require_year_totals(frame, "population", {2000: 6_355_583, 2020: 7_422_844},
                         "UF0506 NUTS-2")
    return Dataset(
        name="education_population_nuts",
        frame=frame,
        title="Befolkning 16–74 år efter riksområde (NUTS 2), ålder, kön och utbildningsnivå "
              "1985–2020",
        description=(
            "Befolkningen 16–74 år per riksområde (NUTS 2), åldersgrupp (16-24 … 65-74), kön "
            "och högsta utbildningsnivå (SUN 2000, åtta nivåer), ur utbildningsregistret."
        ),
        keys=["nuts2", "age", "sex", "level", "year"],
        origins=[NUTS_AGE_LEVEL],
        table_ids=["UF0506A1"],
        licence="CC0 (SCB)",
        vintage="Befolkningens utbildning (UF0506) 1985–2020, SCB-export 2021-09-26",
        complete=True,
        source="SCB, befolkningens utbildning (UF0506)",
        notes=[LEVEL_NOTE],
        checks={"total_2000": 6_355_583, "total_2020": 7_422_844},
    )
