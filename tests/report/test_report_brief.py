"""The standard brief: sections, footer, determinism, atomic output, numbers from the tables."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from reglab_forecast.errors import ReglabError
from reglab_forecast.report import brief as brief_module
from reglab_forecast.report.brief import render_brief
from reglab_forecast.report.document import figures_of
from reglab_forecast.report.sections import BRIEF, build_all
from reglab_forecast.report.tablepackage import workbook_bytes
from reglab_forecast.report.tablespec import DECIMALS, format_value

NUMERIC = ("int", "signed", "pct", "signed_pct", "dec", "signed_dec")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_section_heading_is_in_the_pdf(orebro_pages, context_for):
    text = flat(" ".join(orebro_pages))
    sections = build_all(context_for("18"))
    assert [s.key for s in sections] == list(BRIEF)
    for number, section in enumerate(sections, start=1):
        assert f"{number} {section.heading}" in text


def test_footer_on_every_page(orebro_pages):
    total = len(orebro_pages)
    for page_number, text in enumerate(orebro_pages, start=1):
        text = flat(text)
        assert f"Sida {page_number} av {total}" in text
        assert "Källa: SCB" in text and "Scenario: Grundscenario" in text
        assert "Data: yrkesregistret 2014–2024" in text


def test_pdf_title_metadata(orebro_pdf):
    assert PdfReader(io.BytesIO(orebro_pdf)).metadata.title == "Regional kompetensbild: Örebro län"


def test_same_input_gives_identical_bytes(inputs, cells_all, orebro_pdf):
    assert render_brief(inputs, "18", cells_all) == orebro_pdf


def test_figures_have_alt_text_and_swedish_labels(context_for):
    figures = figures_of(build_all(context_for("18")))
    assert len(figures) >= 4
    for figure in figures:
        assert len(figure.alt) > 40 and "Örebro" in figure.alt + figure.svg
        assert "Källa: SCB" in figure.svg
        assert "Date" not in figure.svg  # no timestamp in the SVG


def test_brief_numbers_agree_with_the_table_package(orebro_tables, orebro_pages):
    """Read the Excel package back (unrounded; percentages as fractions), round and format
    its values as the PDF does, and find them in the PDF."""
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(orebro_tables, "test")))
    text = flat(" ".join(orebro_pages))
    for key in ("nyckeltal", "rekryteringsbehov", "vard_omsorg", "lan"):
        table = orebro_tables[key]
        sheet = book[key]
        rows = list(sheet.iter_rows(min_row=6, values_only=True))
        assert len(rows) == len(table.frame)
        for row in rows:
            for column, value in zip(table.columns, row, strict=True):
                if column.kind in NUMERIC and value is not None:
                    if column.kind.endswith("pct"):
                        value = 100 * value  # stored as a fraction with a % format
                    shown = flat(format_value(round(value, DECIMALS[column.kind]),
                                              column.kind))
                    assert shown in text, (key, column.key, value)


def test_table_package_is_unrounded_with_formats(orebro_tables):
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(orebro_tables, "test")))
    assert book.properties.title.startswith("Tabellpaket") and book.properties.creator
    sheet = book["rekryteringsbehov"]
    headers = [c.value for c in sheet[5]]
    share = headers.index("Andel 55+ (uppsk.)") + 1
    cell = sheet.cell(6, share)
    exact = orebro_tables["rekryteringsbehov"].exact["share_55"].iloc[0]
    assert cell.value == pytest.approx(exact / 100) and "%" in cell.number_format
    assert sheet.auto_filter.ref.startswith("A5:")
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows.replace("$", "") == "5:5"
    assert sheet.cell(5, 2).alignment.wrap_text
    full = book["alla_yrken"] if "alla_yrken" in book.sheetnames else None
    assert full is None  # the brief's tables here; the full table comes with write_tables


def test_two_regions_do_not_read_as_copies(summary_of):
    """The summaries are written from rules, so they share a wording; what they say differs:
    at most a fifth of their sentences (numbers included, the län's name left out) are the
    same, and they open differently."""
    def sentences(text: str, name: str) -> set[str]:
        return {s for s in re.split(r"(?<=[.!?])\s+", text.replace(name, "LÄNET")) if s}

    orebro, gotland = summary_of("18"), summary_of("09")
    a, b = sentences(orebro, "Örebro län"), sentences(gotland, "Gotlands län")
    assert len(a & b) / len(a | b) <= 0.2, a & b
    assert orebro.split(":")[0] != gotland.split(":")[0]  # a different opening


def test_the_same_tables_give_the_same_workbook_bytes(orebro_tables, monkeypatch):
    import datetime as dt

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    first = workbook_bytes(orebro_tables, "test")
    assert workbook_bytes(orebro_tables, "test") == first
    book = openpyxl.load_workbook(io.BytesIO(first))
    made = dt.datetime.fromtimestamp(1764000000, dt.UTC).replace(tzinfo=None)
    assert book.properties.created == made and book.properties.modified == made
    assert len(book.sheetnames) == len(orebro_tables) + 1  # and the column guide


def test_failed_render_leaves_no_file(tmp_path, monkeypatch):
    out = tmp_path / "brief.pdf"

    def broken(*_args, **_kwargs):
        raise ReglabError("trasig")

    monkeypatch.setattr(brief_module, "render_brief", broken)
    with pytest.raises(ReglabError):
        brief_module.write_brief("18", out)
    assert list(Path(tmp_path).iterdir()) == []
