"""Section: the occupations with the largest recruitment need up to the last target year."""

from __future__ import annotations

import pandas as pd

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


BAROMETER_OUTLOOK = Column(
    "af_outlook", "AF om 5 år*", "text",
    "Arbetsförmedlingens yrkesbarometer: efterfrågan i länet om fem år (minska, vara "
    "oförändrad, öka). Kan gälla ett större område än länet.")
BAROMETER_JOBS = Column(
    "af_opportunities", "AF jobb nu*", "text",
    "Arbetsförmedlingens yrkesbarometer: jobbmöjligheterna nu (små, medelstora, stora). Kan "
    "gälla ett större område än länet.")


def barometer_note(ctx: BriefContext, frame: pd.DataFrame) -> str:
    """'* Arbetsförmedlingens yrkesbarometer, omgång …; kan gälla ett större område än länet.'"""
    barometer = ctx.inputs.barometer
    if barometer is None or "af_round" not in frame.columns:
        return ""
    rounds = sorted(set(frame["af_round"].dropna()))
    inferred = set(barometer.loc[barometer["af_round_inferred"].astype(bool), "af_round"])
    named = [f"{r} (härledd)" if r in inferred else r for r in rounds]
    how = (" Härledd: filen anger ingen omgång; den är daterad efter filens ändringsdatum och "
           "jämförd med en omgång som anger sin.") if inferred & set(rounds) else ""
    caveat = barometer.attrs.get("caveat") or "kan gälla ett större område än länet"
    return (f"* Arbetsförmedlingens yrkesbarometer, omgång {' och '.join(named)}; "
            f"{caveat}.{how}")


def table_recruitment(ctx: BriefContext) -> Table:
    t = ctx.horizon
    frame = ctx.need_cells.sort_values([f"need_{t}", "ssyk"], ascending=[False, True])
    columns = occupation_columns(ctx) + [
        Column("share_55", "Andel 55+ (uppsk.)", "pct",
               "Andel 55 år eller äldre, skattad för länet (ingen räkning; se metoden)."),
        Column(f"replacement_{t}", "Pensions­avgångar", "int",
               f"Beräknade avgångar genom pension {ctx.t0}–{t}."),
        Column(f"expansion_{t}", "Expansion", "signed",
               f"Prognostiserad förändring av antalet anställda {ctx.t0}–{t}."),
        Column(f"need_{t}", "Rekryterings­behov", "int",
               f"Pensionsavgångar plus expansion {ctx.t0}–{t}, lägst 0."),
        AF_RATING_COLUMN, BAROMETER_OUTLOOK, BAROMETER_JOBS, ADS_COLUMN, FLAG_COLUMN,
    ]
    top = frame.head(TOP_N)
    note = " ".join(p for p in ("Annonser är inte vakanser.", barometer_note(ctx, top)) if p)
    return make_table("rekryteringsbehov", f"Yrken med störst rekryteringsbehov {ctx.t0}–{t}",
                      columns, top, ctx.source("SCB, YREG; Arbetsförmedlingen; egen prognos"),
                      note)


def intro(ctx: BriefContext) -> str:
    return (f"Rekryteringsbehovet {ctx.t0}–{ctx.horizon} är pensionsavgångar plus expansion "
            f"(förändringen av antalet anställda), lägst noll. Bredvid prognosen visas "
            f"Arbetsförmedlingens bild: Yrkesprognosens bristvärde (1–5) gäller hela riket; "
            f"yrkesbarometerns bedömning av efterfrågan om fem år och av jobbmöjligheterna "
            f"anges för länet men kan gälla ett större område; annonserna i Platsbanken per "
            f"100 anställda gäller länet. Kolumnen Avvikelse markerar där Arbetsförmedlingen "
            f"och prognosen pekar åt olika håll: barometern ser en ökning och prognosen en "
            f"tydlig minskning (eller tvärtom), eller bristvärdet är 4–5 medan prognosen "
            f"minskar tydligt (minst 5 %). Kolumnen visas bara när något yrke är markerat.")


def build(ctx: BriefContext) -> Section:
    table = table_recruitment(ctx)
    return Section("rekryteringsbehov", HEADING, (intro(ctx),), (table,),
                   summary=(top_need_sentence(table, ctx.horizon),),
                   layout=(Text((intro(ctx),)), TableView(table)))
