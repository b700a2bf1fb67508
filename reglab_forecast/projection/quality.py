"""The quality declaration: how well the method did in the past, next to three baselines.

At län × SSYK3, for each origin and horizon (METHOD.md, "Quality declaration"):

- WAPE, Σ|Ê − E| / ΣE, as projected and with the region totals known (the projection scaled
  to each län's actual total, so only the occupational mix is judged);
- direction: share of cells with |actual change| ≥ 5 % whose sign of change was right;
- "faster than average": share of cells correctly placed above/below their län's growth;
- coverage of the 80 % intervals. The intervals of an origin are calibrated on the errors of
  the *other* origins (leave-one-origin-out), never on the errors being scored.

Baselines have no direction (no change) or no ranking (no change, constant shares); those
figures are left empty rather than scored as if they were guesses.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .intervals import calibrate

DIRECTION_THRESHOLD = 0.05
UNDEFINED = {"direction": ("no_change",), "faster": ("no_change", "constant_shares")}


def _scaled_to_totals(cells: pd.DataFrame) -> np.ndarray:
    totals = cells.groupby("region")[["actual", "projected"]].transform("sum")
    scale = np.divide(totals["actual"], totals["projected"], out=np.ones(len(cells)),
                      where=totals["projected"].to_numpy() > 0)
    return cells["projected"].to_numpy() * scale


def _direction(cells: pd.DataFrame) -> tuple[float, int]:
    base, actual, projected = (cells[c].to_numpy(float) for c in ("base", "actual", "projected"))
    with np.errstate(divide="ignore", invalid="ignore"):
        moved = (base > 0) & (np.abs(actual / base - 1) >= DIRECTION_THRESHOLD)
    right = np.sign(projected - base)[moved] == np.sign(actual - base)[moved]
    return float(right.mean()) if moved.any() else float("nan"), int(moved.sum())


def _faster(cells: pd.DataFrame) -> float:
    frame = cells[cells["base"] > 0]
    totals = frame.groupby("region")[["base", "actual", "projected"]].transform("sum")
    actual_faster = frame["actual"] / frame["base"] > totals["actual"] / totals["base"]
    projected_faster = frame["projected"] / frame["base"] > totals["projected"] / totals["base"]
    return float((actual_faster == projected_faster).mean())


def cell_metrics(cells: pd.DataFrame, method: str) -> dict[str, float]:
    """Metrics for one origin × horizon × method (län × SSYK3 cells)."""
    actual = cells["actual"].to_numpy(float)
    total = actual.sum()
    direction, moved = _direction(cells)
    metrics = {
        "wape": float(np.abs(cells["projected"].to_numpy() - actual).sum() / total),
        "wape_totals_known": float(np.abs(_scaled_to_totals(cells) - actual).sum() / total),
        "direction": direction,
        "faster": _faster(cells),
        "cells": float(len(cells)),
        "cells_moved": float(moved),
    }
    for name, methods in UNDEFINED.items():
        if method in methods:
            metrics[name] = float("nan")
    return metrics


def _bounds(cells: pd.DataFrame, pool: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Intervals for ``cells`` calibrated on the errors in ``pool`` (NaN if it is empty)."""
    lower, upper = np.full(len(cells), np.nan), np.full(len(cells), np.nan)
    if pool.empty:
        return lower, upper
    calibration = calibrate(pool)
    horizon = cells["horizon"].to_numpy(int)
    for h in np.unique(horizon):
        rows = horizon == h
        lower[rows], upper[rows] = calibration.apply(
            cells["projected"].to_numpy(float)[rows], cells["base"].to_numpy(float)[rows], int(h))
    return lower, upper


def _coverage(scored: pd.DataFrame, pool: pd.DataFrame) -> pd.DataFrame:
    """Interval coverage of each origin's cells, calibrated two ways without its own errors.

    ``inside``: leave-one-origin-out (the other origins' errors). ``inside_realtime``: only
    errors that were known at the origin (target year ≤ origin), the short horizons widened
    by √h as in production; the strictest check, since it uses nothing after the origin.
    """
    parts = []
    for origin, cells in scored.groupby("origin"):
        known = pool["origin"] + pool["horizon"] <= int(str(origin))
        lower, upper = _bounds(cells, pool[known])
        part = cells.assign(lower=lower, upper=upper)
        realtime = _inside(part, "actual").where(~np.isnan(lower))
        lower, upper = _bounds(cells, pool[pool["origin"] != origin])
        parts.append(cells.assign(lower=lower, upper=upper, inside_realtime=realtime))
    frame = pd.concat(parts)
    return frame.assign(inside=_inside(frame, "actual"),
                        inside_adjusted=_inside(frame, "actual_adjusted"))


def _inside(frame: pd.DataFrame, column: str) -> pd.Series:
    """Actual within [lower, upper], up to rounding (a zero-width interval can still hit)."""
    slack = 1e-9 * np.maximum(frame[column].abs(), 1.0)
    return (frame[column] >= frame["lower"] - slack) & (frame[column] <= frame["upper"] + slack)


def metrics_table(errors: pd.DataFrame, origins: list[int], horizons: list[int]) -> pd.DataFrame:
    """One row per origin × horizon × method with every metric, at län × SSYK3."""
    rows = []
    for method, frame in errors.groupby("method"):
        scored = frame[(frame["level"] == 3) & (frame["region"] != "00")
                       & frame["origin"].isin(origins) & frame["horizon"].isin(horizons)]
        covered = _coverage(scored, frame)
        for key, cells in covered.groupby(["origin", "horizon"]):
            origin, horizon = (int(str(k)) for k in key)
            rows.append({"method": method, "origin": origin, "horizon": horizon,
                         **cell_metrics(cells, str(method)),
                         "coverage": float(cells["inside"].mean()),
                         "coverage_adjusted": float(cells["inside_adjusted"].mean()),
                         "coverage_realtime": float(cells["inside_realtime"].astype(float).mean()),
                         "abs_error": float(np.abs(cells["projected"] - cells["actual"]).sum()),
                         "abs_error_known": float(
                             np.abs(_scaled_to_totals(cells) - cells["actual"]).sum()),
                         "actual_total": float(cells["actual"].sum())})
    return pd.DataFrame(rows)


def pooled(table: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Pool origins: WAPE as total |error| over total actual, shares weighted by cells."""
    def one(group: pd.DataFrame) -> pd.Series:
        weights = group["cells"]
        moved = group["cells_moved"]
        return pd.Series({
            "wape": group["abs_error"].sum() / group["actual_total"].sum(),
            "wape_totals_known": group["abs_error_known"].sum() / group["actual_total"].sum(),
            "direction": _weighted(group["direction"], moved),
            "faster": _weighted(group["faster"], weights),
            "coverage": _weighted(group["coverage"], weights),
            "coverage_adjusted": _weighted(group["coverage_adjusted"], weights),
            "coverage_realtime": _weighted(group["coverage_realtime"], weights),
            "origins": ",".join(str(o) for o in sorted(group["origin"].unique())),
        })
    result = [{**dict(zip(by, key if isinstance(key, tuple) else (key,), strict=True)),
               **one(group).to_dict()} for key, group in table.groupby(by)]
    return pd.DataFrame(result)


def _weighted(values: pd.Series, weights: pd.Series) -> float:
    mask = values.notna() & (weights > 0)
    if not mask.any():
        return float("nan")
    return float(np.average(values[mask], weights=weights[mask]))
