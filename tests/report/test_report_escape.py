"""Text with Typst markup characters appears literally in the PDF."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader

from reglab_forecast.report.brief import render_brief
from reglab_forecast.report.cells import build_cells
from reglab_forecast.report.escape import escape_markup, typst_string
from reglab_forecast.report.render import compile_markup

CASES = [
    "#", "*", "_", "$", "<", ">", "@", "\\", "[", "]", "`", "~", '"', "'", "-", "--", "---",
    "=", "+", "/", ":", "...", "#set page(width: 1cm)", "*fet* _kursiv_", "$x^2$", "@ref",
    "<etikett>", "// kommentar", "/* block */", "https://example.se/a_b", "\\n", "a\\", "[#x]",
    "Lön < 30 000 kr & > 20 %",
]
LINE_START = ["= Rubrik", "- punkt", "+ numrerad", "/ term: förklaring", "1. lista"]


def pdf_text(pdf: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def markup_pdf_text() -> str:
    lines = [f"X{escape_markup(case)}Y\n" for case in CASES]
    lines += [f"{escape_markup(case)}\n" for case in LINE_START]
    source = "#set page(width: 16cm, height: auto)\n#set text(font: \"DejaVu Sans\")\n\n" + (
        "\n".join(lines))
    return pdf_text(compile_markup(source))


@pytest.mark.parametrize("case", CASES)
def test_escaped_markup_is_literal(markup_pdf_text, case):
    assert f"X{case}Y" in markup_pdf_text


@pytest.mark.parametrize("case", LINE_START)
def test_line_start_markers_are_literal(markup_pdf_text, case):
    assert case in markup_pdf_text


def test_typst_string_literal_round_trips():
    text = 'a "b" \\ c\nd'
    source = f"#set text(font: \"DejaVu Sans\")\n#let s = {typst_string(text)}\n#s.len()\n"
    assert str(len(text.encode())) in pdf_text(compile_markup(source))


def test_occupation_name_with_markup_appears_literally_in_brief(inputs):
    nasty = "Test #yrke *[a_b]* $x$ <y> @z \\ `k` ~ \"c\""
    top = inputs.projection.table.query("region == '09'").sort_values(
        "recruitment_need", ascending=False)["ssyk"].iloc[0]
    names = {**inputs.ssyk_names, top: nasty}
    changed = dataclasses.replace(inputs, ssyk_names=names)
    text = pdf_text(render_brief(changed, "09", build_cells(changed)))
    assert nasty in text


def test_scenario_name_with_markup_appears_literally(inputs, cells_all):
    nasty = "Scenario #2 [*fet*] $x$ <y> @z_w \\ ~"
    run = dataclasses.replace(inputs.projection, scenario=nasty)
    text = pdf_text(render_brief(dataclasses.replace(inputs, projection=run), "09", cells_all))
    assert text.count(nasty) >= 3  # header, footer and method section
