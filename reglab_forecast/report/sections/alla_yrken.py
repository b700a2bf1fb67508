"""The table package's full table: every län × SSYK4 cell (not shown in the PDF)."""

from __future__ import annotations

from ..context import BriefContext, make_table
from ..section import Section
from ..tablespec import Column, Table

HEADING = "Alla län och yrken"


def table_all(ctx: BriefContext) -> Table:
    """Columns: region, ssyk, ssyk_name, employed, proj/lower/upper per target year,
    replacement, expansion and need to the horizon, share_55, af_rating, ads."""
    t = ctx.horizon
    cells = ctx.cells_all.copy()
    cells["region_name"] = [ctx.inputs.region_names.get(r, r) for r in cells["region"]]
    columns = [
        Column("region", "Länskod", "text", "Länskod (SCB)."),
        Column("region_name", "Län", "text", "Länet där de anställda arbetar."),
        Column("ssyk", "SSYK", "text", "Yrkesgrupp enligt SSYK 2012, fyrsiffrig kod."),
        Column("ssyk_name", "Yrke", "text", "Yrkesgruppens namn enligt SCB."),
        Column("employed", f"Anställda {ctx.t0}", "int", f"Anställda {ctx.t0} (registret)."),
    ]
    for y in ctx.targets:
        columns += [
            Column(f"proj_{y}", f"Prognos {y}", "int", f"Prognos för {y} (anställda)."),
            Column(f"lower_{y}", f"Lägre {y}", "int", f"Nedre gräns, 80 %-intervall, {y}."),
            Column(f"upper_{y}", f"Övre {y}", "int", f"Övre gräns, 80 %-intervall, {y}."),
        ]
    columns += [
        Column(f"replacement_{t}", f"Pensionsavgångar {ctx.t0}–{t}", "int",
               "Beräknade avgångar genom pension."),
        Column(f"expansion_{t}", f"Expansion {ctx.t0}–{t}", "signed",
               "Prognostiserad förändring av antalet anställda."),
        Column(f"need_{t}", f"Rekryteringsbehov {ctx.t0}–{t}", "int",
               "Pensionsavgångar plus expansion, lägst 0."),
        Column("share_55", "Andel 55+ (uppskattad)", "pct",
               "Andel 55 år eller äldre, skattad för länet (ingen räkning; se metoden)."),
        Column("af_rating", "AF bristvärde i riket", "int",
               "Arbetsförmedlingens Yrkesprognos: bristvärde 1–5 för hela riket."),
        Column("ads", "Annonser", "int", "Platsbankens annonser i länet (annonser är inte "
               "vakanser)."),
    ]
    frame = cells.sort_values(["region", "ssyk"])
    return make_table("alla_yrken", f"Alla län och yrken (SSYK 4) {ctx.t0}–{t}", columns, frame,
                      ctx.source("SCB, YREG; Arbetsförmedlingen; egen prognos"))


def build(ctx: BriefContext) -> Section:
    return Section("alla_yrken", HEADING, tables=(table_all(ctx),))
