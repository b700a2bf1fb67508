"""Occupation profiles (yrkesprofil): one occupation in one län, in the manner of the BLS
Occupational Outlook Handbook, composed from the same context and cells as the brief.

``write_profile("5321", "18", out)``: what they do (Arbetsförmedlingen's text), employed in the
län and Riket with history, the projection with its interval and verbal outlook, retirements
and recruitment need per year, share of women, Arbetsförmedlingen's view (Yrkesprognos for
Riket, Yrkesbarometer for the län), ads and similar occupations. Several codes make a booklet.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..files import write_output
from ..occupations import check_code
from .context import BriefContext, make_table
from .figures import figure_total
from .inputs import ReportInputs
from .prose import about, per_year, prose_pct, prose_range, prose_signed_pct
from .run_cache import shared_run
from .section import Bullets, KeyFigure, KeyFigures, Section, Subheading, TableView, Text
from .tablespec import Column, Table

__all__ = ["profile_section", "render_profile", "write_profile"]

HISTORY_YEARS = 10
PAY_NOTE = "Lön redovisas inte här eftersom det inte finns en bekräftad källa i underlaget."


def _cell(ctx: BriefContext, code: str) -> pd.Series:
    cells = ctx.need_cells
    rows = cells[cells["ssyk"] == code]
    if rows.empty:
        raise InputError(f"yrke {code}: ange en fyrsiffrig SSYK 2012-kod som finns i länet, "
                         f"t.ex. 5321")
    return rows.iloc[0]


def _history_table(ctx: BriefContext, code: str) -> Table:
    emp = ctx.inputs.employment
    rows = emp[(emp["ssyk"] == code) & (emp["year"] > ctx.t0 - HISTORY_YEARS)]
    lan = rows[rows["region"] == ctx.region].groupby("year")["employed"].sum()
    riket = rows.groupby("year")["employed"].sum()
    frame = pd.DataFrame({"year": lan.index.astype(str), "lan": lan.to_numpy(),
                          "riket": riket.reindex(lan.index).to_numpy()})
    columns = (Column("year", "År", "text", "Registerår."),
               Column("lan", ctx.region_name, "int", "Anställda i länet."),
               Column("riket", "Riket", "int", "Anställda i hela landet."))
    return make_table(f"historik_{code}", "Anställda per år (registret, med seriebrott)",
                      columns, frame, ctx.source())


def _outlook_table(ctx: BriefContext, cell: pd.Series) -> Table:
    t = ctx.horizon
    columns = [Column("employed", f"Anställda {ctx.t0}", "int", "Anställda i länet.")]
    for y in ctx.targets:
        columns.append(Column(f"proj_{y}", f"Prognos {y}", "int", f"Prognos för {y}."))
    columns += [
        Column(f"lower_{t}", f"{t} lägre", "int", "Nedre gräns, 80 %-intervall."),
        Column(f"upper_{t}", f"{t} övre", "int", "Övre gräns, 80 %-intervall."),
        Column(f"replacement_{t}", "Pensions­avgångar", "int", f"{ctx.t0}–{t}."),
        Column(f"need_{t}", "Rekryterings­behov", "int", f"{ctx.t0}–{t}, lägst 0."),
        Column("share_55", "Andel 55+ (uppsk.)", "pct", "Skattad för länet."),
        Column("women_share", "Andel kvinnor", "pct", f"Andel kvinnor {ctx.t0}."),
    ]
    frame = cell.to_frame().T.assign(women_share=100 * cell["women"] / cell["employed"])
    return make_table(f"prognos_{cell['ssyk']}", f"Prognos och rekryteringsbehov i "
                      f"{ctx.region_name}", columns, frame,
                      ctx.source("SCB, YREG; egen prognos"))


def _what_they_do(code: str) -> tuple[str, tuple[str, ...]]:
    import reglab_forecast as rf

    info = rf.load_occupation_info(code)
    if info.empty:
        return "", ()
    text = str(info["description"].iloc[0]).split("\n\n")[0].strip()
    similar = [s.strip() for s in str(info["similar_occupations"].iloc[0]).split(";")]
    return text, tuple(s for s in similar if s)[:8]


def _af_lines(ctx: BriefContext, cell: pd.Series) -> tuple[str, ...]:
    lines = []
    if pd.notna(cell["af_rating"]):
        lines.append(f"Yrkesprognosen (hela riket): bristvärde {int(cell['af_rating'])} av 5.")
    if isinstance(cell.get("af_outlook"), str):
        lines.append(f"Yrkesbarometern ({ctx.region_name}; kan gälla ett större område än "
                     f"länet): jobbmöjligheterna är {cell['af_opportunities'] or 'okända'}, "
                     f"efterfrågan väntas {cell['af_outlook']} på fem år (omgång "
                     f"{cell['af_round']}).")
    if cell["flag"]:
        lines.append(f"Avvikelse mot prognosen: {cell['flag']}.")
    if pd.notna(cell["ads"]):
        lines.append(f"Platsbanken {ctx.inputs.extras.get('ads_year', '')}: "
                     f"{about(cell['ads'])} annonser i länet (annonser är inte vakanser).")
    return tuple(lines)


def _figure(ctx: BriefContext, code: str):  # type: ignore[no-untyped-def]
    emp = ctx.inputs.employment
    history = emp[(emp["region"] == ctx.region) & (emp["ssyk"] == code)].groupby(
        "year")["employed"].sum()
    table = ctx.inputs.projection.table
    mine = table[(table["region"] == ctx.region) & (table["ssyk"] == code)]
    proj = mine.set_index("year").rename(columns={"employed": "proj"})[["proj", "lower", "upper"]]
    name = ctx.inputs.ssyk_names.get(code, code)
    figure = figure_total(history, proj, ctx.region_name,
                          ctx.source("SCB, YREG; egen prognos") + f" Yrke: {name} (SSYK {code})."
                          " Skuggat: 80 %-intervall.")
    return type(figure)(f"yrke_{code}", figure.svg, figure.alt, figure.height_cm)


def profile_section(ctx: BriefContext, ssyk: str) -> Section:
    """The profile of SSYK4 ``ssyk`` in the context's län. Raises InputError for a code that
    is not an SSYK 2012 level-4 code of the län."""
    code = check_code(ssyk)
    cell = _cell(ctx, code)
    t = ctx.horizon
    name = ctx.inputs.ssyk_names.get(code, code)
    text, similar = _what_they_do(code)
    outlook = (f"Enligt prognosen blir antalet anställda i {ctx.region_name} "
               f"{about(cell[f'proj_{t}'])} år {t} ({prose_signed_pct(cell['change'])}); "
               f"jämfört med länets genomsnitt: "
               f"{cell['outlook'] or 'okänt'}. Fram till {t} behövs {about(cell[f'need_{t}'])} "
               f"nya anställda, {per_year(cell[f'need_{t}'] / (t - ctx.t0))}.")
    boxes = KeyFigures((
        KeyFigure(f"Anställda {ctx.t0}", about(cell["employed"]), ctx.region_name),
        KeyFigure(f"Prognos {t}", about(cell[f"proj_{t}"]),
                  f"intervall {prose_range(cell[f'lower_{t}'], cell[f'upper_{t}'])}"),
        KeyFigure("Rekryteringsbehov per år", about(cell[f"need_{t}"] / (t - ctx.t0)),
                  f"{ctx.t0}–{t}"),
        KeyFigure("Andel kvinnor", prose_pct(100 * cell["women"] / cell["employed"]),
                  f"{ctx.t0}"),
    ))
    history, table = _history_table(ctx, code), _outlook_table(ctx, cell)
    chart = _figure(ctx, code)
    layout = (
        Text((text + " (Arbetsförmedlingens yrkesbeskrivning.)",) if text else ()), boxes,
        Subheading("Utsikter"), Text((outlook,)), chart, TableView(table, 7),
        TableView(history, 7),
        Subheading("Arbetsförmedlingens bild"), Bullets(_af_lines(ctx, cell)),
        Subheading("Liknande yrken"), Text((", ".join(similar) + "." if similar else "–",)),
        Text((PAY_NOTE,)),
    )
    return Section(f"yrke_{code}", f"{name} (SSYK {code})", tables=(table, history),
                   figures=(chart,), layout=layout, pagebreak=True)


def render_profile(inputs: ReportInputs, region: str, codes: list[str],
                   cells_all: pd.DataFrame | None = None) -> bytes:
    """The PDF of the profiles of ``codes`` in ``region`` (one per page or two)."""
    from .brief import brief_meta, render_sections

    ctx = BriefContext.create(inputs, region, cells_all)
    sections = [profile_section(ctx, code) for code in codes]
    sections[0] = replace(sections[0], pagebreak=False)  # the first starts on page 1
    title = f"Yrkesprofil: {ctx.region_name}"
    subtitle = (f"{len(codes)} yrken" if len(codes) > 1 else sections[0].heading) + (
        f", {ctx.t0}–{ctx.horizon}. Metod: Reglab standard.")
    return render_sections(ctx, sections, brief_meta(ctx, title, ctx.region_name, subtitle))


def write_profile(ssyk: str | list[str], region: str, out: Path,
                  scenario: str | Path | None = None) -> Path:
    """Write the profile(s) of ``ssyk`` (SSYK4 codes) in ``region`` to ``out`` (PDF)."""
    from .brief import resolve
    from .render import check_writable

    out = Path(out)
    check_writable(out)
    codes = [check_code(c) for c in ([ssyk] if isinstance(ssyk, str) else ssyk)]
    run = shared_run(scenario)
    write_output(out, render_profile(run.inputs, resolve(region), codes, run.cells))
    return out
