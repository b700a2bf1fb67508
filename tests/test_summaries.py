"""largest_occupations: ranking and five-year change from the employment panel."""

from __future__ import annotations

import pytest

import reglab_forecast as rf
from reglab_forecast.errors import InputError
from reglab_forecast.summaries import largest_occupations


def test_ranking_and_change_follow_the_panel():
    table = largest_occupations("Örebro län", top=5)
    assert table.attrs["year"] == 2024 and table.attrs["base_year"] == 2019
    assert table["employed"].is_monotonic_decreasing
    panel = rf.load_employment(regions="18", years=[2019, 2024])
    first = table.iloc[0]
    by_year = panel[panel["ssyk"] == first["ssyk"]].groupby("year")["employed"].sum()
    assert first["employed"] == by_year[2024]
    assert first["change"] == by_year[2024] - by_year[2019]
    assert first["change_share"] == pytest.approx(first["change"] / by_year[2019])


def test_shares_sum_to_one_over_all_occupations():
    table = largest_occupations("01", level=1, top=100)
    assert table["share"].sum() == pytest.approx(1.0)
    assert len(table) == 10


def test_bad_year():
    with pytest.raises(InputError, match="2011"):
        largest_occupations("18", year=2016)
