"""Section: anställda by SSYK level 1, history and projection with its interval."""

from __future__ import annotations

import pandas as pd

from ..breaks import breaks_between, years_text
from ..context import BriefContext, make_table, pct_change
from ..figures import Figure, figure_major_groups
from ..section import Section, TableView, Text
from ..tablespec import Column, Table
from .nyckeltal import chart_caption

HEADING = "Anställda per yrkesområde"

# Short labels of the SSYK 2012 major groups, for small chart panels.
SHORT_GROUP_NAMES = {
    "0": "Militära yrken", "1": "Chefsyrken", "2": "Fördjupad högskolekompetens",
    "3": "Högskolekompetens", "4": "Administration, kundtjänst",
    "5": "Service, omsorg, försäljning", "6": "Lantbruk, skog, fiske",
    "7": "Bygg, tillverkning", "8": "Maskinell tillverkning, transport",
    "9": "Kortare utbildning",
}


def major_groups_frame(ctx: BriefContext) -> pd.DataFrame:
    cells = ctx.cells.assign(ssyk1=ctx.cells["ssyk"].str[:1])
    numeric = ["employed", "employed_past"] + [
        f"{k}_{t}" for t in ctx.targets for k in ("proj", "lower", "upper")
    ]
    groups = cells.groupby("ssyk1")[numeric].sum(min_count=1)
    own = ctx.inputs.projection.major_groups
    if own is not None:  # the projection's own intervals for the groups (they do not add up)
        mine = own[own["region"] == ctx.region].set_index(["ssyk", "year"])
        for t in ctx.targets:
            for bound in ("lower", "upper"):
                groups[f"{bound}_{t}"] = mine[bound].xs(t, level="year").reindex(groups.index)
    groups = groups.reset_index()
    groups["name"] = [ctx.inputs.ssyk_names.get(c, c) for c in groups["ssyk1"]]
    groups["change_past"] = pct_change(groups["employed"], groups["employed_past"])
    for t in ctx.targets:
        groups[f"change_{t}"] = pct_change(groups[f"proj_{t}"], groups["employed"])
    return groups


def table_major_groups(ctx: BriefContext) -> Table:
    """Anställda by SSYK level 1: five years ago, the base year and the projection."""
    t_last = ctx.horizon
    columns = [
        Column("ssyk1", "SSYK", "text", "Yrkesområde, SSYK 2012 nivå 1."),
        Column("name", "Yrkesområde", "text", "Yrkesområdets namn."),
        Column("employed_past", f"{ctx.past}", "int", f"Anställda {ctx.past}."),
        Column("employed", f"{ctx.t0}", "int", f"Anställda {ctx.t0}."),
        Column("change_past", f"Förändr. {ctx.past}–{ctx.t0}", "signed_pct",
               "Förändring senaste fem åren i procent enligt registret, inkl. seriebrott."),
    ]
    for t in ctx.targets:
        columns.append(Column(f"proj_{t}", f"Prognos {t}", "int", f"Prognos för {t}."))
    columns += [
        Column(f"lower_{t_last}", f"{t_last} lägre", "int", "Nedre gräns, 80 %-intervall."),
        Column(f"upper_{t_last}", f"{t_last} övre", "int", "Övre gräns, 80 %-intervall."),
        Column(f"change_{t_last}", f"Förändr. {ctx.t0}–{t_last}", "signed_pct",
               f"Prognostiserad förändring {ctx.t0}–{t_last} i procent."),
    ]
    return make_table("yrkesomraden", "Anställda per yrkesområde (SSYK nivå 1)", columns,
                      major_groups_frame(ctx), ctx.source("SCB, YREG; egen prognos"),
                      register_note(ctx))


def register_note(ctx: BriefContext) -> str:
    breaks = breaks_between(ctx.inputs.employment, ctx.past, ctx.t0)
    if not breaks:
        return ""
    return (f"Förändringen {ctx.past}–{ctx.t0} är registrets och inkluderar seriebrotten "
            f"{years_text(breaks)}; den är delvis ett mätbyte, inte tillväxt.")


def figure(ctx: BriefContext) -> Figure:
    run = ctx.inputs.projection
    mine = ctx.employment
    groups = mine.groupby(["year", mine["ssyk"].str[:1].rename("g")])["employed"].sum().unstack()
    assert run.major_groups is not None
    own = run.major_groups[run.major_groups["region"] == ctx.region]
    later = own[own["year"] > ctx.t0].rename(columns={"employed": "proj"})
    paths = later.set_index(["ssyk", "year"])[["proj", "lower", "upper"]]  # rows (group, year)
    names = {g: SHORT_GROUP_NAMES.get(g, ctx.inputs.ssyk_names.get(g, g)) for g in groups.columns}
    caption, shown = chart_caption(ctx)
    return figure_major_groups(groups, paths, names, ctx.region_name, caption, shown)


def intro(ctx: BriefContext) -> str:
    return (f"Utfall {ctx.inputs.employment['year'].min()}–{ctx.t0} och prognos per "
            f"yrkesområde (SSYK 2012, nivå 1). Varje diagram har en egen skala.")


def build(ctx: BriefContext) -> Section:
    table, chart = table_major_groups(ctx), figure(ctx)
    return Section("yrkesomraden", HEADING, (intro(ctx),), (table,), (chart,),
                   layout=(Text((intro(ctx),)), chart, TableView(table)))
