"""'Län differ less than the uncertainty': the sentences against hand-made indicators."""

from __future__ import annotations

import pandas as pd

from reglab_forecast.report.regional import group_against_riket
from reglab_forecast.report.spread import compare_sentence, region_sentence, spread_and_width


def _frame(changes: dict[str, tuple[float, float, float]]) -> pd.DataFrame:
    frame = pd.DataFrame([{"region": r, "change_2035": c, "change_2035_lower": lo,
                           "change_2035_upper": hi} for r, (c, lo, hi) in changes.items()])
    frame["change_2035_group"] = group_against_riket(frame, "change_2035")
    return frame


NARROW = {"00": (5.0, 0.0, 10.0), "01": (6.0, 1.0, 11.0), "18": (4.0, -1.0, 9.0),
          "25": (3.0, -2.0, 8.0)}


def test_like_riket_and_spread_inside_the_uncertainty() -> None:
    frame = _frame(NARROW)
    assert spread_and_width(frame, 2035) == (3.0, 6.0, 10.0)
    text = region_sentence(frame, "18", "Örebro län", 2024, 2035)
    assert ("Örebro län, +4,0\u00a0%, skiljer sig från rikets +5,0\u00a0% mindre än "
            "osäkerheten") in text
    assert "mellan +3,0\u00a0% och +6,0\u00a0%" in text and "länen skiljer sig mindre" in text
    short = region_sentence(frame, "18", "Örebro län", 2024, 2035, spread=False)
    assert "länen skiljer sig" not in short and short in text
    assert compare_sentence(frame, 2024, 2035).startswith("För 3 av 3 län rymmer")


def test_a_lan_clearly_apart_is_said_to_be_so() -> None:
    wide = dict(NARROW, **{"01": (25.0, 20.0, 30.0)})  # spread 22 > width 10
    frame = _frame(wide)
    text = region_sentence(frame, "01", "Stockholms län", 2024, 2035)
    assert "är snabbare än rikets +5,0\u00a0% även med osäkerheten medräknad" in text
    assert "länen skiljer sig mindre" not in text
    assert compare_sentence(frame, 2024, 2035) == (
        "För 2 av 3 län rymmer länets 80 %-intervall rikets beräknade förändring av antalet "
        "anställda 2024–2035.")


def test_the_brief_says_it_for_orebro(context_for) -> None:
    from reglab_forecast.report.regional import regions_frame
    from reglab_forecast.report.sections import get

    ctx = context_for("18")
    frame = regions_frame(ctx.sums, ctx.inputs, ctx.horizon)
    row = frame.set_index("region").loc["18"]
    section = get(ctx, "lan")
    if row[f"change_{ctx.horizon}_group"] == "som riket":
        assert "mindre än osäkerheten" in section.paragraphs[-1]
    low, high, width = spread_and_width(frame, ctx.horizon)
    assert ("länen skiljer sig mindre än osäkerheten" in section.paragraphs[-1]) == (
        high - low < width)
