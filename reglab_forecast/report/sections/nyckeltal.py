"""Section 2, Nyckeltal: the region's headline figures and its total with the projection."""

from __future__ import annotations

import pandas as pd

from ..breaks import break_years, years_text
from ..context import BriefContext
from ..figures import Figure, figure_total
from ..keyfigures import key_figure_rows
from ..narrative import Facts, level_sentence, need_sentence, projection_sentence
from ..section import Section, TableView, Text
from ..tablespec import Column, Table
from ..texts import UNIVERSE_SENTENCE

HEADING = "Nyckeltal"


def table_key_figures(ctx: BriefContext) -> Table:
    """Nyckeltal: the region's headline figures (rows indexed by a stable id, see keyfigures)."""
    columns = (
        Column("indicator", "Indikator", "text", "Vad talet mäter."),
        Column("value", "Värde", "unit", "Värdet; enheten står i kolumnen Enhet."),
        Column("lower", "Lägre 80 %", "unit", "Nedre gräns för 80 %-intervallet (prognoser)."),
        Column("upper", "Övre 80 %", "unit", "Övre gräns för 80 %-intervallet (prognoser)."),
        Column("unit", "Enhet", "text", "antal, procent, förändring eller kvot."),
    )
    return Table("nyckeltal", f"Nyckeltal för {ctx.region_name}", columns, key_figure_rows(ctx),
                 ctx.source("SCB, YREG och befolkningsstatistik; egen prognos"))


def projection_paths(frame: pd.DataFrame, t0: int) -> pd.DataFrame:
    """Projection rows after the base year as index year → proj, lower, upper."""
    later = frame[frame["year"] > t0].set_index("year")
    return later.rename(columns={"employed": "proj"})[["proj", "lower", "upper"]]


def chart_caption(ctx: BriefContext) -> tuple[str, tuple[int, ...]]:
    """The caption of a history-and-projection chart, and the break years it marks."""
    emp = ctx.inputs.employment
    shown = tuple(y for y in break_years(emp) if emp["year"].min() <= y <= ctx.t0)
    caption = ctx.source("SCB, YREG; egen prognos") + " Skuggat: 80 %-intervall."
    if shown:
        caption += (f" Prickat: seriebrott i registret {years_text(shown)} (2023 bl.a. åldrarna "
                    f"16–69 år och imputerade yrken); nivåskiften där är inte tillväxt.")
    return caption, shown


def figure(ctx: BriefContext) -> Figure:
    run = ctx.inputs.projection
    total = ctx.employment.groupby("year")["employed"].sum()
    assert run.totals is not None
    proj = projection_paths(run.totals[run.totals["region"] == ctx.region], ctx.t0)
    caption, shown = chart_caption(ctx)
    return figure_total(total, proj, ctx.region_name, caption, shown)


def intro(ctx: BriefContext) -> str:
    return (f"{UNIVERSE_SENTENCE} Prognosen gäller {ctx.horizon} med ett 80 %-intervall: när "
            f"metoden prövats bakåt i tiden har utfallet hamnat inom intervallet i ungefär fyra "
            f"fall av fem.")


def build(ctx: BriefContext) -> Section:
    table = table_key_figures(ctx)
    chart = figure(ctx)
    facts = Facts(ctx.region_name, table.frame, ctx.t0, ctx.past, ctx.horizon)
    summary = (level_sentence(facts), projection_sentence(facts), need_sentence(facts))
    return Section("nyckeltal", HEADING, (intro(ctx),), (table,), (chart,), summary,
                   layout=(Text((intro(ctx),)), TableView(table, 8), chart))
