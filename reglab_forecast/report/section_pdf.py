"""One section of the brief on its own: a PDF with the brief's layout, and its tables as a
table package. Used by commands that write a single section (``utbildning --pdf``)."""

from __future__ import annotations

from typing import Any

from .document import figure_block, table_block
from .render import compile_pdf
from .section import Section

__all__ = ["section_document", "section_pdf"]


def section_document(section: Section, region_name: str, subtitle: str, footer: str,
                     scenario: str = "bas") -> dict[str, Any]:
    """The data.json of ``templates/brief.typ`` holding only ``section``."""
    paragraphs = [*section.summary, *section.paragraphs]
    blocks: list[dict[str, Any]] = [{"type": "text", "paras": paragraphs}]
    blocks += [table_block(table, 7) for table in section.tables]
    blocks += [figure_block(figure) for figure in section.figures]
    meta = {
        "title": f"{section.heading}: {region_name}", "kicker": section.heading,
        "region": region_name, "subtitle": subtitle, "author": "reglab_forecast",
        "keywords": ("kompetensförsörjning", section.heading, region_name),
        "scenario_label": f"Scenario: {scenario}", "footer": footer, "riket": "Riket",
    }
    return {"meta": meta, "sections": [{"heading": section.heading, "blocks": blocks,
                                        "pagebreak": False, "keep": 1}]}


def section_pdf(section: Section, region_name: str, subtitle: str, footer: str,
                scenario: str = "bas") -> bytes:
    """The PDF of ``section`` alone (A4, the brief's fonts and layout)."""
    document = section_document(section, region_name, subtitle, footer, scenario)
    return compile_pdf("brief.typ", document, section.figures)
