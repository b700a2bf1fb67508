"""Exit codes and output of the data commands: regions, occupations, data, show."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reglab_forecast.cli import main

COMMANDS = ["regions", "occupations", "data", "show"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_on_every_command(command, capsys):
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert "användning:" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["regions"], "Örebro län"),
        (["regions", "--lan", "orebro"], "Karlskoga"),
        (["regions", "--kommuner"], "Kiruna"),
        (["occupations", "--level", "1"], "Chefsyrken"),
        (["occupations", "--search", "sjukskot", "--level", "4"], "2221"),
        (["occupations", "--search", "nurse", "--english"], "Professional nurses"),
        (["occupations", "--search", "zzzz"], "Inga yrken"),
        (["data"], "employment"),
        (["data", "--dataset", "employment"], "Seriebrott 2023"),
        (["show", "--region", "Örebro län"], "Anställda 2024"),
        (["show", "--region", "riket", "--level", "1", "--top", "3"], "Riket"),
    ],
)
def test_success(argv, expected, capsys):
    assert main(argv) == 0
    assert expected in capsys.readouterr().out


def test_show_numbers_are_swedish(capsys):
    assert main(["show", "--region", "18", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "4322" in out  # Lager- och terminalpersonal, the largest in 2024
    assert "5\u00a0141" in out and "%" in out
    assert "Källa: SCB" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "--region", "Narnia"],
        ["show", "--region", "Kiruna"],
        ["show"],
        ["show", "--region", "18", "--year", "2016"],
        ["show", "--region", "18", "--top", "0"],
        ["show", "--region", "18", "--level", "9"],
        ["occupations", "--level", "7"],
        ["data", "--dataset", "nope"],
        ["regions", "--lan", "Kiruna"],
        ["bogus"],
        [],
    ],
)
def test_bad_input_exits_2_with_one_line(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "fel:" in err
    assert "Traceback" not in err


def test_console_script_in_a_subprocess():
    done = subprocess.run(
        [sys.executable, "-m", "reglab_forecast.cli", "show", "--region", "Orebro"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "reglab_forecast.cli", "show", "--region", "Stokholm"],
        capture_output=True, text=True, check=False,
    )
    assert bad.returncode == 2
    assert "Stockholms län" in bad.stderr and "Traceback" not in bad.stderr


def test_output_closed_early_is_not_an_error():
    import subprocess
    import sys

    command = [sys.executable, "-m", "reglab_forecast.cli", "occupations", "--level", "4"]
    done = subprocess.run(f"{' '.join(command)} | head -n 2", shell=True, capture_output=True,
                          text=True, check=False)
    assert "Traceback" not in done.stderr
    assert len(done.stdout.splitlines()) == 2


def test_disk_error_gives_one_line_and_exit_1(monkeypatch, capsys):
    import errno

    from reglab_forecast import cli, data_commands

    def full_disk(args):
        raise OSError(errno.ENOSPC, "No space left on device", "/tmp/out.pdf")

    monkeypatch.setattr(data_commands, "_run_regions", full_disk)
    code = cli.main(["regions"])
    assert code == 1
    err = capsys.readouterr().err.strip()
    # Swedish and with the path, not the bare English strerror.
    assert err == "reglab-forecast: fel: kunde inte skriva /tmp/out.pdf: disken är full"
    assert len(err.splitlines()) == 1
