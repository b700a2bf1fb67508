"""Shared, expensive fixtures of the report tests: one data load and one rendered brief."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from pypdf import PdfReader

from reglab_forecast.report.brief import render_brief
from reglab_forecast.report.cells import build_cells
from reglab_forecast.report.inputs import ReportInputs, load_inputs
from reglab_forecast.report.tables import BriefContext, all_tables
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


def tables_of(inputs: ReportInputs, cells_all: pd.DataFrame, region: str) -> dict[str, Table]:
    return all_tables(BriefContext.create(inputs, region, cells_all))


@pytest.fixture(scope="session")
def tables_for(inputs: ReportInputs, cells_all: pd.DataFrame):  # type: ignore[no-untyped-def]
    return lambda region: tables_of(inputs, cells_all, region)


@pytest.fixture(scope="session")
def orebro_tables(inputs: ReportInputs, cells_all: pd.DataFrame) -> dict[str, Table]:
    return tables_of(inputs, cells_all, OREBRO)


@pytest.fixture(scope="session")
def gotland_tables(inputs: ReportInputs, cells_all: pd.DataFrame) -> dict[str, Table]:
    return tables_of(inputs, cells_all, GOTLAND)
