"""Series breaks: one source (MANIFEST.json via snapshot.series_breaks), every reader agrees,
and the facts the manifest states hold in the employment panel itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import reglab_forecast as rf
from reglab_forecast import snapshot
from reglab_forecast.cli import main
from reglab_forecast.projection.panel import build_panel
from reglab_forecast.projection.trend import TrendParams, smooth
from reglab_forecast.report.breaks import break_notes, break_years
from reglab_forecast.report.plots import series_breaks as plotted_breaks

ROOT = Path(__file__).resolve().parents[2]


def _manifest_breaks() -> list[dict]:
    manifest = json.loads((ROOT / "data" / "snapshot" / "MANIFEST.json").read_text("utf-8"))
    return manifest["datasets"]["employment"]["series_breaks"]


def test_every_reader_gives_the_manifest_years(capsys: pytest.CaptureFixture[str]) -> None:
    listed = _manifest_breaks()
    years = [int(b["year"]) for b in listed]
    full = tuple(int(b["year"]) for b in listed if not b.get("ssyk"))
    employment = rf.load_employment(level=4)
    panel = build_panel(employment)
    assert [b.year for b in snapshot.series_breaks()] == years
    assert panel.breaks == full
    assert [b.year for b in panel.partial] == [y for y in years if y not in full]
    assert break_years(employment) == full
    assert [year for year, _ in plotted_breaks(employment)] == years
    assert [int(line[:4]) for line in break_notes()] == years
    assert main(["data", "--dataset", "employment"]) == 0
    printed = re.findall(r"Seriebrott (\d{4})", capsys.readouterr().out)
    assert [int(y) for y in printed] == years


def test_no_break_years_are_written_into_the_code() -> None:
    pattern = re.compile(r"\(2019, 202[02], 2023\)|SERIES_BREAKS\s*[:=]")
    folders = [ROOT / "reglab_forecast", ROOT / "notebooks"]
    hits = [str(path) for folder in folders for path in folder.rglob("*.py")
            if pattern.search(path.read_text("utf-8"))]
    assert hits == []


def _national(frame: pd.DataFrame, code: str) -> pd.Series:
    return frame[frame["ssyk"] == code].groupby("year")["employed"].sum()


def test_the_2018_break_is_in_the_data_for_the_named_occupations() -> None:
    employment = rf.load_employment(level=4)
    touched = snapshot.series_breaks()[0]
    assert touched.year == 2018 and touched.partial
    for code, low, high in (("2412", 0.45, 0.6), ("3333", -0.45, -0.35), ("5322", -0.9, -0.85)):
        assert code in touched.ssyk
        series = _national(employment, code)
        assert low < series[2018] / series[2017] - 1 < high
    assert "2221" not in touched.ssyk  # nurses: an ordinary change


def test_2021_to_2022_is_ordinary_growth_and_2023_is_not() -> None:
    total = rf.load_employment(level=4).groupby("year")["employed"].sum()
    growth = total.pct_change()
    assert abs(growth[2022] - growth[2021]) < 0.005
    assert growth[2023] > 2 * growth[2022]
    assert 2022 not in snapshot.break_years()


def test_a_partial_break_resets_only_the_occupations_it_touches() -> None:
    years = np.arange(2014, 2020)
    y = np.array([[0.0, 0.1, 0.2, 0.3, 1.3, 1.4],    # touched: jumps by 1 into 2018
                  [0.0, 0.1, 0.2, 0.3, 1.3, 1.4]])   # untouched: the same numbers
    mask = np.zeros_like(y, dtype=bool)
    mask[0, years == 2018] = True
    level, trend = smooth(y, years, mask, TrendParams(alpha=1.0, beta=0.5, phi=1.0))
    assert trend[0] == pytest.approx(0.1)   # the jump is not read as growth
    assert trend[1] > 0.2                   # read as growth where it is no break
    assert level.tolist() == pytest.approx([1.4, 1.4])
