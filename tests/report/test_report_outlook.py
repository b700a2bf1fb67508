"""Verbal outlook categories never stronger than the interval; volatile histories flagged."""

from __future__ import annotations

import pandas as pd

from reglab_forecast.report.outlook import category, volatile_codes


def test_category_follows_the_whole_interval():
    average = 4.0
    assert category(-20.0, -1.0, average) == "minskar"
    assert category(-20.0, 10.0, average) == "i takt med genomsnittet"  # spans the average
    assert category(-20.0, 1.0, average) == "långsammare än genomsnittet"  # not surely down
    assert category(15.0, 40.0, average) == "mycket snabbare än genomsnittet"
    assert category(5.0, 40.0, average) == "snabbare än genomsnittet"
    assert category(0.5, 3.0, average) == "långsammare än genomsnittet"
    assert category(float("nan"), 3.0, average) == ""


def _history(levels: dict[str, list[float]], years: list[int]) -> pd.DataFrame:
    rows = [{"region": "18", "ssyk": code, "year": y, "employed": v}
            for code, values in levels.items() for y, v in zip(years, values, strict=True)]
    return pd.DataFrame(rows)


def test_a_jump_between_neighbouring_codes_is_volatile():
    years = [2019, 2020, 2021, 2022, 2023, 2024]
    frame = _history({
        "8111": [400, 410, 405, 420, 280, 285],  # staff moved to 8112 in a clean year
        "8112": [200, 200, 210, 205, 350, 355],
        "5321": [900, 910, 920, 930, 1060, 1070],  # a jump, but into the break year 2023
        "9999": [20, 60, 20, 60, 20, 60],  # too small to matter
    }, years)
    assert volatile_codes(frame, "18", 2019, 2024, breaks=(2023,)) == set()
    frame.loc[(frame["ssyk"] == "8111") & (frame["year"] >= 2024), "employed"] = 150
    assert volatile_codes(frame, "18", 2019, 2024, breaks=(2023,)) == {"8111"}
    assert volatile_codes(frame, "18", 2019, 2024) == {"8111", "8112"}
