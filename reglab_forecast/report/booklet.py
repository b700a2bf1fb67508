"""Booklets: the occupation profiles of a field (or of a list of SSYK codes) in one län, with a
contents page, as one PDF.

    write_booklet("vård och omsorg", "18", Path("vard-orebro.pdf"))   # a field of the brief
    write_booklet(["5321", "2221"], "18", Path("tva-yrken.pdf"))      # a list of SSYK codes

The fields are those the brief already uses: "vård och omsorg" (the focus section's list of
SSYK codes) and the ten yrkesområden (SSYK 2012 level 1, given as the digit or its name). A
field's booklet holds every occupation of the field with employees in the län, in code order.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..files import write_output
from ..occupations import check_code, occupation_name
from .brief import brief_meta, resolve
from .context import BriefContext, make_table
from .document import build_document, figures_of
from .inputs import ReportInputs
from .profile import profile_section
from .prose import about
from .render import check_writable, compile_pdf
from .run_cache import shared_run
from .section import Section, TableView, Text
from .sections.vard_omsorg import HEALTH_CARE_PREFIXES
from .sections.yrkesomraden import SHORT_GROUP_NAMES
from .tablespec import Column, Table

__all__ = ["Area", "area_codes", "booklet_areas", "find_area", "render_booklet",
           "write_booklet"]

CONTENTS = "Innehåll"


@dataclass(frozen=True)
class Area:
    """A field of occupations: ``key`` as typed on the command line, ``name`` in Swedish,
    ``prefixes`` the SSYK 2012 codes (any level) whose occupations it holds."""

    key: str
    name: str
    prefixes: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # other names that find it (the brief's short names)

    @property
    def title(self) -> str:
        """The field in running text: "vård och omsorg", "yrkesområde 9 (Yrken med …)"."""
        return f"yrkesområde {self.key} ({self.name})" if self.key.isdigit() else self.name


def booklet_areas() -> list[Area]:
    """Vård och omsorg, then the ten yrkesområden (SSYK 2012 level 1, named as in SSYK;
    the brief's short names find them too)."""
    areas = [Area("vard-och-omsorg", "vård och omsorg", HEALTH_CARE_PREFIXES)]
    areas += [Area(code, occupation_name(code), (code,), (short,))
              for code, short in sorted(SHORT_GROUP_NAMES.items())]
    return areas


def _plain(text: str) -> str:
    """Lower case without diacritics, words joined by '-': "Vård och omsorg" → "vard-och-omsorg"."""
    bare = unicodedata.normalize("NFKD", text.strip().lower())
    bare = "".join(c for c in bare if not unicodedata.combining(c))
    return "-".join(bare.replace(",", " ").split())


def find_area(text: str) -> Area:
    """The field named by ``text`` (its key, its name or an SSYK level-1 digit, any case);
    ``InputError`` naming the nearest valid field if there is none."""
    wanted = _plain(text)
    areas = booklet_areas()
    for area in areas:
        if wanted in (area.key, _plain(area.name), *map(_plain, area.aliases)):
            return area
    names = {_plain(a.name): a.name for a in areas}
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.0)
    nearest = names[close[0]] if close else areas[0].name
    raise InputError(f"okänt yrkesområde {text!r}; menade du \"{nearest}\"? (eller en siffra "
                     f"0–9 för ett yrkesområde i SSYK 2012)")


def area_codes(ctx: BriefContext, area: Area) -> list[str]:
    """The SSYK 2012 level-4 codes of ``area`` with employees in the context's län, sorted."""
    cells = ctx.need_cells
    inside = cells["ssyk"].str.startswith(area.prefixes) & (cells["employed"] > 0)
    return sorted(cells.loc[inside, "ssyk"].astype(str))


def contents_table(ctx: BriefContext, codes: list[str]) -> Table:
    """One row per occupation of the booklet: employed, projection, need per year, outlook."""
    t = ctx.horizon
    cells = ctx.need_cells.set_index("ssyk").loc[codes].reset_index()
    frame = cells.assign(need_per_year=cells[f"need_{t}"] / (t - ctx.t0))
    columns = (
        Column("ssyk", "SSYK", "text", "Yrke enligt SSYK 2012."),
        Column("ssyk_name", "Yrke", "text", "Yrkets namn."),
        Column("employed", f"Anställda {ctx.t0}", "int", f"Anställda i länet {ctx.t0}."),
        Column(f"proj_{t}", f"Prognos {t}", "int", f"Prognos för {t}."),
        Column("change", f"Förändr. {ctx.t0}–{t}", "signed_pct", "Prognostiserad förändring."),
        Column("need_per_year", "Rekr.­behov per år", "int",
               f"Rekryteringsbehov {ctx.t0}–{t} delat med antalet år."),
        Column("outlook", "Utsikt mot länets snitt", "text",
               "Utsikten i ord, med hänsyn till intervallet."),
    )
    return make_table("innehall", "Yrkena i häftet", columns, frame,
                      ctx.source("SCB, YREG; egen prognos"))


def contents_section(ctx: BriefContext, codes: list[str], what: str) -> Section:
    table = contents_table(ctx, codes)
    total = float(ctx.need_cells.set_index("ssyk").loc[codes, "employed"].sum())
    intro = (f"Häftet samlar yrkesprofilerna för {len(codes)} {what} i "
             f"{ctx.region_name}: tillsammans {about(total)} anställda {ctx.t0}. Varje profil "
             "visar vad yrket gör, anställda i länet och riket, prognosen med intervall, "
             "rekryteringsbehovet och Arbetsförmedlingens bild.")
    return Section("innehall", CONTENTS, (intro,), (table,),
                   layout=(Text((intro,)), TableView(table, 6.5)))


def _document(ctx: BriefContext, sections: list[Section], meta: dict) -> dict:
    """The template's data: the contents section unnumbered, its list of pages after the
    intro."""
    document = build_document(sections, meta)
    first = document["sections"][0]
    first["outlined"] = False
    first["blocks"].insert(1, {"type": "outline"})
    return document


def render_booklet(inputs: ReportInputs, region: str, codes: list[str], what: str,
                   cells_all: pd.DataFrame | None = None) -> bytes:
    """The booklet's PDF: a contents page, then one profile per code (each from a new page).
    ``what`` names the selection after its number ("yrken inom vård och omsorg",
    "valda yrken")."""
    return _render(BriefContext.create(inputs, region, cells_all), codes, what)


def _render(ctx: BriefContext, codes: list[str], what: str) -> bytes:
    profiles = [replace(profile_section(ctx, code), pagebreak=True) for code in codes]
    sections = [contents_section(ctx, codes, what), *profiles]
    subtitle = (f"Yrkesprofiler för {len(codes)} {what}, {ctx.t0}–{ctx.horizon}. "
                "Metod: Reglab standard.")
    meta = brief_meta(ctx, f"Yrkesprofiler, {ctx.region_name}", ctx.region_name, subtitle)
    return compile_pdf("brief.typ", _document(ctx, sections, meta), figures_of(sections))


def write_booklet(selection: str | list[str], region: str, out: Path,
                  scenario: str | Path | None = None) -> Path:
    """Write the booklet of a field (``selection`` a field's name or key, see
    ``booklet_areas``) or of a list of SSYK level-4 codes in ``region`` to ``out`` (PDF).

    Raises ``InputError`` for an unknown field, region or code, or a field without
    employees in the län; the file appears only when the whole booklet is made."""
    out = Path(out)
    check_writable(out)
    region = resolve(region)
    if isinstance(selection, str):
        area = find_area(selection)
        codes: list[str] | None = None
    else:
        codes = [check_code(c) for c in selection]
    run = shared_run(scenario)
    ctx = BriefContext.create(run.inputs, region, run.cells)
    if codes is None:
        codes = area_codes(ctx, area)
        if not codes:
            raise InputError(f"yrkesområdet {area.name!r} har inga anställda i "
                             f"{ctx.region_name}; välj ett annat, t.ex. \"vård och omsorg\"")
        what = f"yrken inom {area.title}"
    else:
        what = "valda yrken"
    write_output(out, _render(ctx, codes, what))
    return out
