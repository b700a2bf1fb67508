"""The command's conventions: Swedish help, one metavar per kind, order, -V, completion."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import reglab_forecast
from reglab_forecast.cli import COMMAND_ORDER, main

REPO = Path(__file__).resolve().parent.parent
ENGLISH = ("usage:", "options:", "positional arguments:", "show this help message",
           "show program's version")
# The metavars a user meets; REGION/OUT/SCENARIO (argparse's defaults) must not appear.
KNOWN_METAVARS = {"LÄN", "FIL", "MAPP", "NIVÅ", "ÅR", "ANTAL", "PORT", "KOMMANDO", "SKAL",
                  "TEXT", "NAMN", "TABELL", "NAMN=TAB", "URL", "YRKE", "VY", "KOD", "INDELNING"}


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--help"])
    assert caught.value.code == 0
    return capsys.readouterr().out


def _commands(capsys: pytest.CaptureFixture[str]) -> list[str]:
    text = _help([], capsys)
    listing = text.split("kommandon:")[1]
    return re.findall(r"^    (\S+)\s", listing, flags=re.MULTILINE)


def test_help_is_swedish_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _commands(capsys)
    assert {"brief", "tables", "project", "fetch"} <= set(commands)
    for argv in ([], *([c] for c in commands)):
        text = _help(argv, capsys)
        assert text.startswith("användning: reglab-forecast"), argv
        assert "visa den här hjälptexten och avsluta" in text, argv
        assert not [word for word in ENGLISH if word in text], argv


def test_one_metavar_per_kind(capsys: pytest.CaptureFixture[str]) -> None:
    for command in _commands(capsys):
        usage = _help([command], capsys).split("\n\n")[0]
        metavars = set(re.findall(r"--[\w-]+ ([A-ZÅÄÖ=]+)", usage))
        assert metavars <= KNOWN_METAVARS, (command, metavars - KNOWN_METAVARS)


def test_user_commands_come_first(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _commands(capsys)
    ranks = [COMMAND_ORDER.index(c) for c in commands if c in COMMAND_ORDER]
    assert ranks == sorted(ranks)
    assert commands.index("brief") < commands.index("project") < commands.index("backtest")
    assert commands.index("show") < commands.index("fetch") < commands.index("data")


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([flag])
    assert capsys.readouterr().out.strip() == f"reglab-forecast {reglab_forecast.__version__}"


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run([sys.executable, "-m", "reglab_forecast", "regions"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "Örebro län" in done.stdout


def test_usage_error_is_one_swedish_line() -> None:
    done = subprocess.run([sys.executable, "-m", "reglab_forecast", "brief"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "fel: ett av argumenten" in done.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert "reglab-forecast" in script and len(script.splitlines()) > 5


def test_completion_answers_the_shell(tmp_path: Path) -> None:
    """argcomplete's protocol: the shell calls the command with the line in the environment."""
    line = "reglab-forecast bri"
    env = {"_ARGCOMPLETE": "1", "_ARGCOMPLETE_SHELL": "bash", "COMP_LINE": line,
           "COMP_POINT": str(len(line)), "_ARGCOMPLETE_STDOUT_FILENAME": str(tmp_path / "out"),
           "PATH": str(Path(sys.executable).parent)}
    subprocess.run([sys.executable, "-m", "reglab_forecast"], env=env, check=False,
                   capture_output=True, timeout=60)
    assert "brief" in (tmp_path / "out").read_text(encoding="utf-8").split()


def test_package_metadata() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert (Path(reglab_forecast.__file__).parent / "py.typed").is_file()
    assert "Typing :: Typed" in project["classifiers"]
    assert "Natural Language :: Swedish" in project["classifiers"]
    assert project["urls"] and all(u.startswith("https://") for u in project["urls"].values())
