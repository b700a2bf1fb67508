"""Section: gender balance in the region's largest occupations."""

from __future__ import annotations

from ..context import BriefContext, make_table
from ..figures import figure_gender
from ..narrative import gender_sentence
from ..section import Section, TableView, Text
from ..tablespec import Column, Table

HEADING = "Könsfördelning i de största yrkena"
LARGEST_N = 12


def balance(share: float) -> str:
    if share >= 60:
        return "kvinnodominerat"
    if share <= 40:
        return "mansdominerat"
    return "jämnt"


def table_gender(ctx: BriefContext) -> Table:
    cells = ctx.cells.sort_values(["employed", "ssyk"], ascending=[False, True]).head(LARGEST_N)
    cells = cells.assign(
        women_share=100 * cells["women"] / cells["employed"],
        women_share_past=100 * cells["women_past"] / cells["employed_past"].where(
            cells["employed_past"] > 0),
    )
    cells["women_change"] = cells["women_share"].round(1) - cells["women_share_past"].round(1)
    cells["balance"] = [balance(s) for s in cells["women_share"].round(1)]
    columns = [
        Column("ssyk", "SSYK", "text", "Yrkesgrupp enligt SSYK 2012."),
        Column("ssyk_name", "Yrke", "text", "Yrkesgruppens namn."),
        Column("employed", f"Anst. {ctx.t0}", "int", f"Anställda {ctx.t0}."),
        Column("women_share_past", f"Andel kvinnor {ctx.past}", "pct",
               f"Andel kvinnor {ctx.past}."),
        Column("women_share", f"Andel kvinnor {ctx.t0}", "pct", f"Andel kvinnor {ctx.t0}."),
        Column("women_change", "Förändring (%-enh.)", "signed_dec",
               "Förändring av andelen kvinnor i procentenheter."),
        Column("balance", "Fördelning", "text",
               "Jämn: 40–60 % kvinnor; annars kvinno- eller mansdominerat."),
    ]
    return make_table("kon", "Könsfördelning i de största yrkena", columns, cells, ctx.source())


def intro(ctx: BriefContext) -> str:
    return (f"Andel kvinnor i länets största yrken {ctx.past} och {ctx.t0}. En fördelning räknas "
            f"som jämn när andelen kvinnor ligger mellan 40 och 60 %.")


def build(ctx: BriefContext) -> Section:
    table = table_gender(ctx)
    chart = figure_gender(table.frame, ctx.region_name, ctx.source())
    return Section("kon", HEADING, (intro(ctx),), (table,), (chart,),
                   summary=(gender_sentence(table),),
                   layout=(Text((intro(ctx),)), chart, TableView(table, 7)))
