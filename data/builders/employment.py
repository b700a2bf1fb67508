"""Employees by län × SSYK 4 × sex × year, and the national age profile by SSYK × age × sex."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .breaks import break_evidence, series_breaks
from .common import Dataset, Origin, jsonstat_frame, read_json, require

REGIONS_PANEL = Origin(
    "scb/ai-econ-lab__AI_Econ_daioe_years_regions/data/scb_yr_regions.parquet",
    "ai-econ-lab/AI_Econ_daioe_years_regions",
    "7c13a6587a1ce9b10e981a85f5dc38cd103838bd",
    "data/scb_yr_regions.parquet",
    "SCB: CC0 (repository: none stated)",
)
AGE_PANEL = Origin(
    "scb/joseph-data__AI_Econ_daioe_years/data/processed/ssyk12_aggregated_ssyk4_to_ssyk1.parquet",
    "joseph-data/AI_Econ_daioe_years",
    "acba41e2a710a7fffd44f8c038552885aeeb8379",
    "data/processed/ssyk12_aggregated_ssyk4_to_ssyk1.parquet",
    "SCB: CC0 (repository: none stated)",
)
TAB4442 = Origin(
    "scb/Magnus-L__canaries-sweden/data/raw/scb_yreg54bas.json",
    "Magnus-L/canaries-sweden",
    "5d709d04b86ca450250e17f60c2155e5fcd482bd",
    "data/raw/scb_yreg54bas.json",
    "SCB: CC0 (repository: CC BY 4.0)",
)

def build_employment(raw: Path) -> Dataset:
    source = pd.read_parquet(raw / REGIONS_PANEL.local)
    frame = pd.DataFrame(
        {
            "region": source["county_code"].astype("str"),
            "ssyk": source["code_4"].astype("str"),
            "sex": source["sex"].astype("str"),
            "year": source["year"].astype("int64"),
            "employed": source["value"].astype("int64"),
        }
    ).sort_values(["region", "ssyk", "sex", "year"], ignore_index=True)
    totals = frame.groupby("year")["employed"].sum()
    stockholm = frame[frame["region"] == "01"].groupby("year")["employed"].sum()
    require(int(totals[2024]) == 4_949_062, f"2024 total {totals[2024]}")
    require(len(frame) == 21 * 429 * 2 * 11, f"cube size {len(frame)}")
    jump = f"{int(totals[2023] - totals[2022]):,}".replace(",", " ")
    breaks = series_breaks(frame)
    require([b["year"] for b in breaks] == [2018, 2019, 2020, 2023], f"breaks {breaks}")
    require({"2412", "3333", "5322"} <= set(breaks[0]["ssyk"]), "2018 break occupations")
    return Dataset(
        name="employment",
        frame=frame,
        title="Anställda per län, yrke (SSYK 2012, fyrsiffernivå), kön och år 2014–2024",
        description=(
            "Anställda (yrkesregistret, AM0208) efter arbetsställets län, yrkesgrupp och kön. "
            "Yrket 0002 'okänt yrke' och riksnivån ingår inte; riket är summan av länen. "
            "Komplett kub: 21 län × 429 yrken × 2 kön × 11 år."
        ),
        keys=["region", "ssyk", "sex", "year"],
        origins=[REGIONS_PANEL],
        table_ids=["AM0208M YREG60 (2014–2018)", "YREG60N (2019)", "YREG60BAS (2020–2024)"],
        licence="CC0 (SCB)",
        vintage="Yrkesregistret, referensår 2014–2024 (uttag i ai-econ-lab, commit 7c13a65)",
        complete=True,
        source="SCB, yrkesregistret med yrkesstatistik (AM0208)",
        breaks=breaks,
        notes=[
            f"Ökningen 2022→2023 är {jump} anställda, till stor del seriebrottet 2023.",
            "Summan över länen är något lägre än riksnivån i åldersprofilen (jämför "
            "'checks' i age_profile) eftersom anställda med okänt arbetsställelän saknas här.",
        ],
        checks={
            "total_by_year": {str(y): int(v) for y, v in totals.items()},
            "stockholm_by_year": {str(y): int(v) for y, v in stockholm.items()},
            "series_breaks": break_evidence(frame, _national_totals(raw)),
        },
    )


def _national_totals(raw: Path) -> pd.Series:
    """Riket's employees per year from the national SSYK4 × age panel (YREG51 series)."""
    source = pd.read_parquet(raw / AGE_PANEL.local)
    return source[source["level"] == "SSYK4"].groupby("year")["count"].sum()


def _normalise_age(label: str) -> str:
    low, high = label.split("-")
    return f"{int(low)}-{int(high)}"


def build_age_profile(raw: Path) -> Dataset:
    source = pd.read_parquet(raw / AGE_PANEL.local)
    source = source[source["level"] == "SSYK4"]
    frame = pd.DataFrame(
        {
            "ssyk": source["ssyk_code"].astype("str"),
            "age": source["age"].map(_normalise_age).astype("str"),
            "sex": source["sex"].astype("str"),
            "year": source["year"].astype("int64"),
            "employed": source["count"].astype("int64"),
        }
    )
    # The 65-69 band was only published from 2023; the zeros before that are not observations.
    not_published = (frame["age"] == "65-69") & (frame["year"] < 2023)
    require(int(frame.loc[not_published, "employed"].sum()) == 0, "65-69 before 2023 not zero")
    frame = frame[~not_published].sort_values(["ssyk", "age", "sex", "year"], ignore_index=True)
    checks = _compare_with_tab4442(raw, frame)
    totals = frame.groupby("year")["employed"].sum()
    return Dataset(
        name="age_profile",
        frame=frame,
        title="Anställda i riket per yrke (SSYK 2012, fyrsiffernivå), åldersgrupp, kön och år",
        description=(
            "Anställda i hela riket efter yrkesgrupp, åldersgrupp (16-24, 25-29, …, 60-64 och "
            "från 2023 även 65-69) och kön, 2014–2024, summerat över utbildningsnivå. "
            "Kuben är komplett inom varje period (9 åldersgrupper 2014–2022, 10 från 2023)."
        ),
        keys=["ssyk", "age", "sex", "year"],
        origins=[AGE_PANEL, TAB4442],
        table_ids=["AM0208E YREG51", "YREG51N", "YREG51BAS", "TAB4442 (YREG54BAS, kontroll)"],
        licence="CC0 (SCB)",
        vintage="Yrkesregistret, referensår 2014–2024 (uttag i joseph-data, commit acba41e)",
        complete=True,
        complete_by="year",
        source="SCB, yrkesregistret med yrkesstatistik (AM0208)",
        breaks=series_breaks(_age_as_panel(frame)),
        notes=[
            "Källa: joseph-data/AI_Econ_daioe_years, eftersom den ensam har både kön och "
            "hela perioden 2014–2024. SCB:s råa json-stat2-svar för TAB4442 (2020–2024, "
            "utan kön) används som kontroll av åldersfördelningen, se 'checks'.",
            "Åldersgruppen 65-69 finns bara från 2023 (seriebrott); raderna före 2023 är "
            "borttagna i stället för att visas som nollor.",
        ],
        checks={"total_by_year": {str(y): int(v) for y, v in totals.items()}, **checks},
    )


def _age_as_panel(frame: pd.DataFrame) -> pd.DataFrame:
    """The age profile summed to SSYK4 × year, as the break detection reads a panel."""
    return frame.groupby(["ssyk", "year"], as_index=False)["employed"].sum()


def _compare_with_tab4442(raw: Path, frame: pd.DataFrame) -> dict[str, object]:
    """Compare national SSYK4 × age totals (over sex) with SCB's raw TAB4442 response."""
    doc = read_json(raw / TAB4442.local)
    scb = jsonstat_frame(doc, "scb")
    scb = scb.rename(columns={"Yrke2012": "ssyk", "Alder": "age", "Tid": "year"})
    scb["age"] = scb["age"].map(_normalise_age)
    scb["year"] = scb["year"].astype("int64")
    ours = frame[frame["year"] >= 2020].groupby(["ssyk", "age", "year"], as_index=False)[
        "employed"
    ].sum()
    joined = ours.merge(scb[["ssyk", "age", "year", "scb"]], how="left")
    exact = float((joined["employed"] == joined["scb"]).mean())
    scb_total = scb[scb["ssyk"] != "0002"].groupby("year")["scb"].sum()
    require(exact > 0.95, f"only {exact:.1%} of cells match TAB4442")
    return {
        "tab4442_cells_equal_share": round(exact, 4),
        "tab4442_total_excl_0002": {str(y): int(v) for y, v in scb_total.items()},
    }
