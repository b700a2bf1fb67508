"""Section of the comparison: population and labour supply of the 21 län side by side.

Per län, at the horizon: the projected employment (the need), the labour supply, the gap
between them in persons and in percent of the employment with its 80 % interval, and the
change of the working-age population (20–64). The län are sorted by the gap in percent, the
largest shortage first; the charts keep zero on the axis (a gap of zero is balance) and draw
Riket as a line. Every figure is estimated (population 2020–2025 is a bridged estimate).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...regions import RIKET, region_names
from ..context import make_table
from ..figures import figure_regions
from ..population_side import PopulationSide, run_population_side
from ..section import FigureGrid, Section, TableView, Text
from ..tablespec import Column, Table
from .befolkning import SOURCE

KEY = "befolkning_lan"
HEADING = "Befolkning och arbetskraft i länen"


def regions_balance(side: PopulationSide, horizon: int) -> pd.DataFrame:
    """Per län and Riket at ``horizon``: employed, supply, gap (+ lower/upper, persons),
    gap_pct (+ _lower/_upper, percent of employed), working_age_change (percent from the
    population's base year), region_name; Riket first, the län by gap_pct descending."""
    table = side.balance.table
    at = table[table["year"] == horizon].set_index("region")
    working = side.people.totals((20, 64))[["region", "year", "population"]]
    start = working[working["year"] == side.people.base_year].set_index("region")["population"]
    end = working[working["year"] == horizon].set_index("region")["population"]
    frame = pd.DataFrame({
        "employed": at["employed"], "supply": at["supply"], "gap": at["gap"],
        "gap_lower": at["gap_lower"], "gap_upper": at["gap_upper"],
        "working_age_change": 100 * (end / start - 1)}).dropna(subset=["gap"])
    for column in ("gap", "gap_lower", "gap_upper"):
        frame[column.replace("gap", "gap_pct")] = 100 * frame[column] / frame["employed"]
    frame = frame.reset_index()
    names = region_names()
    frame.insert(1, "region_name", [("Riket" if r == RIKET else names.get(r, r))
                                    for r in frame["region"]])
    lan = frame[frame["region"] != RIKET].sort_values(["gap_pct", "region"],
                                                      ascending=[False, True])
    return pd.concat([frame[frame["region"] == RIKET], lan], ignore_index=True)


def _columns(base: int, horizon: int) -> tuple[Column, ...]:
    return (
        Column("region", "Kod", "text", "Länskod (SCB); 00 = riket."),
        Column("region_name", "Län", "text", "Länet."),
        Column("employed", f"Anst. {horizon}", "int",
               "Beräknade anställda i länet (behovet), skattat."),
        Column("supply", f"Utbud {horizon}", "int",
               "Invånare 16–69 år × anställda per invånare (bär nettopendlingen), skattat."),
        Column("gap", "Gap", "signed", "Beräknade anställda minus utbud; positivt = brist."),
        Column("gap_pct", "Gap %", "signed_pct", "Gapet i procent av de beräknade anställda."),
        Column("gap_pct_lower", "Lägre", "signed_pct", "Nedre gräns, 80 %-intervall."),
        Column("gap_pct_upper", "Övre", "signed_pct", "Övre gräns, 80 %-intervall."),
        Column("working_age_change", f"Invånare 20–64 {base}–{horizon}", "signed_pct",
               "Förändring av befolkningen 20–64 år i procent (skattat)."),
    )


def table_balance(side: PopulationSide, frame: pd.DataFrame, horizon: int, source: str
                  ) -> Table:
    return make_table(KEY, f"Beräknade anställda mot arbetskraftsutbud {horizon} i alla län "
                      "(skattat)", _columns(side.people.base_year, horizon), frame,
                      f"{SOURCE}; {source}",
                      "Länen ordnade efter gapet i procent av de beräknade anställda, störst brist "
                      "först; skillnader inom intervallen är inte säkra.")


def intro(frame: pd.DataFrame, horizon: int) -> str:
    """How many län have a shortage whose interval stays above zero, in plain Swedish."""
    lan = frame[frame["region"] != RIKET]
    sure = int((lan["gap_pct_lower"] > 0).sum())
    surplus = int((lan["gap_pct_upper"] < 0).sum())
    text = (f"De beräknade anställda {horizon} mot arbetskraftsutbudet i varje län, "
            "med samma metod som i länens kompetensbilder. Ett positivt gap betyder att fler "
            "behövs än utbudet räcker till. ")
    if sure + surplus == 0:
        text += ("I alla län rymmer 80 %-intervallet för gapet både brist och överskott: "
                 "skillnaderna mellan länen är mindre än osäkerheten.")
    else:
        text += (f"I {sure} av {len(lan)} län ligger hela 80 %-intervallet för gapet över noll "
                 f"och i {surplus} under; i övriga län rymmer intervallet både brist och "
                 "överskott, och där är skillnaderna mindre än osäkerheten.")
    return text + " Axlarna visar noll (balans) och riket som ett streck."


def build(ctx: Any) -> Section:
    side = run_population_side(ctx.inputs)
    horizon = max(ctx.targets)
    frame = regions_balance(side, horizon)
    table = table_balance(side, frame, horizon, f"De anställda: egen prognos, scenario: "
                          f"{ctx.scenario}.")
    caption = ctx.source("SCB, YREG och befolkningsstatistik; egen prognos")
    charts = (
        figure_regions(frame, "", "gap_pct", f"Gap {horizon} i procent av "
                       "de beräknade anställda (skattat, 80 %-intervall)", caption,
                       name="jmf_gap", kind="signed_pct", width_cm=8.3, height_cm=7.5,
                       interval=True),
        figure_regions(frame, "", "working_age_change", "Förändring av befolkningen "
                       f"20–64 år {side.people.base_year}–{horizon} (skattat)", caption,
                       name="jmf_arbetsfor", kind="signed_pct", width_cm=8.3, height_cm=7.5),
    )
    text = intro(frame, horizon)
    return Section(KEY, HEADING, (text,), (table,), charts,
                   layout=(Text((text,)), TableView(table), FigureGrid(charts)))
