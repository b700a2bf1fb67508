"""Turns a region's tables into the brief's data.json (nine sections) and its figures."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .breaks import break_years, years_text
from .cells import PAST_YEARS, RIKET
from .figures import Figure, figure_gender, figure_major_groups, figure_regions, figure_total
from .narrative import summary_paragraphs
from .numbers import fmt_int, fmt_pct, fmt_signed_pct
from .regional import regions_frame
from .tables import BriefContext
from .tablespec import Column, Table
from .texts import SECTION_HEADINGS, method_blocks, section_intro

WIDE_COLUMNS = {"ssyk_name", "name", "indicator", "region_name", "title", "flag"}


def wrap_label(label: str, width: int = 10) -> str:
    """Break a column header into short lines (at spaces, en dashes and soft hyphens) so that
    numeric columns can take their natural width and leave the rest to the name column."""
    lines: list[str] = []
    current, joiner = "", ""
    for text, sep in re.findall(r"([^ \u00ad–]+)([ \u00ad–]?)", label):
        piece = text + ("–" if sep == "–" else "")
        if current and len(current + joiner + piece) > width:
            lines.append(current + ("-" if joiner == "\u00ad" else ""))
            current = piece
        else:
            current += ("" if joiner == "\u00ad" else joiner) + piece
        joiner = sep if sep != "–" else ""
    return "\n".join([*lines, current])


def _width(column: Column, cells: list[str]) -> float | str:
    """Numbers take their natural width ("auto"); names and long texts share the rest."""
    longest = max((len(c) for c in cells), default=0)
    if column.key in WIDE_COLUMNS:
        return 1.4 if column.key == "flag" else 3
    if column.kind == "text" and longest > 16:
        return round(min(3.0, longest / 20), 2)
    return "auto"


def table_block(table: Table, size: float = 7.0, title: bool = True) -> dict[str, Any]:
    """A table as the template draws it: labels, alignment, widths and formatted cells."""
    rows = table.cells()
    # A flag column with no flag is left out of the PDF (the table package keeps it).
    keep = [i for i, c in enumerate(table.columns)
            if c.key != "flag" or any(row[i] not in ("", "–") for row in rows)]
    columns = [table.columns[i] for i in keep]
    rows = [[row[i] for i in keep] for row in rows]
    return {
        "type": "table", "title": table.title if title else "", "size": size,
        # With ten or more columns the headers break shorter ("Pension %" on two lines), or
        # the number columns leave the name column too narrow for "Västernorrlands län".
        "columns": [wrap_label(c.label, 7 if len(columns) >= 10 else 10)
                    if c.key not in WIDE_COLUMNS else c.label for c in columns],
        "align": ["left" if c.kind == "text" else "right" for c in columns],
        "widths": [_width(c, [r[i] for r in rows]) for i, c in enumerate(columns)],
        "rows": rows,
        "highlight": list(table.highlight),
        "source": table.source, "note": table.note,
    }


def figure_block(figure: Figure) -> dict[str, Any]:
    return {"type": "figure", "file": f"{figure.name}.svg", "alt": figure.alt}


def _text(*paras: str) -> dict[str, Any]:
    return {"type": "text", "paras": [p for p in paras if p]}


def _keyboxes(key: pd.DataFrame, t0: int, horizon: int) -> dict[str, Any]:
    proj = key.loc[f"proj_{horizon}"]
    items = [
        {"label": f"Sysselsatta {t0}", "value": fmt_int(key.loc["employed", "value"]),
         "detail": (f"{fmt_signed_pct(key.loc['change_adj_pct', 'value'])} sedan "
                    f"{t0 - PAST_YEARS}, justerat för seriebrott")},
        {"label": f"Prognos {horizon}", "value": fmt_int(proj["value"]),
         "detail": f"intervall {fmt_int(proj['lower'])}–{fmt_int(proj['upper'])}"},
        {"label": f"Pensionsavgångar {t0}–{horizon}",
         "value": fmt_int(key.loc["replacement", "value"]),
         "detail": f"andel 55+: {fmt_pct(key.loc['share_55', 'value'])}"},
        {"label": f"Rekryteringsbehov {t0}–{horizon}", "value": fmt_int(key.loc["need", "value"]),
         "detail": f"{fmt_pct(key.loc['need_pct', 'value'])} av de sysselsatta"},
    ]
    return {"type": "keyfigures", "columns": 4, "items": items}


def _paths(frame: pd.DataFrame, t0: int) -> pd.DataFrame:
    """Projection rows after the base year as index year → proj, lower, upper."""
    later = frame[frame["year"] > t0].set_index("year")
    return later.rename(columns={"employed": "proj"})[["proj", "lower", "upper"]]


def build_figures(ctx: BriefContext, tables: dict[str, Table]) -> dict[str, Figure]:
    emp = ctx.inputs.employment
    shown = tuple(y for y in break_years(emp) if emp["year"].min() <= y <= ctx.t0)
    caption = ctx.source("SCB, YREG; egen prognos") + " Skuggat: 80 %-intervall."
    if shown:
        caption += (f" Prickat: seriebrott i registret {years_text(shown)} (2023 bl.a. åldrarna "
                    f"16–69 år och imputerade yrken); nivåskiften där är inte tillväxt.")
    run = ctx.inputs.projection
    mine = emp[emp["region"] == ctx.region]
    total = mine.groupby("year")["employed"].sum()
    assert run.totals is not None and run.major_groups is not None
    proj = _paths(run.totals[run.totals["region"] == ctx.region], ctx.t0)
    groups = mine.assign(g=mine["ssyk"].str[:1]).pivot_table(
        index="year", columns="g", values="employed", aggfunc="sum")
    own = run.major_groups[run.major_groups["region"] == ctx.region]
    gproj = pd.concat({g: _paths(own[own["ssyk"] == g], ctx.t0) for g in groups.columns})
    frame = regions_frame(ctx.sums, ctx.inputs, ctx.horizon)
    names = {g: _short_group(g, ctx.inputs.ssyk_names.get(g, g)) for g in groups.columns}
    figures = [
        figure_total(total, proj, ctx.region_name, caption, shown),
        figure_major_groups(groups, gproj, names, ctx.region_name, caption, shown),
        figure_regions(frame, ctx.region_name, "need_pct",
                       f"Rekryteringsbehov {ctx.t0}–{ctx.horizon} i procent av sysselsatta",
                       ctx.source("SCB, YREG; egen prognos")),
        figure_gender(tables["kon"].frame, ctx.region_name, ctx.source()),
    ]
    return {f.name: f for f in figures}


# Short labels of the SSYK 2012 major groups, for small chart panels.
SHORT_GROUP_NAMES = {
    "0": "Militära yrken", "1": "Chefsyrken", "2": "Fördjupad högskolekompetens",
    "3": "Högskolekompetens", "4": "Administration, kundtjänst",
    "5": "Service, omsorg, försäljning", "6": "Lantbruk, skog, fiske",
    "7": "Bygg, tillverkning", "8": "Maskinell tillverkning, transport",
    "9": "Kortare utbildning",
}


def _short_group(code: str, name: str) -> str:
    return SHORT_GROUP_NAMES.get(code, name)


def build_document(ctx: BriefContext, tables: dict[str, Table],
                   figures: dict[str, Figure]) -> dict[str, Any]:
    """The whole data.json of one brief."""
    key = tables["nyckeltal"].frame
    summary = summary_paragraphs(tables, ctx.region_name, ctx.t0, ctx.horizon)
    blocks: list[list[dict[str, Any]]] = [
        [_text(*summary), _keyboxes(key, ctx.t0, ctx.horizon)],
        [_text(section_intro("nyckeltal", ctx)), table_block(tables["nyckeltal"], 8),
         figure_block(figures["total"])],
        [_text(section_intro("yrkesomraden", ctx)), figure_block(figures["yrkesomraden"]),
         table_block(tables["yrkesomraden"], 6.5)],
        [_text(section_intro("rekryteringsbehov", ctx)),
         table_block(tables["rekryteringsbehov"], 6.5)],
        [_text(section_intro("vaxande", ctx)), table_block(tables["vaxande"], 6.5),
         table_block(tables["minskande"], 6.5)],
        [_text(section_intro("lan", ctx)), figure_block(figures["lan"]),
         table_block(tables["lan"], 6.5)],
        [_text(section_intro("vard_omsorg", ctx)), table_block(tables["vard_omsorg"], 6.5)],
        [_text(section_intro("kon", ctx)), table_block(tables["kon"], 7),
         figure_block(figures["kon"])],
        method_blocks(ctx, tables, table_block),
    ]
    sections = [{"heading": h, "blocks": b, "pagebreak": i == 8, "keep": 1}
                for i, (h, b) in enumerate(zip(SECTION_HEADINGS, blocks, strict=True))]
    return {"meta": _meta(ctx), "sections": sections}


def _meta(ctx: BriefContext) -> dict[str, Any]:
    scenario = ctx.inputs.projection.scenario
    return {
        "title": f"Regional kompetensbild: {ctx.region_name}",
        "kicker": "Regional kompetensbild",
        "region": ctx.region_name,
        "subtitle": (f"Sysselsättning, prognos och rekryteringsbehov per yrke {ctx.t0}–"
                     f"{ctx.horizon}. Metod: Reglab standard."),
        "author": "reglab_forecast",
        "keywords": ("kompetensförsörjning", "yrkesprognos", ctx.region_name),
        "scenario_label": f"Scenario: {scenario}",
        "footer": (f"Källa: SCB (yrkesregistret, befolkningsstatistik), Arbetsförmedlingen; "
                   f"egen prognos. Data: {ctx.inputs.vintage}. Scenario: {scenario}."),
        "riket": RIKET,
    }
