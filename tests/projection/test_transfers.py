"""Exits and occupational transfers at 50–59 from the cohort panel, worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

import reglab_forecast as rf
from reglab_forecast.projection.declaration import transfer_note
from reglab_forecast.projection.transfers import transfer_figures
from reglab_forecast.snapshot import break_years


def _profile() -> pd.DataFrame:
    """Two occupations (large enough not to be shrunk), 2014–2024, bands 50–54 … 60–64.

    Occupation A keeps 90 % of its 55–59 cohort five years on, B keeps 70 %; at 50–54 both
    keep everyone."""
    rows = []
    for year in range(2014, 2025):
        for code, kept in (("1111", 0.9), ("1112", 0.7)):
            for band, value in (("50-54", 100_000.0), ("55-59", 100_000.0),
                                ("60-64", 100_000.0 * kept)):
                rows.append({"ssyk": code, "age": band, "sex": "men", "year": year,
                             "employed": value})
    return pd.DataFrame(rows)


def test_by_hand() -> None:
    figures = transfer_figures(_profile(), ())
    # Register: 180 000 of 200 000 stay (0,9 vs 0,7 → 0,8). Per year (÷ 5), 55–59 only:
    assert figures["exits"] == pytest.approx((10_000 + 30_000) / 5, rel=1e-3)
    assert figures["left_register"] == pytest.approx(40_000 / 5, rel=1e-3)
    # B keeps 0,1 less than the register: 10 000 moved out; A 0,1 more: 10 000 moved in.
    # (Shrinking to the shared SSYK2 group pulls both slightly toward 0,8.)
    assert figures["moved_out"] == pytest.approx(figures["moved_in"], rel=1e-6)
    assert 1_800 < figures["moved_out"] < 2_000


def test_the_register_adds_up() -> None:
    figures = transfer_figures(rf.load_age_profile(level=4), break_years("employment"))
    assert figures["exits"] - figures["left_register"] == pytest.approx(
        figures["moved_out"] - figures["moved_in"], rel=1e-9)
    assert 0 < figures["moved_out"] < figures["exits"]
    note = transfer_note(figures)
    assert "50–59 år" in note and "yrkesbyten" in note
