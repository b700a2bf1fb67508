"""Section: the region against Riket and the other län, on the standard indicators."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..cells import RIKET
from ..context import BriefContext, make_table
from ..figures import Figure, figure_regions
from ..narrative import position, riket_value
from ..numbers import fmt_dec
from ..prose import prose_pct, prose_signed_pct
from ..regional import GROUPS, region_columns
from ..section import Section, TableView, Text
from ..spread import region_sentence
from ..tablespec import Table

HEADING = "Länet jämfört med riket och övriga län"

# Indicators that can open the summary. The past change is the break-adjusted one: the
# register's own change crosses series breaks.
STANDOUT = ("need_pct", "share_55", "change_adj", "demography")


def table_regions(ctx: BriefContext) -> Table:
    frame = ctx.regions
    highlight = tuple(int(i) for i in frame.index[frame["region"].isin([ctx.region, RIKET])])
    return make_table("lan", f"{ctx.region_name} jämfört med riket och övriga län",
                      region_columns(ctx.inputs, ctx.t0, ctx.past, ctx.horizon), frame,
                      ctx.source("SCB, YREG och befolkningsstatistik; egen prognos"),
                      "Länen ordnade efter rekryteringsbehov i procent av anställda.", highlight)


def figure(ctx: BriefContext) -> Figure:
    frame = ctx.regions
    return figure_regions(frame, ctx.region_name, "need_pct",
                          f"Rekryteringsbehov {ctx.t0}–{ctx.horizon} i procent av anställda",
                          ctx.source("SCB, YREG; egen prognos") + " Streck: 80 %-intervall.",
                          interval=True)


def intro(ctx: BriefContext) -> str:
    return (f"Samma indikatorer för alla 21 län och riket. {ctx.region_name} och riket är "
            f"markerade. Unga/äldre anger hur många som fyller 20 år per person som fyller "
            f"65 år fram till {ctx.horizon}, enligt befolkningsprognosen (skattat).")


def _mine(regions: pd.DataFrame, region: str, column: str) -> float:
    return float(regions.loc[regions["region"] == region, column].iloc[0])


def rank(regions: pd.DataFrame, region: str, column: str) -> int:
    """1 = highest value among the 21 län."""
    lan = regions[regions["region"] != RIKET]
    return 1 + int((lan[column] > _mine(regions, region, column)).sum())


def ties(regions: pd.DataFrame, region: str, column: str) -> int:
    """How many län (the region included) share the region's value on ``column``."""
    lan = regions[regions["region"] != RIKET]
    return int(np.isclose(lan[column], _mine(regions, region, column)).sum())


def standout(regions: pd.DataFrame, region: str) -> tuple[str, int]:
    """The indicator on which the region differs most from Riket, in standard deviations of
    the 21 län, and the region's rank on it. Ties go to the first of ``STANDOUT``."""
    lan = regions[regions["region"] != RIKET]
    scored = []
    for column in STANDOUT:
        spread = float(lan[column].std())
        if lan[column].isna().any() or not spread > 0:
            continue
        score = abs(_mine(regions, region, column) - riket_value(regions, column)) / spread
        scored.append((round(score, 6), -STANDOUT.index(column), column))
    _score, _order, column = max(scored)
    return column, rank(regions, region, column)


def lead_sentence(regions: pd.DataFrame, region: str, name: str, horizon: int,
                  past: int) -> str:
    column, place = standout(regions, region)
    mine, riket = _mine(regions, region, column), riket_value(regions, column)
    if column == "demography":
        pos = position(place, fmt_dec(mine, 2), fmt_dec(riket, 2),
                       ties=ties(regions, region, column))
        return (f"Tillskottet av unga i förhållande till dem som når pensionsåldern är {pos}: "
                f"enligt befolkningsprognosen (skattad) fyller {fmt_dec(mine, 2)} personer 20 år "
                f"i {name} för varje person som fyller 65 år fram till {horizon}, mot "
                f"{fmt_dec(riket, 2)} i riket.")
    show = prose_signed_pct if column == "change_adj" else prose_pct
    pos = position(place, show(mine), show(riket), ties=ties(regions, region, column))
    if column == "need_pct":
        group = regions.loc[regions["region"] == region, "need_pct_group"].iloc[0]
        if group == GROUPS[1]:  # Riket inside the län's interval: no rank words
            pos = "inom osäkerheten i nivå med riket"
        return (f"Rekryteringsbehovet i förhållande till antalet anställda är {pos}: fram till "
                f"{horizon} motsvarar det {show(mine)} av de anställda i {name}, mot "
                f"{show(riket)} i riket.")
    if column == "share_55":
        return (f"Andelen anställda som är 55 år eller äldre, uppskattad eftersom registret "
                f"inte räknar ålder per yrke och län, är {pos}: {show(mine)} i {name} mot "
                f"{show(riket)} i riket.")
    return (f"Förändringen av antalet anställda sedan {past}, skattad och justerad för "
            f"seriebrotten i registret, är {pos}: {show(mine)} i {name} mot {show(riket)} i "
            f"riket.")


def build(ctx: BriefContext) -> Section:
    table = table_regions(ctx)
    chart = figure(ctx)
    frame = ctx.regions
    uncertainty = region_sentence(frame, ctx.region, ctx.region_name, ctx.t0, ctx.horizon)
    summary: tuple[str, ...] = ()
    if ctx.region != RIKET:
        summary = (lead_sentence(table.frame, ctx.region, ctx.region_name, ctx.horizon,
                                 ctx.past),)
    paragraphs = tuple(p for p in (intro(ctx), uncertainty) if p)
    return Section("lan", HEADING, paragraphs, (table,), (chart,), summary,
                   layout=(Text(paragraphs), chart, TableView(table)))
