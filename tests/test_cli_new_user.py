"""Inputs a new user gets wrong: each is checked before any output and named in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reglab_forecast.cli import main
from reglab_forecast.demography import load_demographic_scenario
from reglab_forecast.projection import load_scenario


def _file(tmp_path: Path, text: str, name: str = "noname.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_without_name_is_named_after_the_file(tmp_path: Path) -> None:
    path = _file(tmp_path, "national_growth = 2.0\n[demography]\nnet_migration_factor = 0.5\n")
    assert load_scenario(path).name == "noname"
    assert load_demographic_scenario(path).name == "noname"
    assert load_scenario({"national_growth": 2.0}).name == "Grundscenario"


def test_show_heads_the_projection_with_the_file_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, "national_growth = 2.0\n")
    assert main(["show", "--region", "18", "--top", "2", "--scenario", str(path)]) == 0
    out = capsys.readouterr().out
    assert "scenario 'noname'" in out and "Grundscenario" not in out


DEMOGRAPHY_ERRORS = [
    ('[demography.employment_rate]\n"16-24" = 500\n', "employment_rate.16-24"),
    ("[demography]\nnet_migration_factor = -5\n", "net_migration_factor"),
    ("[demography]\nnet_migraton_factor = 0.5\n", "net_migration_factor"),
    ('[demography.net_migration]\n"Stokholm" = 500\n', "Stockholm"),
]


@pytest.mark.parametrize(("text", "needle"), DEMOGRAPHY_ERRORS)
def test_demographic_levers_are_checked_by_every_command(
        tmp_path: Path, text: str, needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, text, "demografi.toml")
    for argv in (["show", "--region", "18"], ["project", "--region", "18"],
                 ["brief", "--region", "18", "--out", str(tmp_path / "b.pdf")],
                 ["tables", "--region", "18", "--out", str(tmp_path / "t.xlsx")],
                 ["compare", "--out", str(tmp_path / "c.pdf")]):
        assert main([*argv, "--scenario", str(path)]) == 2, argv
        captured = capsys.readouterr()
        assert captured.out == "", argv
        assert captured.err.count("\n") == 1, (argv, captured.err)
        assert needle in captured.err and str(path) in captured.err, (argv, captured.err)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]




SHOW_ERRORS = [
    (["--target-year", "2100"], None, "2100"),
    (["--scenario", "{missing}"], None, "finns inte"),
    (["--scenario", "{file}"], 'nam = "x"\n', "name"),
    (["--scenario", "{file}"], "[[shock]]\nssyk = \"9999\"\npersons = 10\nfrom_year = 2027\n",
     "9999"),
    (["--scenario", "{file}"], "[regional_growth]\nUppsala = 1.0\n[[shock]]\nssyk = \"2\"\n"
     "region = \"99\"\npersons = 10\nfrom_year = 2027\n", "99"),
    (["--scenario", "{folder}"], None, "mapp"),
]


@pytest.mark.parametrize(("extra", "text", "needle"), SHOW_ERRORS)
def test_show_checks_every_input_before_printing(
        tmp_path: Path, extra: list[str], text: str | None, needle: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    file = _file(tmp_path, text or "", "s.toml")
    names = {"{missing}": str(tmp_path / "saknas.toml"), "{file}": str(file),
             "{folder}": str(tmp_path)}
    argv = ["show", "--region", "18", "--top", "3", *(names.get(a, a) for a in extra)]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and needle in captured.err, captured.err


def test_out_dir_must_be_new_empty_or_marked(tmp_path: Path) -> None:
    from reglab_forecast.errors import OutputPathError
    from reglab_forecast.files import LEDGER, check_marked_dir, mark_output_dir

    assert check_marked_dir(tmp_path / "ny") == tmp_path / "ny"
    (tmp_path / "tom").mkdir()
    check_marked_dir(tmp_path / "tom")
    mark_output_dir(tmp_path / "tom")
    assert (tmp_path / "tom" / LEDGER).is_file()
    (tmp_path / "tom" / "kompetensbild-orebro-lan.pdf").write_bytes(b"%PDF")
    check_marked_dir(tmp_path / "tom")  # marked: the toolkit's folder
    (tmp_path / "egen").mkdir()
    (tmp_path / "egen" / "anteckningar.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(OutputPathError, match="anteckningar.txt"):
        check_marked_dir(tmp_path / "egen")


def test_brief_all_refuses_an_unmarked_folder_with_other_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mina-filer"
    folder.mkdir()
    (folder / "budget.xlsx").write_bytes(b"not ours")
    assert main(["brief", "--all", "--out-dir", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "budget.xlsx" in captured.err and "tom mapp" in captured.err
    assert [p.name for p in folder.iterdir()] == ["budget.xlsx"]


@pytest.mark.parametrize("missing", ["ipywidgets", "voila"])
@pytest.mark.parametrize(("region", "needle"), [("Stokholm", "Stockholm"),
                                                ("25", "reglab_forecast[dialog]")])
def test_dialog_without_its_extra_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], missing: str,
        region: str, needle: str) -> None:
    import sys

    monkeypatch.setitem(sys.modules, missing, None)  # import fails, find_spec answers None
    for module in ("reglab_forecast.dialog.server", "reglab_forecast.dialog.app"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    assert main(["dialog", "--region", region, "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and needle in err, err


def test_a_snapshot_setting_without_a_snapshot_exits_2(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "REGLAB_SNAPSHOT_DIR": str(tmp_path / "finns-inte"),
           "REGLAB_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "reglab_forecast", "show", "--region", "18"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and done.stderr.count("\n") == 1
    assert "REGLAB_SNAPSHOT_DIR" in done.stderr


def test_the_command_ends_with_its_own_code_and_its_whole_output(tmp_path: Path) -> None:
    """The console command leaves without Python's teardown (see ``cli.run``): what it printed
    is all there, piped or not, and the exit code is main's."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "REGLAB_CACHE_DIR": str(tmp_path / "en-fil")}
    (tmp_path / "en-fil").write_text("x\n", encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "reglab_forecast", "brief", "--region", "18",
                          "--out", str(tmp_path / "b.pdf")], env=env, capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1, bad.stderr
    assert "REGLAB_CACHE_DIR" in bad.stderr and not (tmp_path / "b.pdf").exists()
    listing = subprocess.run([sys.executable, "-m", "reglab_forecast", "occupations"],
                             capture_output=True, text=True, timeout=120)
    assert listing.returncode == 0 and listing.stdout.endswith("\n")
    assert len(listing.stdout.splitlines()) > 400  # every SSYK4 occupation, none cut off


def test_a_misspelt_scenario_region_gets_the_nearest_lan_and_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, "[regional_growth]\nStokholm = 1.0\n", "tillvaxt.toml")
    assert main(["project", "--region", "01", "--scenario", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err
    assert '"01" (Stockholms län)' in err and '"25"' not in err


@pytest.mark.parametrize(("argv", "needles"), [
    (["data", "--dataset", "emplyment"], ["menade du 'employment'"]),
    (["show", "--region", "18", "--top", "-3"], ["--top -3", "från 1"]),
])
def test_one_line_with_the_nearest_valid_value(
        argv: list[str], needles: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert all(n in captured.err for n in needles) and "span" not in captured.err, captured.err


def test_project_years_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["project", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--years ÅR [ÅR ...] ett eller flera prognosår" in out


def test_show_for_riket_labels_the_share_of_the_country(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--region", "00", "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "Andel av riket" in out and "Andel av länet" not in out
