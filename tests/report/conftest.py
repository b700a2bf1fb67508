"""Shared, expensive fixtures of the report tests: one data load and one rendered brief."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from pypdf import PdfReader

from reglab_forecast.report.brief import render_brief
from reglab_forecast.report.cells import build_cells
from reglab_forecast.report.context import BriefContext
from reglab_forecast.report.inputs import ReportInputs, load_inputs
from reglab_forecast.report.sections import get
from reglab_forecast.report.tables import all_tables
from reglab_forecast.report.tablespec import Table

OREBRO = "18"
GOTLAND = "09"


@pytest.fixture(scope="session")
def inputs() -> ReportInputs:
    return load_inputs()


@pytest.fixture(scope="session")
def cells_all(inputs: ReportInputs) -> pd.DataFrame:
    return build_cells(inputs)


@pytest.fixture(scope="session")
def orebro_pdf(inputs: ReportInputs, cells_all: pd.DataFrame) -> bytes:
    return render_brief(inputs, OREBRO, cells_all)


@pytest.fixture(scope="session")
def orebro_pages(orebro_pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(orebro_pdf)).pages]


@pytest.fixture(scope="session")
def tables_for(context_for):  # type: ignore[no-untyped-def]
    return lambda region: all_tables(context_for(region))


@pytest.fixture(scope="session")
def orebro_tables(tables_for) -> dict[str, Table]:  # type: ignore[no-untyped-def]
    return tables_for(OREBRO)


@pytest.fixture(scope="session")
def gotland_tables(tables_for) -> dict[str, Table]:  # type: ignore[no-untyped-def]
    return tables_for(GOTLAND)


@pytest.fixture(scope="session")
def context_for(inputs: ReportInputs, cells_all: pd.DataFrame):  # type: ignore[no-untyped-def]
    """One context per region for the whole session (its sections are built once)."""
    made: dict[str, BriefContext] = {}

    def make(region: str) -> BriefContext:
        if region not in made:
            made[region] = BriefContext.create(inputs, region, cells_all)
        return made[region]

    return make


@pytest.fixture(scope="session")
def summary_of(context_for):  # type: ignore[no-untyped-def]
    """The summary of a region's brief as one string."""
    return lambda region: " ".join(get(context_for(region), "sammanfattning").paragraphs)
