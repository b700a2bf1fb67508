"""Booklets of occupation profiles: a field of the brief (or a list of codes) in one län, with a
contents page whose page numbers lead to the profiles."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from reglab_forecast.cli import main
from reglab_forecast.errors import ReglabError
from reglab_forecast.report.booklet import booklet_areas, find_area, write_booklet
from reglab_forecast.report.sections.vard_omsorg import HEALTH_CARE_PREFIXES

OREBRO = "18"
CONTENTS_LINE = re.compile(r"^\d+ (.+\(SSYK (\d{4})\))[ .]+(\d+)$")


@pytest.fixture(scope="module")
def care_booklet(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("booklet") / "vard.pdf"
    assert write_booklet("vård och omsorg", "Örebro", out) == out
    return [page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages]


def _contents(pages: list[str]) -> dict[str, tuple[str, int]]:
    """SSYK code → (heading, page number) as the contents lists them."""
    found = {}
    for page in pages[:3]:
        for line in page.splitlines():
            match = CONTENTS_LINE.match(line.strip())
            if match:
                found[match[2]] = (match[1], int(match[3]))
    return found


def test_areas_are_found_by_name_key_or_digit() -> None:
    assert find_area("Vård och omsorg").prefixes == HEALTH_CARE_PREFIXES
    assert find_area("vard-och-omsorg") == find_area("VÅRD OCH OMSORG")
    assert find_area("2").prefixes == ("2",)
    assert find_area("Bygg, tillverkning").prefixes == ("7",)
    assert find_area("Yrken med krav på kortare utbildning eller introduktion").key == "9"
    assert len(booklet_areas()) == 11


def test_an_unknown_area_names_the_nearest() -> None:
    with pytest.raises(ReglabError, match='menade du "vård och omsorg"') as caught:
        find_area("vård o omsorg")
    assert isinstance(caught.value, ValueError) and "\n" not in str(caught.value)


def test_the_care_booklet_holds_every_care_occupation_of_the_lan(
        care_booklet: list[str], inputs) -> None:  # type: ignore[no-untyped-def]
    emp = inputs.employment
    base = emp[(emp["region"] == OREBRO) & (emp["year"] == emp["year"].max())]
    sizes = base.groupby("ssyk")["employed"].sum()
    expected = sorted(c for c, n in sizes.items()
                      if str(c).startswith(HEALTH_CARE_PREFIXES) and n > 0)
    contents = _contents(care_booklet)
    assert sorted(contents) == expected and "5321" in contents
    assert "Innehåll" in care_booklet[0] and "yrken inom vård och omsorg" in care_booklet[0]


def test_the_contents_page_numbers_lead_to_the_profiles(care_booklet: list[str]) -> None:
    contents = _contents(care_booklet)
    pages = [page.replace("\u00a0", " ") for page in care_booklet]
    for code, (heading, number) in contents.items():
        top = " ".join(" ".join(pages[number - 1].splitlines()[:4]).split())
        assert heading in top, (code, number)
    numbers = [number for _, number in contents.values()]
    assert numbers == sorted(numbers) and max(numbers) <= len(care_booklet)


def test_yrke_all_in_area_writes_a_booklet(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "militar.pdf"
    code = main(["yrke", "--all-in-area", "0", "--region", "Gotland", "--out", str(out)])
    assert code == 0 and str(out) in capsys.readouterr().out
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages]
    assert "Innehåll" in pages[0] and "Gotlands län" in pages[0]
    assert all(c.startswith("0") for c in _contents(pages)) and _contents(pages)


@pytest.mark.parametrize("argv, hint", [
    (["--all-in-area", "vård o omsorg"], "vård och omsorg"),
    (["--all-in-area", "11"], "0–9"),
    ([], "--all-in-area"),
    (["5321", "--all-in-area", "2"], "--all-in-area"),
])
def test_yrke_refuses_a_bad_selection(argv: list[str], hint: str, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    code = main(["yrke", *argv, "--region", "18", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and hint in err
    assert list(tmp_path.iterdir()) == []
