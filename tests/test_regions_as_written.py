"""Region names as people and files write them: regional bodies, code labels, changed codes,
a kommun or Riket where a län is needed (one line, exit 2, never a traceback)."""

from __future__ import annotations

import warnings

import pytest

import reglab_forecast as rf
from reglab_forecast.cli import main
from reglab_forecast.errors import UnknownRegionError
from reglab_forecast.regions import RegionMapped


@pytest.mark.parametrize(("text", "code"), [
    # the regional bodies' own names
    ("Region Jämtland Härjedalen", "23"),
    ("Jämtland Härjedalen", "23"),
    ("Västra Götalandsregionen", "14"),
    ("Region Sörmland", "04"),
    ("Region Stockholm", "01"),
    ("Region Dalarna", "20"),
    ("Region Kalmar län", "08"),
    ("Region Jönköpings län", "06"),
    ("Region Västerbotten", "24"),
    ("Region Skåne", "12"),
    # labels that carry their code
    ("1280 Malmö", "1280"),
    ("18 Örebro län", "18"),
    ("18 Örebro", "18"),
    ("0180 Stockholm", "0180"),
    ("01 Stockholms län", "01"),
    ("2584 - Kiruna", "2584"),
])
def test_names_as_written(text: str, code: str) -> None:
    assert rf.resolve_region(text) == code


def test_a_changed_kommun_code_maps_with_a_note() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert rf.resolve_region("1917") == "0331"
        assert rf.resolve_region("1917 Heby") == "0331"
    notes = [str(w.message) for w in caught if issubclass(w.category, RegionMapped)]
    assert notes and "1917" in notes[0] and "0331 Heby" in notes[0] and "2007" in notes[0]


def test_a_label_whose_code_and_name_disagree_is_refused() -> None:
    with pytest.raises(UnknownRegionError, match=r"1280 är Malmö.*Örebro län \(18\)"):
        rf.resolve_region("1280 Örebro län")


@pytest.mark.parametrize("value", [None, 18.0, True, ["18"]])
def test_not_text_is_a_clear_error(value: object) -> None:
    with pytest.raises(UnknownRegionError, match="kod eller ett namn"):
        rf.resolve_region(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(("argv", "needles"), [
    (["brief", "--region", "Kiruna", "--out", "x.pdf"], ["är en kommun", "Norrbottens län"]),
    (["tables", "--region", "0180", "--out", "x.xlsx"], ["är en kommun", "Stockholms län"]),
    (["brief", "--region", "Riket", "--out", "x.pdf"], ["är riket", "compare"]),
    (["tables", "--region", "Sverige", "--out", "x.xlsx"], ["är riket"]),
    (["regions", "--lan", "Kiruna"], ["är en kommun"]),
])
def test_the_wrong_kind_of_region_exits_2_in_one_line(
        argv: list[str], needles: list[str], tmp_path: object,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    for needle in needles:
        assert needle in err


def test_the_cli_prints_the_mapping_note(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regions", "--lan", "Region Jämtland Härjedalen"]) == 0
    assert "Östersund" in capsys.readouterr().out
    assert main(["regions", "--lan", "1917"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reglab-forecast: obs: kommunkoden 1917")
    assert "är en kommun (0331 Heby i Uppsala län)" in err
