"""The section 'Utbildning och kompetens', its PDF, its table package and the command."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from reglab_forecast.cli import main
from reglab_forecast.education.balance import BALANCE, NEED_LARGER, SUPPLY_LARGER
from reglab_forecast.report.section_pdf import section_pdf
from reglab_forecast.report.sections.utbildning import HEADING, build_from


@pytest.fixture(scope="module")
def section(outlook):
    return build_from(outlook, "18", "Örebro län")


def test_section_tables_say_the_link_is_national_and_from_which_years(section):
    assert section.heading == HEADING
    level, balance, people, field = section.tables
    assert "nationell" in level.source and "2014–2018" in level.source
    assert "nationell" in balance.source
    assert "nationell" in field.source and "v25" in field.source
    assert 10 <= len(field.frame) <= 15
    assert "övrig eller okänd" not in set(field.frame["education"])
    assert len(level.frame) == 6 and len(people.frame) == 6


def test_verdicts_never_stronger_than_the_intervals(outlook):
    frame = outlook.balance
    assert len(frame) == 21 * 4
    assert (frame["supply_lower"] <= frame["supply"]).all()
    assert (frame["supply"] <= frame["supply_upper"]).all()
    for row in frame.itertuples():
        if row.verdict == NEED_LARGER:
            assert row.need_lower > row.supply_upper
        elif row.verdict == SUPPLY_LARGER:
            assert row.supply_lower > row.need_upper
        else:
            assert row.verdict == BALANCE
            assert row.need_lower <= row.supply_upper and row.supply_lower <= row.need_upper


def test_entrant_error_covers_the_measured_error():
    from reglab_forecast.education.balance import ENTRANT_ERROR
    from reglab_forecast.education.hindcast import entrant_errors

    errors = entrant_errors()
    worst = errors.groupby("origin")["rel_error"].apply(lambda e: e.abs().quantile(0.8)).max()
    assert worst <= ENTRANT_ERROR


def test_level_table_need_matches_the_projection(section, projection):
    level, balance = section.tables[0].frame, section.tables[1].frame
    total = projection.table
    total = total[(total["region"] == "18") & (total["year"] == max(projection.target_years))]
    expected = total["recruitment_need"].sum()
    assert level["recruitment_need"].sum() == pytest.approx(expected, abs=6)
    assert balance["need"].sum() == pytest.approx(expected, abs=6)


def test_section_pdf_has_the_heading_and_the_source(section):
    pdf = section_pdf(section, "Örebro län", "Rekryteringsbehov efter utbildning",
                      "Källa: SCB; egen prognos.")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert HEADING in text
    assert "nationell" in text
    assert "förgymnasial" in text


def test_cli_writes_pdf_and_tables(tmp_path, capsys):
    pdf, csv = tmp_path / "utb.pdf", tmp_path / "csv"
    assert main(["utbildning", "--region", "Örebro", "--pdf", str(pdf), "--csv", str(csv)]) == 0
    assert PdfReader(pdf).pages
    assert (csv / "utbildning_niva.csv").is_file()
    assert (csv / "utbildning_inriktning.csv").is_file()
    assert main(["utbildning", "--region", "18", "--pdf", str(tmp_path / "x.txt")]) == 2


def test_brief_package_and_compare_compose_the_section():
    from reglab_forecast.report.context import BriefContext
    from reglab_forecast.report.inputs import load_inputs
    from reglab_forecast.report.sections import BRIEF, COMPARE, PACKAGE, get

    assert "utbildning" in BRIEF and "utbildning" in PACKAGE and "utbildning" in COMPARE
    inputs = load_inputs()
    ctx = BriefContext.create(inputs, "18")
    section = get(ctx, "utbildning")
    assert section.heading == HEADING
    assert "eftergymnasial" in section.summary[0]
    assert section.summary[0] in " ".join(get(ctx, "sammanfattning").paragraphs)
    # the comparison context (Riket) gets one row per län, from the same outlook
    compare = get(BriefContext.create(inputs, "00", ctx.cells_all), "utbildning")
    assert len(compare.tables[0].frame) == 21
    assert inputs.extras["education"].base_year == inputs.base_year


def test_summary_names_each_level_under_the_verdict_the_balance_table_gives(outlook):
    for region in ("01", "09", "18", "25"):
        summary = build_from(outlook, region, "länet").summary[0]
        balance = outlook.region(region).balance
        for verdict, words in ((NEED_LARGER, "är behovet större än tillskottet av unga"),
                               (SUPPLY_LARGER, "är tillskottet av unga större än behovet")):
            levels = [str(e).replace(", ", " ")
                      for e in balance.loc[balance["verdict"] == verdict, "education"]]
            if levels:
                clause = summary[max(0, summary.index(words) - 200):summary.index(words)]
                assert all(level in clause for level in levels), (region, verdict, summary)
            else:
                assert words not in summary
        rest = (balance["verdict"] == BALANCE).any()
        assert ("övriga nivåer ryms skillnaden inom osäkerheten" in summary) == bool(
            rest and (balance["verdict"] != BALANCE).any()), summary
        assert ": behovet" not in summary and "; gymnasial" not in summary
