"""The shipped example scenarios: every code matches its name, and a scenario's name works in
every report command, with page 1 stating its assumptions."""

from __future__ import annotations

import io
import re
import tomllib

import pytest
from pypdf import PdfReader

from reglab_forecast.cli import main
from reglab_forecast.occupations import occupation_name
from reglab_forecast.projection.scenario import SCENARIO_DIR

SHIPPED = sorted(SCENARIO_DIR.glob("*.toml"))
CODE_LINE = re.compile(r'^ssyk\s*=\s*"(\d+)"\s*#\s*(.+?)\s*$', re.MULTILINE)


def test_there_are_shipped_scenarios():
    assert {p.stem for p in SHIPPED} >= {"batterifabrik-norrbotten", "senare-pension"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_code_comment_is_the_official_name(path):
    text = path.read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    codes = [shock["ssyk"] for shock in raw.get("shock", [])]
    commented = dict(CODE_LINE.findall(text))
    assert set(commented) == set(codes)  # every shock's code carries its name
    for code, comment in commented.items():
        assert comment == occupation_name(code), (code, comment)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_codes_named_in_the_description_are_the_shocks(path):
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    named = re.findall(r"SSYK (\d+)", raw.get("description", ""))
    assert set(named) <= {shock["ssyk"] for shock in raw.get("shock", [])}


@pytest.mark.parametrize("command", [
    ["brief", "--region", "25", "--out", "{tmp}/x.pdf"],
    ["tables", "--region", "25", "--out", "{tmp}/x.xlsx"],
    ["compare", "--out", "{tmp}/x.pdf"],
])
def test_unknown_scenario_name_exits_2_naming_the_examples(command, tmp_path, capsys):
    argv = [a.format(tmp=tmp_path) for a in command] + ["--scenario", "batterifabrik"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "batterifabrik-norrbotten" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_brief_by_scenario_name_states_its_assumptions(tmp_path, capsys):
    out = tmp_path / "norrbotten.pdf"
    code = main(["brief", "--region", "25", "--out", str(out),
                 "--scenario", "batterifabrik-norrbotten"])
    assert code == 0
    page1 = re.sub(r"\s+", " ", PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text())
    assert "Scenario: Batterifabrik i Norrbotten" in page1
    assert "1 500 fler anställda som maskinoperatörer, kemiska" in page1.replace("\u00a0", " ")
    assert "Norrbottens län växer 1,0 % per år" in page1.replace("\u00a0", " ")
