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
