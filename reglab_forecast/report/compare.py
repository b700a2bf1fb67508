"""The cross-region comparison: the 21 län side by side on the standard indicators.

``reglab-forecast compare --out FILE.pdf`` (or ``.xlsx``). The indicator table is the very one
of section 6 of every brief (``regional.regions_frame``), so the figures agree with the briefs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ..files import write_output
from .cells import RIKET
from .document import figure_block, table_block
from .figures import Figure, figure_regions
from .inputs import ReportInputs, load_inputs
from .regional import region_columns, regions_frame
from .render import check_writable, compile_pdf
from .tables import BriefContext
from .tablespec import Column, Table, round_frame
from .texts import HOW_TO_READ, method_blocks

__all__ = ["compare_tables", "render_compare", "write_compare"]

# Indicators ranked in the comparison: column, heading, how values are written.
RANKED = (
    ("need_pct", "Rekryteringsbehov i procent av sysselsatta", "pct", "Rekr.behov %"),
    ("replacement_pct", "Pensionsavgångar i procent av sysselsatta", "pct", "Pension %"),
    ("change_adj", "Förändring senaste fem åren, justerad för seriebrott", "signed_pct",
     "Förändr. 5 år"),
    ("share_55", "Andel sysselsatta 55 år och äldre", "pct", "Andel 55+"),
    ("demography", "Unga (10–19 år) per äldre (55–64 år)", "dec2", "Unga/äldre"),
)


def _rank_frame(frame: pd.DataFrame, horizon: int) -> pd.DataFrame:
    lan = frame[frame["region"] != RIKET].copy()
    columns = [c for c, *_rest in RANKED] + [f"change_{horizon}"]
    for column in columns:
        lan[f"rank_{column}"] = lan[column].rank(ascending=False, method="min")
    return lan.sort_values("region")


def compare_tables(ctx: BriefContext) -> dict[str, Table]:
    """The indicator table (ranked by need) and each län's rank on every indicator."""
    frame = regions_frame(ctx.sums, ctx.inputs, ctx.horizon)
    columns = tuple(region_columns(ctx.inputs, ctx.t0, ctx.past, ctx.horizon))
    source = ctx.source("SCB, YREG och befolkningsstatistik; egen prognos")
    indicators = Table("lan", "Länen efter rekryteringsbehov i procent av sysselsatta", columns,
                       round_frame(frame, columns).reset_index(drop=True), source,
                       "Rang 1 = störst behov.", (0,))
    rank_columns = (
        Column("region", "Kod", "text", "Länskod (SCB)."),
        Column("region_name", "Län", "text", "Länet."),
        *(Column(f"rank_{c}", short, "int", f"Rang efter {label.lower()} (1 = högst).")
          for c, label, _kind, short in RANKED),
        Column(f"rank_change_{ctx.horizon}", f"Prognos {ctx.t0}–{ctx.horizon}", "int",
               f"Rang efter prognostiserad förändring {ctx.t0}–{ctx.horizon} (1 = högst)."),
    )
    ranks = Table("rangordning", "Länens rang på varje indikator (1 = högst värde)",
                  rank_columns, round_frame(_rank_frame(frame, ctx.horizon), rank_columns)
                  .reset_index(drop=True), source)
    return {t.key: t for t in (indicators, ranks)}


def _figures(ctx: BriefContext, frame: pd.DataFrame) -> list[Figure]:
    caption = ctx.source("SCB, YREG; egen prognos")
    items = [*(r[:3] for r in RANKED),
             (f"change_{ctx.horizon}", f"Prognos {ctx.t0}–{ctx.horizon}", "signed_pct")]
    return [figure_regions(frame, "", column, label, caption, name=f"jmf_{column}", kind=kind,
                           width_cm=8.3, height_cm=7.5)
            for column, label, kind in items]


def compare_document(ctx: BriefContext, tables: dict[str, Table],
                     figures: list[Figure]) -> dict[str, Any]:
    scenario = ctx.inputs.projection.scenario
    intro = ("Alla 21 län med samma metod och samma indikatorer som i avsnitt 6 i varje "
             "regional kompetensbild. Riket visas som jämförelse. " + HOW_TO_READ)
    sections = [
        {"heading": "Indikatorer per län", "keep": 1, "blocks": [
            {"type": "text", "paras": [intro]}, table_block(tables["lan"], 6.5)]},
        {"heading": "Rangordning", "keep": 1, "blocks": [table_block(tables["rangordning"], 6.5)]},
        {"heading": "Länen i diagram", "keep": 1, "blocks": [
            {"type": "figuregrid", "columns": 2, "items": [figure_block(f) for f in figures]}]},
        {"heading": "Metod, källor och kvalitet", "keep": 1, "pagebreak": True,
         "blocks": method_blocks(ctx, tables, table_block)},
    ]
    meta = {"title": "Regional kompetensbild: länsjämförelse", "kicker": "Regional kompetensbild",
            "region": "Länsjämförelse", "author": "reglab_forecast",
            "keywords": ("kompetensförsörjning", "länsjämförelse"),
            "subtitle": f"De 21 länen på standardindikatorerna {ctx.t0}–{ctx.horizon}. "
                        "Metod: Reglab standard.",
            "scenario_label": f"Scenario: {scenario}",
            "footer": (f"Källa: SCB (yrkesregistret, befolkningsstatistik), Arbetsförmedlingen; "
                       f"egen prognos. Data: {ctx.inputs.vintage}. Scenario: {scenario}.")}
    return {"meta": meta, "sections": sections}


def render_compare(inputs: ReportInputs) -> bytes:
    from .regional import table_sources

    ctx = BriefContext.create(inputs, RIKET)
    tables = compare_tables(ctx)
    tables.update({t.key: t for t in table_sources(ctx)})
    frame = regions_frame(ctx.sums, inputs, ctx.horizon)
    figures = _figures(ctx, frame)
    return compile_pdf("brief.typ", compare_document(ctx, tables, figures), figures)


def write_compare(out: Path, scenario: str | Path | None = None) -> None:
    """The comparison as PDF (``.pdf``) or as an Excel table package (``.xlsx``)."""
    out = Path(out)
    suffix = out.suffix.lower()
    check_writable(out, (".pdf", ".xlsx"))
    inputs = load_inputs(scenario)
    if suffix == ".pdf":
        write_output(out, render_compare(inputs))
        return
    from .regional import table_sources
    from .tablepackage import write_xlsx

    ctx = BriefContext.create(inputs, RIKET)
    tables = {**compare_tables(ctx), **{t.key: t for t in table_sources(ctx)}}
    write_xlsx(tables, out, inputs.vintage)
