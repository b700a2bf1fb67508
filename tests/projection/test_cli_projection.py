"""The CLI commands backtest and project."""

from __future__ import annotations

import json

import pytest

from reglab_forecast.cli import main


def test_project_prints_swedish_table(capsys, tmp_path):
    out = tmp_path / "t.csv"
    code = main(["project", "--region", "Norrbotten", "--level", "1", "--years", "2030",
                 "--scenario", "batterifabrik-norrbotten", "--out", str(out)])
    text = capsys.readouterr().out
    assert code == 0
    assert "Norrbottens län" in text and "Batterifabrik i Norrbotten" in text
    assert "80 %-intervall" in text and out.exists()
    assert out.read_text(encoding="utf-8").startswith("region,region_name,ssyk")


def test_project_bad_scenario_exits_2(capsys, tmp_path):
    bad = tmp_path / "s.toml"
    bad.write_text("nationl_growth = 1\n", encoding="utf-8")
    assert main(["project", "--scenario", str(bad)]) == 2
    assert "national_growth" in capsys.readouterr().err


@pytest.mark.slow
def test_backtest_prints_and_saves(capsys, tmp_path):
    out = tmp_path / "kvalitet.json"
    assert main(["backtest", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Kvalitetsdeklaration" in text and "Standardmetoden" in text
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"headline", "by_horizon", "targets", "meta"} <= set(data)


def test_show_prints_the_projection(capsys):
    assert main(["show", "--region", "18", "--level", "3", "--top", "3",
                 "--scenario", "senare-pension"]) == 0
    text = capsys.readouterr().out
    assert "Prognos 2030" in text and "Senare pension" in text
    assert "Rekryteringsbehov" in text and "Pensionsavgångar 2024–2030" in text
