"""The brief's public surface as the fault-catching tests use it, in one place.

The tests read a brief three ways: its tables (the frames the PDF and the table package show),
its summary text, and the text of the rendered PDF. If the report's modules are reorganised,
only these functions follow them.
"""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from reglab_forecast.report.brief import render_brief
from reglab_forecast.report.inputs import ReportInputs
from reglab_forecast.report.narrative import summary_paragraphs
from reglab_forecast.report.tables import BriefContext, all_tables
from reglab_forecast.report.tablespec import Table


def brief_tables(inputs: ReportInputs, region: str) -> dict[str, Table]:
    """Every table of ``region``'s brief by key (rekryteringsbehov, vaxande, lan, …)."""
    return all_tables(BriefContext.create(inputs, region))


def brief_summary(inputs: ReportInputs, region: str,
                  tables: dict[str, Table] | None = None) -> str:
    """The Sammanfattning of ``region``'s brief as one string."""
    ctx = BriefContext.create(inputs, region)
    tables = all_tables(ctx) if tables is None else tables
    return " ".join(summary_paragraphs(tables, ctx.region_name, ctx.t0, ctx.horizon))


def flat(text: str) -> str:
    """Text with every run of white space (line breaks, no-break spaces) as one space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def pdf_text(inputs: ReportInputs, region: str) -> str:
    """The text of ``region``'s rendered PDF, white space flattened."""
    pdf = render_brief(inputs, region)
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
