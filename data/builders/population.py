"""Population by län × age × sex: annual (31 Dec) 1968–2019 and monthly 2020M01, 2026M01–M04.

Sources overlap; one source is chosen per year and the others are used as checks:

* 1968–2009: StatisticsNZ/demdata (SCB BE0101N1 summed over marital status, R array);
* 2010–2019: ikashnitsky/mun-non-surv, SCB web exports by kommun, summed to län (a direct
  SCB export, and it equals demdata in 2010–2015 where both exist);
* 2019 (check only): twallema/pyIEEM single-year län export;
* monthly: p20.xlsx (2020M01, kommun, single years) and TAB6471 (2026M01–M04, län, 10-year
  bands), both SCB's monthly population table (BefolkManad), in 10-year bands.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import Dataset, Origin, jsonstat_frame, read_json, require

DEMDATA = Origin(
    "scb2/StatisticsNZ__demdata/data/sweden.popn.rda",
    "StatisticsNZ/demdata",
    "123cf94954191e3677c973e5b46efde34f443741",
    "data/sweden.popn.rda",
    "SCB: CC0 (repository: MIT, Crown copyright Stats NZ)",
)
MUN_COMMIT = "223b59ebfb1d68ad61a317af73c42fafd8e83b54"
MUN_FILES = ["p1011", "p1213", "p1415", "p1617", "p1819"]
MUN_ORIGINS = [
    Origin(f"scb2/ikashnitsky__mun-non-surv/dat/scb-pop/{name}.xlsx", "ikashnitsky/mun-non-surv",
           MUN_COMMIT, f"dat/scb-pop/{name}.xlsx", "SCB: CC0 (repository: MIT)")
    for name in [*MUN_FILES, "p20"]
]
TWALLEMA_2019 = Origin(
    "scb/twallema__pyIEEM/data/raw/epi/demographic/BE0101N1_20230704-171432.csv",
    "twallema/pyIEEM",
    "23c5b5930a562c3d46bfb110017dc05f5f970748",
    "data/raw/epi/demographic/BE0101N1_20230704-171432.csv",
    "SCB: CC0 (repository: MIT)",
)
TAB6471_DATA = Origin(
    "scb/stefur__pxwebpy/tests/responses/TAB6471_data.json",
    "stefur/pxwebpy",
    "d45f4cb2fc629961992ac33a54b8296775b166f2",
    "tests/responses/TAB6471_data.json",
    "SCB: CC0 (repository: MIT)",
)
LAN_ORDER = ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18",
             "19", "20", "21", "22", "23", "24", "25"]
SEX_CODES = {"Females": "women", "Males": "men", "1": "men", "2": "women", "men": "men",
             "women": "women"}
TEN_YEAR_BANDS = [f"{low}-{low + 9}" for low in range(0, 100, 10)] + ["100+"]


def _age_label(value: str) -> str:
    """'0 years', '1 year', '100+ years', '100+' → '0', '1', '100+'."""
    return str(value).replace("years", "").replace("year", "").strip()


def _ten_year_band(age: str) -> str:
    return "100+" if age == "100+" else TEN_YEAR_BANDS[int(age) // 10]


def demdata_frame(path: Path, name: str, value: str) -> pd.DataFrame:
    """One demdata R array (``age × sex × region × year``) as a long frame with län codes.

    Columns ``region, age, sex, year, <value>`` (``age`` as the array's label, e.g. '100+').
    Shared by the population, deaths and births builders, whose arrays have the same layout.
    """
    import rdata  # build-time dependency only (the 'build' extra)

    array = rdata.read_rda(path)[name]
    frame = array.to_dataframe(name=value).reset_index()
    regions = [str(r) for r in array.coords["region"].values]
    require(len(regions) == 21 and regions[0] == "Stockholm" and regions[11] == "Gotaland",
            f"{name} region order {regions}")
    frame["region"] = frame["region"].astype(str).map(dict(zip(regions, LAN_ORDER, strict=True)))
    frame["sex"] = frame["sex"].astype(str).map(SEX_CODES)
    frame["age"] = frame["age"].astype(str)
    frame["year"] = frame["year"].astype(str).astype("int64")
    return frame


def _demdata(raw: Path) -> pd.DataFrame:
    frame = demdata_frame(raw / DEMDATA.local, "sweden.popn", "population")
    return frame[["region", "age", "sex", "year", "population"]]


def _scb_kommun_export(path: Path) -> pd.DataFrame:
    """An SCB web export by kommun: codes only on a group's first row, years as columns."""
    sheet = pd.read_excel(path, header=None, dtype=str)
    header = sheet.iloc[2]
    years = {i: str(v) for i, v in header.items() if isinstance(v, str) and v[:4].isdigit()}
    body = sheet.iloc[3:].copy()
    body = body[body[5].isin(["men", "women"])]
    body[0] = body[0].ffill()
    body[3] = body[3].ffill()
    long = body.melt(id_vars=[0, 3, 5], value_vars=list(years), var_name="col", value_name="n")
    return pd.DataFrame(
        {
            "kommun": long[0].astype(str),
            "age": long[3].map(_age_label),
            "sex": long[5].astype(str),
            "period": long["col"].map(years),
            "population": long["n"].astype("int64"),
        }
    )


def _kommun_years(raw: Path) -> pd.DataFrame:
    parts = [_scb_kommun_export(raw / o.local) for o in MUN_ORIGINS[:-1]]
    frame = pd.concat(parts, ignore_index=True)
    require(frame["kommun"].nunique() == 290, "mun-non-surv kommuner")
    frame["region"] = frame["kommun"].str[:2]
    frame["year"] = frame["period"].astype("int64")
    return frame.groupby(["region", "age", "sex", "year"], as_index=False)["population"].sum()


def _check_overlaps(demdata: pd.DataFrame, kommun: pd.DataFrame, raw: Path) -> dict[str, object]:
    keys = ["region", "age", "sex", "year"]
    both = demdata.merge(kommun, on=keys, suffixes=("_demdata", "_kommun"))
    equal = float((both["population_demdata"] == both["population_kommun"]).mean())
    require(equal > 0.99, f"demdata and kommun exports differ in {1 - equal:.1%} of cells")
    text = pd.read_csv(raw / TWALLEMA_2019.local, encoding="latin-1", skiprows=2)
    twallema_total = int(text["2019"].sum())
    ours_2019 = int(kommun.loc[kommun["year"] == 2019, "population"].sum())
    require(twallema_total == ours_2019, f"2019: twallema {twallema_total} vs {ours_2019}")
    return {
        "demdata_vs_kommun_2010_2015_equal_share": round(equal, 4),
        "twallema_2019_total": twallema_total,
    }


def build_population(raw: Path) -> Dataset:
    demdata = _demdata(raw)
    kommun = _kommun_years(raw)
    checks = _check_overlaps(demdata, kommun, raw)
    frame = pd.concat([demdata[demdata["year"] < 2010], kommun], ignore_index=True)
    frame["population"] = frame["population"].astype("int64")
    frame = frame.sort_values(["region", "year", "sex"], ignore_index=True)
    frame = _sort_ages(frame)
    totals = frame.groupby("year")["population"].sum()
    require(int(totals[2015]) == 9_851_017, f"2015 total {totals[2015]}")
    require(int(totals[2019]) == 10_327_589, f"2019 total {totals[2019]}")
    stockholm = frame[frame["region"] == "01"].groupby("year")["population"].sum()
    return Dataset(
        name="population",
        frame=frame,
        title="Folkmängd 31 december per län, ettårsålder och kön, 1968–2019",
        description=(
            "Folkmängden den 31 december efter län, ålder i hela år (0–99 och '100+') och kön. "
            "1968–2009 från demdata (SCB BE0101N1, summerat över civilstånd), 2010–2019 från "
            "SCB:s webbexport per kommun summerad till län."
        ),
        keys=["region", "age", "sex", "year"],
        origins=[DEMDATA, *MUN_ORIGINS[:-1], TWALLEMA_2019],
        table_ids=["BE0101N1 (BefolkningNy)"],
        licence="CC0 (SCB)",
        vintage="Befolkningsstatistik, referensår 1968–2019 (SCB:s slutliga årsuppgifter)",
        complete=True,
        source="SCB, befolkningsstatistik (BE0101)",
        notes=[
            "Åren 2010–2015 finns i båda källorna; de är lika och kommunexporten används.",
            "Åren 2020–2025 saknas i råfilerna (bara januari 2020 och 2026 finns månadsvis, "
            "se population_monthly).",
        ],
        checks={
            **checks,
            "total_by_year": {str(y): int(v) for y, v in totals.items()},
            "stockholm_2019": int(stockholm[2019]),
        },
    )


def _sort_ages(frame: pd.DataFrame) -> pd.DataFrame:
    order = frame["age"].str.rstrip("+").astype("int64")
    return frame.assign(_order=order).sort_values(
        ["region", "year", "sex", "_order"], ignore_index=True
    ).drop(columns="_order")


def _monthly_2020(raw: Path) -> pd.DataFrame:
    frame = _scb_kommun_export(raw / MUN_ORIGINS[-1].local)
    frame["region"] = frame["kommun"].str[:2]
    frame["age"] = frame["age"].map(_ten_year_band)
    return frame.groupby(["region", "age", "sex", "period"], as_index=False)["population"].sum()


def _monthly_2026(raw: Path) -> pd.DataFrame:
    doc = read_json(raw / TAB6471_DATA.local)
    frame = jsonstat_frame(doc, "population")
    frame = frame[frame["Kon"] != "TotSa"]
    return pd.DataFrame(
        {
            "region": frame["Region"].astype(str),
            "age": frame["Alder"].str.replace("100+10", "100+", regex=False),
            "sex": frame["Kon"].map(SEX_CODES),
            "period": frame["Tid"].astype(str),
            "population": frame["population"].astype("int64"),
        }
    )


def build_population_monthly(raw: Path) -> Dataset:
    frame = pd.concat([_monthly_2020(raw), _monthly_2026(raw)], ignore_index=True)
    frame["month"] = frame["period"].str.replace("M", "-", regex=False)
    frame["year"] = frame["month"].str[:4].astype("int64")
    frame = frame[["region", "age", "sex", "month", "year", "population"]]
    band_order = {band: i for i, band in enumerate(TEN_YEAR_BANDS)}
    frame = frame.sort_values(["region", "month", "sex"], ignore_index=True)
    frame = frame.iloc[frame["age"].map(band_order).argsort(kind="stable")]
    frame = frame.sort_values(["region", "month", "sex"], kind="stable", ignore_index=True)
    totals = frame.groupby("month")["population"].sum()
    require(int(totals["2020-01"]) == 10_333_456, f"2020M01 total {totals['2020-01']}")
    return Dataset(
        name="population_monthly",
        frame=frame,
        title="Folkmängd per månad, län, tioårsklass och kön (januari 2020, januari–april 2026)",
        description=(
            "Folkmängden vid månadens slut efter län, tioårsklass (0-9 … 90-99, 100+) och kön. "
            "2020-01 är SCB:s kommunexport (ettårsålder) summerad; 2026-01…04 är SCB:s "
            "json-stat2-svar för TAB6471."
        ),
        keys=["region", "age", "sex", "month"],
        origins=[MUN_ORIGINS[-1], TAB6471_DATA],
        table_ids=["BefolkManad (2020M01)", "TAB6471 (2026M01–M04)"],
        licence="CC0 (SCB)",
        vintage="Månadsstatistik: 2020M01 och 2026M01–M04 (TAB6471 uppdaterad 2026-06-08)",
        complete=True,
        source="SCB, befolkningsstatistik per månad (BE0101)",
        breaks=[{
            "year": 2025,
            "sv": "Från referensår 2025 tillför SCB ett litet slumpmässigt brus (Cell Key Method) "
            "för röjandeskydd; summor av delar kan skilja sig något från redovisade totaler.",
        }],
        notes=[
            "Åldern i månadstabellen är den ålder som uppnås under året (0-åringarna är få i "
            "januari), inte exakt ålder som i årstabellen per 31 december.",
            "Månadsuppgifterna är inte samma mått som årsuppgifterna i 'population'.",
        ],
        checks={"total_by_month": {str(m): int(v) for m, v in totals.items()}},
    )
