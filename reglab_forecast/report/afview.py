"""Arbetsförmedlingen's view beside ours, and where the two disagree.

Two external signals are compared with the projection of an occupation in a region:

* Yrkesbarometern's five-year outlook (``af_outlook``: "öka", "vara oförändrad", "minska"):
  flagged when it points the opposite way of our projected change;
* Yrkesprognosen's national shortage value (``af_rating``, 1–5, 4–5 = shortage): flagged when AF
  sees a shortage while we project a clear decline.

A change counts as clear at ±5 % over the horizon, the same threshold the backtest uses for
"direction".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .context import BriefContext

CLEAR_CHANGE = 5.0  # percent over the horizon
SHORTAGE = 4.0


def our_direction(change: float) -> str:
    if pd.isna(change):
        return ""
    if change >= CLEAR_CHANGE:
        return "öka"
    if change <= -CLEAR_CHANGE:
        return "minska"
    return "vara oförändrad"


def _flag(change: float, outlook: object, rating: float) -> str:
    ours = our_direction(change)
    theirs = str(outlook) if isinstance(outlook, str) else ""
    if {ours, theirs} == {"öka", "minska"}:
        return ("AF: ökning, prognos: minskning" if theirs == "öka"
                else "AF: minskning, prognos: ökning")
    if ours == "minska" and pd.notna(rating) and rating >= SHORTAGE:
        return "AF: brist, prognos: minskning"
    return ""


def disagreement(cells: pd.DataFrame, ctx: BriefContext) -> pd.Series:
    """A short flag per occupation where AF and the projection disagree, else ""."""
    flags = [
        _flag(change, outlook, rating)
        for change, outlook, rating in zip(
            cells["change"], cells["af_outlook"], cells["af_rating"], strict=True
        )
    ]
    return pd.Series(flags, index=cells.index, dtype="str")
