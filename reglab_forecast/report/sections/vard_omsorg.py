"""Section: focus on health and care occupations (one explicit list of SSYK 2012 prefixes)."""

from __future__ import annotations

import pandas as pd

from ..context import BriefContext, make_table
from ..section import Section, TableView, Text
from ..tablespec import Column, Table
from .rekryteringsbehov import ADS_COLUMN, AF_RATING_COLUMN

HEADING = "Fokus: vård och omsorg"
# Physicians, nurses, psychologists, dentists, therapists, other specialists, biomedical
# analysts …, dental hygienists, assistant nurses, care aides, carers and personal assistants,
# dental nurses (METHOD.md, "The standard brief").
HEALTH_CARE_PREFIXES = (
    "221", "222", "223", "224", "226", "227", "228",
    "3211", "3212", "3213", "3214", "325",
    "532", "533", "534", "535",
)
TOP_N = 15


def _total_row(cells: pd.DataFrame, t: int) -> dict:
    total = cells[["employed", "employed_past", f"proj_{t}", f"replacement_{t}", f"need_{t}",
                   "old", "ads"]].sum(min_count=1)
    row = {"ssyk": "", "ssyk_name": "Vård och omsorg totalt", **total.to_dict()}
    row["change_past"] = 100 * (total["employed"] / total["employed_past"] - 1)
    row["change"] = 100 * (total[f"proj_{t}"] / total["employed"] - 1)
    row["share_55"] = 100 * total["old"] / total["employed"]
    row["need_rate"] = 100 * total[f"need_{t}"] / total["employed"]
    row["ads_per_100"] = 100 * total["ads"] / total["employed"]
    return row


def health_frame(ctx: BriefContext) -> pd.DataFrame:
    t = ctx.horizon
    cells = ctx.need_cells
    cells = cells[cells["ssyk"].str.startswith(HEALTH_CARE_PREFIXES)].copy()
    cells["change_past"] = 100 * (cells["employed"] / cells["employed_past"].where(
        cells["employed_past"] > 0) - 1)
    top = cells.sort_values([f"need_{t}", "ssyk"], ascending=[False, True]).head(TOP_N)
    return pd.concat([top, pd.DataFrame([_total_row(cells, t)])], ignore_index=True)


def table_health_care(ctx: BriefContext) -> Table:
    t = ctx.horizon
    frame = health_frame(ctx)
    columns = [
        Column("ssyk", "SSYK", "text", "Yrkesgrupp enligt SSYK 2012."),
        Column("ssyk_name", "Yrke", "text", "Yrkesgruppens namn."),
        Column("employed", f"Anst. {ctx.t0}", "int", f"Anställda {ctx.t0}."),
        Column("change_past", f"{ctx.past}–{ctx.t0}", "signed_pct",
               "Förändring senaste fem åren enligt registret, inkl. seriebrott."),
        Column("change", f"{ctx.t0}–{t}", "signed_pct", f"Prognostiserad förändring {ctx.t0}–{t}."),
        Column("share_55", "Andel 55+ (uppsk.)", "pct", "Andel 55 år eller äldre (uppskattad)."),
        Column(f"need_{t}", "Rekr.­behov", "int", f"Rekryteringsbehov {ctx.t0}–{t}."),
        Column("need_rate", "Behov %", "pct", "Rekryteringsbehovet i procent av anställda."),
        AF_RATING_COLUMN, ADS_COLUMN,
    ]
    return make_table("vard_omsorg", "Fokus: vård- och omsorgsyrken", columns, frame,
                      ctx.source("SCB, YREG; Arbetsförmedlingen; egen prognos"),
                      "De 15 vård- och omsorgsyrken med störst rekryteringsbehov samt summan för "
                      "samtliga vård- och omsorgsyrken. Annonser är inte vakanser.",
                      (len(frame) - 1,))


INTRO = ("Vård- och omsorgsyrken: läkare, sjuksköterskor, psykologer, tandläkare, "
         "fysioterapeuter och arbetsterapeuter, biomedicinska analytiker, tandhygienister, "
         "undersköterskor, vårdbiträden, skötare och personliga assistenter samt tandsköterskor.")


def build(ctx: BriefContext) -> Section:
    table = table_health_care(ctx)
    return Section("vard_omsorg", HEADING, (INTRO,), (table,),
                   layout=(Text((INTRO,)), TableView(table)))
