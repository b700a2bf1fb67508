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
from reglab_forecast.report.context import BriefContext
from reglab_forecast.report.inputs import ReportInputs
from reglab_forecast.report.sections import BRIEF, build_all, get, tables_of
from reglab_forecast.report.tablespec import Table


def brief_tables(inputs: ReportInputs, region: str) -> dict[str, Table]:
    """Every table of ``region``'s brief by key (rekryteringsbehov, vaxande, lan, …)."""
    return brief_parts(inputs, region)[0]


def brief_summary(inputs: ReportInputs, region: str) -> str:
    """The Sammanfattning of ``region``'s brief as one string."""
    return brief_parts(inputs, region)[1]


def brief_parts(inputs: ReportInputs, region: str) -> tuple[dict[str, Table], str]:
    """The tables and the summary text of one brief, built once."""
    ctx = BriefContext.create(inputs, region)
    tables = tables_of(build_all(ctx, BRIEF))
    return tables, " ".join(get(ctx, "sammanfattning").paragraphs)


def flat(text: str) -> str:
    """Text with every run of white space (line breaks, no-break spaces) as one space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def pdf_text(inputs: ReportInputs, region: str) -> str:
    """The text of ``region``'s rendered PDF, white space flattened."""
    pdf = render_brief(inputs, region)
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
