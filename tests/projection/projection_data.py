"""Small hand-made panels for the projection tests."""

from __future__ import annotations

import pandas as pd

BANDS = ["16-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64"]


def make_employment(values: dict[tuple[str, str], list[float]], first_year: int = 2014,
                    attrs: dict | None = None) -> pd.DataFrame:
    """Employment frame from {(region, ssyk): [employed per year]}, split evenly by sex."""
    rows = []
    for (region, ssyk), series in values.items():
        for offset, value in enumerate(series):
            for sex in ("men", "women"):
                rows.append({"region": region, "region_name": f"Län {region}", "ssyk": ssyk,
                             "ssyk_name": f"Yrke {ssyk}", "sex": sex,
                             "year": first_year + offset, "employed": value / 2})
    frame = pd.DataFrame(rows)
    frame["year"] = frame["year"].astype("int64")
    frame.attrs.update(attrs or {})
    return frame


def make_age_profile(ssyk: list[str], years: range, share_old: float = 0.2) -> pd.DataFrame:
    """An age profile with a fixed age distribution (``share_old`` in 60-64)."""
    rows = []
    for code in ssyk:
        for year in years:
            for band in BANDS:
                value = 1000 * share_old if band == "60-64" else 1000 * (1 - share_old) / 8
                for sex in ("men", "women"):
                    rows.append({"ssyk": code, "ssyk_name": "", "age": band, "sex": sex,
                                 "year": year, "employed": value / 2})
    frame = pd.DataFrame(rows)
    frame["year"] = frame["year"].astype("int64")
    return frame
