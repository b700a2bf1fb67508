"""Turns a composition of sections into the template's data.json, and page 1's metadata.

The template (``templates/brief.typ``) draws blocks of a few types (text, table, figure,
subheading, bullets, key figures); this module maps each part of a :class:`Section` to one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..prose import typeset
from .figures import Figure
from .section import Bullets, FigureGrid, KeyFigures, Part, Section, Subheading, TableView, Text
from .tablespec import Column, Table

__all__ = ["build_document", "document_meta", "figure_block", "figures_of", "table_block",
           "wrap_label"]

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


def part_block(part: Part) -> dict[str, Any]:
    """One part of a section as a template block."""
    if isinstance(part, Text):
        return {"type": "text", "paras": [typeset(p) for p in part.paras if p]}
    if isinstance(part, Subheading):
        return {"type": "subheading", "text": part.text}
    if isinstance(part, Bullets):
        return {"type": "bullets", "items": [typeset(i) for i in part.items]}
    if isinstance(part, KeyFigures):
        items = [{"label": k.label, "value": k.value, "detail": k.detail} for k in part.items]
        return {"type": "keyfigures", "columns": len(items), "items": items}
    if isinstance(part, TableView):
        return table_block(part.table, part.size, part.title)
    if isinstance(part, Table):
        return table_block(part, 6.5)
    if isinstance(part, FigureGrid):
        return {"type": "figuregrid", "columns": part.columns,
                "items": [figure_block(f) for f in part.figures]}
    return figure_block(part)


def section_block(section: Section) -> dict[str, Any]:
    blocks = [part_block(p) for p in section.parts()]
    return {"heading": section.heading, "blocks": blocks, "pagebreak": section.pagebreak,
            "keep": 1}


def figures_of(sections: Iterable[Section]) -> list[Figure]:
    """Every figure the sections show (their SVG files go next to the template)."""
    found: dict[str, Figure] = {}
    for section in sections:
        for part in (*section.figures, *section.parts()):
            if isinstance(part, Figure):
                found[part.name] = part
    return list(found.values())


def build_document(sections: Iterable[Section], meta: dict[str, Any]) -> dict[str, Any]:
    """The whole data.json: page-1 metadata and one entry per section, in order."""
    return {"meta": meta, "sections": [section_block(s) for s in sections]}


def document_meta(title: str, region: str, subtitle: str, scenario: str, vintage: str,
                  produced: str, version: str) -> dict[str, Any]:
    """Title block, running header and footer. ``produced`` is the production date
    (YYYY-MM-DD), ``version`` the package version, ``vintage`` the data version."""
    return {
        "title": title,
        "kicker": "Regional kompetensbild",
        "region": region,
        "subtitle": subtitle,
        "author": "reglab_forecast",
        "keywords": ("kompetensförsörjning", "yrkesprognos", region),
        "description": (f"{subtitle} Framställd {produced} med reglab_forecast {version}. "
                        f"Data: {vintage}. Scenario: {scenario}."),
        "scenario_label": f"Scenario: {scenario}",
        "produced": (f"Framställd {produced} med reglab_forecast {version}. Data: {vintage}. "
                     f"Scenario: {scenario}."),
        "footer": (f"Källa: SCB (yrkesregistret, befolkningsstatistik), Arbetsförmedlingen; "
                   f"egen prognos. Data: {vintage}. Scenario: {scenario}."),
    }
