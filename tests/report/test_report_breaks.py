"""Series breaks in the brief: the register change is labelled, an adjusted change is added,
the summary never quotes the register change as growth, and the charts mark the breaks."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from reglab_forecast.report.breaks import (
    adjusted_change,
    breaks_between,
    national_adjusted_change,
)
from reglab_forecast.report.cells import RIKET
from reglab_forecast.report.numbers import fmt_signed_pct
from reglab_forecast.report.prose import prose_signed_pct
from reglab_forecast.report.tables import all_tables


def _register(levels: dict[int, float], breaks: list[int]) -> pd.DataFrame:
    frame = pd.DataFrame({"region": "01", "year": list(levels), "employed": list(levels.values())})
    frame.attrs["series_breaks"] = breaks
    return frame


def test_a_jump_in_a_break_year_is_not_counted_as_change():
    # 1 % a year, plus a 10 % level jump into 2023 (a break year): the adjusted change over
    # 2019–2024 is the clean 1 % a year, the raw one is not.
    levels = {y: 100 * 1.01 ** (y - 2014) * (1.10 if y >= 2023 else 1.0) for y in range(2014, 2025)}
    frame = _register(levels, [2023])
    adjusted = national_adjusted_change(frame, 2019, 2024)
    assert adjusted == pytest.approx(100 * (1.01 ** 5 - 1), rel=1e-9)
    raw = 100 * (levels[2024] / levels[2019] - 1)
    assert raw > adjusted + 9
    assert breaks_between(frame, 2019, 2024) == (2023,)
    assert breaks_between(_register(levels, [2019]), 2019, 2024) == ()


def test_adjusted_change_keeps_the_region_relative_to_riket():
    assert adjusted_change(13.86, 13.86, 5.2) == pytest.approx(5.2)
    assert adjusted_change(20.0, 10.0, 0.0) == pytest.approx(100 * (1.2 / 1.1 - 1))


def test_key_figures_have_the_register_and_the_adjusted_change(orebro_tables, inputs):
    key = orebro_tables["nyckeltal"].frame
    past, t0 = inputs.base_year - 5, inputs.base_year
    register = key.loc["change_past_pct", "indicator"]
    assert register.startswith(f"Förändring {past}–{t0} i registret (inkl. seriebrott")
    assert "2023" in register
    assert key.loc["change_adj_pct", "indicator"] == (
        f"Förändring {past}–{t0}, procent (skattad, justerad för seriebrott)")
    # The 2023 break raised the national level by about 6 % beyond usual growth; the 2020
    # break (BAS series, a fall of 1 %) lowered it by about 3,5 %: the adjusted change is lower
    # by about 3 points.
    assert key.loc["change_adj_pct", "value"] < key.loc["change_past_pct", "value"] - 2.5


def test_regions_table_adjusts_every_lan_by_the_same_factor(orebro_tables):
    lan = orebro_tables["lan"].frame
    riket = lan[lan["region"] == RIKET].iloc[0]
    assert riket["change_adj"] < riket["change_past"] - 2.5  # breaks 2020 and 2023 net
    factor = (1 + lan["change_adj"] / 100) / (1 + lan["change_past"] / 100)
    assert np.allclose(factor, factor.iloc[0], atol=2e-3)  # up to the rounding shown


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


@pytest.mark.parametrize("region", ["18", "09", "01", "13", "25"])
def test_summary_never_quotes_the_register_change_as_growth(inputs, context_for, summary_of,
                                                           region):
    ctx = context_for(region)
    value = all_tables(ctx)["nyckeltal"].frame.loc["change_past_pct", "value"]
    raws = (fmt_signed_pct(value), prose_signed_pct(value))
    past = inputs.base_year - 5
    text = summary_of(region)
    assert f"ökning sedan {past}" not in text
    for sentence in _sentences(text):
        if f"sedan {past}" in sentence or f"än {past}" in sentence:
            assert not any(raw in sentence for raw in raws), sentence
            assert "justerad" in sentence or "Justerat" in sentence, sentence


def test_history_charts_mark_the_breaks(context_for):
    from reglab_forecast.report.document import figures_of
    from reglab_forecast.report.sections import build_all

    figures = {f.name: f for f in figures_of(build_all(context_for("18")))}
    assert "Seriebrott" in figures["total"].svg
    for name in ("total", "yrkesomraden"):
        assert "seriebrott i registret 2019" in figures[name].svg
        assert "2023" in figures[name].svg
    assert "Seriebrott i registret" in figures["total"].alt
