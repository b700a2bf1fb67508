"""Section: the occupations with the largest recruitment need up to the last target year."""

from __future__ import annotations

from ..context import FLAG_COLUMN, BriefContext, make_table, occupation_columns
from ..narrative import top_need_sentence
from ..section import Section, TableView, Text
from ..tablespec import Column, Table

HEADING = "Yrken med störst rekryteringsbehov"
TOP_N = 15

AF_RATING_COLUMN = Column(
    "af_rating", "AF brist­värde i riket", "int",
    "Arbetsförmedlingens Yrkesprognos: bristvärde 1–5 (5 = stor brist) för hela riket.")
ADS_COLUMN = Column(
    "ads_per_100", "Annonser per 100 anst.", "dec",
    "Platsbankens annonser i länet per 100 anställda. Annonser är inte vakanser: en annons "
    "kan gälla flera tjänster, och många jobb annonseras aldrig.")


def table_recruitment(ctx: BriefContext) -> Table:
    t = ctx.horizon
    frame = ctx.need_cells.sort_values([f"need_{t}", "ssyk"], ascending=[False, True])
    columns = occupation_columns(ctx) + [
        Column("share_55", "Andel 55+ (uppsk.)", "pct",
               "Andel 55 år eller äldre, uppskattad från yrkets åldersstruktur."),
        Column(f"replacement_{t}", "Pensions­avgångar", "int",
               f"Beräknade avgångar genom pension {ctx.t0}–{t}."),
        Column(f"expansion_{t}", "Expansion", "signed",
               f"Prognostiserad förändring av antalet anställda {ctx.t0}–{t}."),
        Column(f"need_{t}", "Rekryterings­behov", "int",
               f"Pensionsavgångar plus expansion {ctx.t0}–{t}, lägst 0."),
        AF_RATING_COLUMN, ADS_COLUMN, FLAG_COLUMN,
    ]
    return make_table("rekryteringsbehov", f"Yrken med störst rekryteringsbehov {ctx.t0}–{t}",
                      columns, frame.head(TOP_N),
                      ctx.source("SCB, YREG; Arbetsförmedlingen; egen prognos"),
                      "Annonser är inte vakanser.")


def intro(ctx: BriefContext) -> str:
    return (f"Rekryteringsbehovet {ctx.t0}–{ctx.horizon} är pensionsavgångar plus expansion "
            f"(förändringen av antalet anställda), lägst noll. Bredvid prognosen visas "
            f"Arbetsförmedlingens bild: Yrkesprognosens bristvärde (1–5) gäller hela riket, "
            f"antalet annonser i Platsbanken per 100 anställda gäller länet. Där "
            f"Arbetsförmedlingen ser brist (bristvärde 4–5) men prognosen en tydlig minskning, "
            f"markeras det i kolumnen Avvikelse; kolumnen visas bara när något yrke har en "
            f"sådan markering.")


def build(ctx: BriefContext) -> Section:
    table = table_recruitment(ctx)
    return Section("rekryteringsbehov", HEADING, (intro(ctx),), (table,),
                   summary=(top_need_sentence(table, ctx.horizon),),
                   layout=(Text((intro(ctx),)), TableView(table)))
