"""Exit codes and messages of the report commands."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys

import openpyxl
import pytest
from pypdf import PdfReader

from reglab_forecast.cli import main


def run(argv: list[str], capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_brief_writes_a_pdf(tmp_path, capsys):
    out = tmp_path / "orebro.pdf"
    code, stdout, _ = run(["brief", "--region", "Örebro län", "--out", str(out)], capsys)
    assert code == 0 and str(out) in stdout
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert "Örebro län" in reader.pages[0].extract_text()
    assert [p.name for p in tmp_path.iterdir()] == ["orebro.pdf"]  # no temp files left


def test_unknown_region_exits_2_with_one_line(tmp_path, capsys):
    code, _, err = run(["brief", "--region", "Örebor", "--out", str(tmp_path / "x.pdf")], capsys)
    assert code == 2
    assert err.count("\n") == 1 and "Örebor" in err and "Örebro län" in err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["brief", "--region", "18", "--out", "/nonexistent/dir/x.pdf"], "finns inte"),
        (["brief", "--region", "18"], "--out"),
        (["brief", "--all"], "--out-dir"),
        (["brief", "--region", "18", "--out", "x.pdf", "--scenario", "saknas.toml"], "saknas.toml"),
        (["tables", "--region", "18"], "--out"),
        (["tables", "--region", "18", "--out", "x.csv"], ".xlsx"),
    ],
)
def test_bad_input_exits_2(args, needle, capsys):
    code, _, err = run(args, capsys)
    assert code == 2 and needle in err and err.count("\n") == 1


def _without_write_override() -> list[str]:
    """A command prefix under which file permissions hold: root writes anywhere unless it drops
    CAP_DAC_OVERRIDE (and CAP_DAC_READ_SEARCH), which setpriv does for the child process."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.fail("running as root: needs setpriv (util-linux) to drop CAP_DAC_OVERRIDE")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}", "--"]


def test_unwritable_out_exits_2(tmp_path):
    locked = tmp_path / "låst"
    locked.mkdir(mode=0o500)
    command = [*_without_write_override(), sys.executable, "-m", "reglab_forecast.cli", "brief",
               "--region", "18", "--out", str(locked / "x.pdf")]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "skrivrättighet" in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and list(locked.iterdir()) == []


def test_out_is_a_directory_exits_2(tmp_path, capsys):
    code, _, err = run(["brief", "--region", "18", "--out", str(tmp_path)], capsys)
    assert code == 2 and "mapp" in err


def test_tables_writes_excel_and_csv(tmp_path, capsys):
    xlsx, csv = tmp_path / "t.xlsx", tmp_path / "csv"
    code, _, _ = run(["tables", "--region", "09", "--out", str(xlsx), "--csv", str(csv)], capsys)
    assert code == 0
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames[0] == "Kolumner" and "rekryteringsbehov" in book.sheetnames
    for name in book.sheetnames[1:]:
        assert str(book[name]["A2"].value).startswith("Källa:")
        assert str(book[name]["A3"].value).startswith("Dataversion:")
    assert (csv / "kolumner.csv").exists() and (csv / "nyckeltal.csv").exists()
    # The full län × SSYK4 table: every län, each occupation once per län.
    full = book["alla_yrken"]
    rows = list(full.iter_rows(min_row=6, values_only=True))
    regions = {row[0] for row in rows}
    assert len(regions) == 21 and len(rows) > 21 * 300
    assert len({(row[0], row[2]) for row in rows}) == len(rows)


def test_compare_pdf_and_excel(tmp_path, capsys):
    pdf, xlsx = tmp_path / "jmf.pdf", tmp_path / "jmf.xlsx"
    assert run(["compare", "--out", str(pdf)], capsys)[0] == 0
    assert run(["compare", "--out", str(xlsx)], capsys)[0] == 0
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    for name in ("Riket", "Stockholms län", "Norrbottens län", "i grupper mot riket"):
        assert name in text
    book = openpyxl.load_workbook(xlsx)
    groups = book["grupper"]
    assert groups.max_row - 5 == 21  # every län once, below the title rows
    # No 1–21 ranks: differences inside the intervals are grouped, not ranked.
    headers = [c.value for sheet in book.worksheets[1:] for c in sheet[5]]
    assert not any(str(h).startswith("Rang") for h in headers)


def test_compare_rejects_other_suffix(capsys):
    code, _, err = run(["compare", "--out", "jmf.docx"], capsys)
    assert code == 2 and ".pdf" in err


@pytest.mark.slow
def test_all_briefs_on_two_processes(tmp_path):
    from reglab_forecast.report.brief import write_all_briefs

    results = write_all_briefs(tmp_path / "alla", workers=2, regions=["09", "18"])
    names = sorted(p.name for p in (tmp_path / "alla").iterdir())
    assert names == [".reglab-forecast.json", "kompetensbild-gotlands-lan.pdf",
                     "kompetensbild-orebro-lan.pdf"]
    assert [r.region for r in results] == ["09", "18"]
    ledger = json.loads((tmp_path / "alla" / ".reglab-forecast.json").read_text("utf-8"))
    assert sorted(ledger["files"]) == names[1:]
    # the folder is marked as the toolkit's, so a second run may write into it
    assert [r.region for r in write_all_briefs(tmp_path / "alla", regions=["09"])] == ["09"]


def test_yrke_writes_a_profile_booklet(tmp_path, capsys):
    out = tmp_path / "yrken.pdf"
    code, stdout, _ = run(["yrke", "5321", "2512", "--region", "Örebro län", "--out", str(out)],
                          capsys)
    assert code == 0 and str(out) in stdout
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages]
    text = " ".join(pages).replace("\u00a0", " ")
    assert "(SSYK 5321)" in pages[0] and "(SSYK 2512)" in text
    assert "hela riket" in text and "kan gälla ett större område än länet" in text
    assert "Lön redovisas inte" in text


def test_yrke_rejects_a_code_that_is_not_an_occupation(tmp_path, capsys):
    code, _, err = run(["yrke", "53", "--region", "18", "--out", str(tmp_path / "x.pdf")],
                       capsys)
    assert code == 2 and err.count("\n") == 1 and "5321" in err
    assert list(tmp_path.iterdir()) == []
