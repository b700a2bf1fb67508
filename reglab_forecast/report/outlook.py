"""Verbal outlook categories and the volatility check of the growth lists.

In the manner of BLS's Occupational Outlook Handbook ("much faster than average … decline"),
an occupation's projected change is described relative to its region's average, but never more
strongly than its 80 % interval allows: an occupation is "snabbare än genomsnittet" only when
its whole interval lies above the region's average change, and "minskar" only when its whole
interval lies below zero.

An occupation is volatile when its register history jumps: a year-on-year change of more than
``JUMP`` percent in the last years (e.g. staff moved between neighbouring codes such as
8111/8112). Volatile occupations are flagged and left out of the headline lists.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["CATEGORIES", "JUMP", "MUCH", "category", "volatile_codes"]

MUCH = 10.0  # percentage points above the average change over the horizon: "mycket snabbare"
JUMP = 25.0  # percent in one year: a jump in the register history
CATEGORIES = (
    "mycket snabbare än genomsnittet",
    "snabbare än genomsnittet",
    "i takt med genomsnittet",
    "långsammare än genomsnittet",
    "minskar",
)


def category(lower: float, upper: float, average: float) -> str:
    """The verbal category of a change whose 80 % interval is ``lower``–``upper`` (percent
    over the horizon), against the region's ``average`` change. '' when unknown."""
    if pd.isna(lower) or pd.isna(upper):
        return ""
    if upper < 0:
        return CATEGORIES[4]
    if lower > average + MUCH:
        return CATEGORIES[0]
    if lower > average:
        return CATEGORIES[1]
    if upper < average:
        return CATEGORIES[3]
    return CATEGORIES[2]


def volatile_codes(employment: pd.DataFrame, region: str, first: int, last: int,
                   breaks: tuple[int, ...] = (), minimum: float = 50) -> set[str]:
    """SSYK codes of ``region`` whose employed changed by more than ``JUMP`` percent from one
    year to the next between ``first`` and ``last`` (both years of a step with at least
    ``minimum`` employed). Steps into a series-break year are a change of measurement and are
    not counted. ``employment``: region, ssyk, year, employed (any sex rows)."""
    rows = employment[(employment["region"] == region) & employment["year"].between(first, last)]
    wide = rows.groupby(["ssyk", "year"])["employed"].sum().unstack().sort_index(axis=1)
    values = wide.to_numpy(dtype=float)
    before, after = values[:, :-1], values[:, 1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        step = 100 * np.abs(after / before - 1)
    clean = ~np.isin(wide.columns.to_numpy()[1:], breaks)
    big = (before >= minimum) & (after >= minimum) & (step > JUMP) & clean
    return set(wide.index[big.any(axis=1)])
