"""How far off is the estimated regional age structure? Measured against real tables.

Two checks, each against SCB's register (yrkesregistret, AM0208):

* ``riksomrade``: the 2017 structure of each of the 8 riksområden (SSYK3 × age × sex)
  estimated *without* any riksområde table, from Riket's SSYK4 profile, the area's own
  employees per occupation and its population only (what the method does inside a
  riksområde), compared with the real riksområde table;
* ``lan``: the full method for SSYK3 214 and 311 per län 2014–2017, compared with the only
  real län × occupation × age tables found (the tilt is from 2017, so 2017 is in-sample for
  the riksområde part).

The figures: the mean absolute error of the share aged 55–64 (percentage points) and the
dissimilarity index of the age × sex distribution (half the summed absolute difference of
shares, per cent), both weighted by employees, beside the national profile as baseline.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .population import load_population
from .regional_age import RIKSOMRADE, AgeInputs, build_inputs, estimate, long_frame
from .regional_age_loader import tilts
from .snapshot import read_dataset

OLDER = ("55-59", "60-64")
METHODS = {
    "national": "Rikets åldersprofil (dagens metod)",
    "population": "Rikets profil + befolkningens ålder (utan riksområdestabell)",
    "tilt": "Rikets profil + riksområdets lutning",
    "standard": "Skattningen: lutning + befolkning + raking",
}


def _bands(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["age"].unique(), key=lambda b: int(b.split("-")[0]))


def _inputs_for(year: int, areas: dict[str, str] | None, by_area: bool, use_tilt: bool
                ) -> AgeInputs:
    employment = read_dataset("employment")
    employment = employment[employment["year"] == year]
    ages = read_dataset("age_profile")
    ages = ages[ages["year"] == year]
    people = load_population(years=year, age_bands=_bands(ages))
    if by_area and areas is not None:
        employment = employment.assign(region=employment["region"].map(areas))
        people = people.assign(region=people["region"].map(areas))
        areas = None
    return build_inputs(employment, ages, people, tilts() if use_tilt else None, areas)


def _estimate(year: int, method: str, by_area: bool) -> pd.DataFrame:
    use_tilt = method in ("tilt", "standard")
    inputs = _inputs_for(year, RIKSOMRADE, by_area, use_tilt)
    weight = 1.0 if method in ("population", "standard") else 0.0
    frame = long_frame(inputs, estimate(inputs, pop_weight=weight), year)
    return frame.assign(ssyk=frame["ssyk"].str[:3])


def compare(estimated: pd.DataFrame, actual: pd.DataFrame, key: str) -> dict[str, float]:
    """Weighted error of ``estimated`` against ``actual`` (both ``key``, ssyk, age, sex, year,
    employed): share 55–64 in points, dissimilarity in per cent, and the number of cells."""
    cells = [key, "ssyk", "year"]
    est = estimated.groupby([*cells, "age", "sex"])["employed"].sum()
    act = actual.groupby([*cells, "age", "sex"])["employed"].sum()
    joined = pd.concat({"est": est, "act": act}, axis=1, join="inner").fillna(0.0)
    joined = joined.assign(older=joined.index.get_level_values("age").isin(OLDER))
    shares = joined[["est", "act"]] / joined.groupby(level=cells)[["est", "act"]].transform("sum")
    size = joined.groupby(level=cells)["act"].sum()
    older = shares[joined["older"]].groupby(level=cells).sum()
    gap = (older["est"] - older["act"]).abs()
    dissimilarity = (shares["est"] - shares["act"]).abs().groupby(level=cells).sum() / 2
    keep = size > 0
    return {"mae_55_64_pp": 100 * float(np.average(gap[keep], weights=size[keep])),
            "bias_55_64_pp": 100 * float(np.average((older["est"] - older["act"])[keep],
                                                      weights=size[keep])),
            "dissimilarity_pct": 100 * float(np.average(dissimilarity[keep],
                                                          weights=size[keep])),
            "cells": int(keep.sum())}


def riksomrade_check() -> pd.DataFrame:
    """The 2017 riksområde structure estimated without riksområde tables, against the real one.

    Rows: method (national, population), with mae_55_64_pp, bias_55_64_pp,
    dissimilarity_pct, cells (riksområde × SSYK3, 0002 left out).
    """
    actual = read_dataset("riksomrade_age").rename(columns={"riksomrade": "region"})
    actual = actual[actual["ssyk"] != "0002"]
    rows = []
    for method in ("national", "population"):
        estimated = _estimate(2017, method, by_area=True)
        rows.append({"check": "riksomrade", "method": method,
                     **compare(estimated, actual, "region")})
    return pd.DataFrame(rows)


def lan_check() -> pd.DataFrame:
    """SSYK3 214 and 311 per län 2014–2017: every method against the real län tables."""
    actual = read_dataset("lan_age_check")
    actual = actual[actual["region"] != "99"]
    years = sorted(int(y) for y in actual["year"].unique())
    rows = []
    for method in METHODS:
        estimated = pd.concat([_estimate(y, method, by_area=False) for y in years])
        estimated = estimated[estimated["ssyk"].isin(actual["ssyk"].unique())]
        rows.append({"check": "lan", "method": method,
                     **compare(estimated, actual, "region")})
    return pd.DataFrame(rows)


def regional_age_error() -> pd.DataFrame:
    """Both checks in one table: check, method, method_name, mae_55_64_pp, bias_55_64_pp,
    dissimilarity_pct, cells."""
    table = pd.concat([riksomrade_check(), lan_check()], ignore_index=True)
    return table.assign(method_name=table["method"].map(METHODS))
