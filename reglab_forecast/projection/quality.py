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

from ..numbers import format_int
from .backtest import OCCUPATIONS_ONLY
from .intervals import SIZE_EDGES, bin_groups, calibrate, size_bins

DIRECTION_THRESHOLD = 0.05
UNDEFINED = {"direction": ("no_change",), "direction_adjusted": ("no_change",),
             "faster": ("no_change", "constant_shares")}


def _scaled_to_totals(cells: pd.DataFrame) -> np.ndarray:
    """Projected cells scaled so each region's sum equals its actual sum."""
    codes, regions = pd.factorize(cells["region"])
    projected = cells["projected"].to_numpy(float)
    actual = np.bincount(codes, cells["actual"].to_numpy(float), len(regions))
    total = np.bincount(codes, projected, len(regions))
    scale = np.divide(actual, total, out=np.ones(len(regions)), where=total > 0)
    return projected * scale[codes]


def _direction(cells: pd.DataFrame, column: str = "actual") -> tuple[float, int]:
    base, actual, projected = (cells[c].to_numpy(float) for c in ("base", column, "projected"))
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
    adjusted, moved_adjusted = (_direction(cells, "actual_adjusted")
                                if "actual_adjusted" in cells else (float("nan"), 0))
    metrics = {
        "wape": float(np.abs(cells["projected"].to_numpy() - actual).sum() / total),
        "wape_totals_known": float(np.abs(_scaled_to_totals(cells) - actual).sum() / total),
        "direction": direction,
        "direction_adjusted": adjusted,
        "cells_moved_adjusted": float(moved_adjusted),
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
    level = cells["level"].to_numpy(int)
    for h, lev in {(int(h), int(v)) for h, v in zip(horizon, level, strict=True)}:
        rows = (horizon == h) & (level == lev)
        lower[rows], upper[rows] = calibration.apply(
            cells["projected"].to_numpy(float)[rows], cells["base"].to_numpy(float)[rows], h, lev)
    return lower, upper


def _coverage(scored: pd.DataFrame, pool: pd.DataFrame) -> pd.DataFrame:
    """Interval coverage of each origin's cells, calibrated two ways without its own errors.

    ``inside``: leave-one-origin-out (the other origins' errors). ``inside_realtime``: only
    errors that were known at the origin (target year ≤ origin), the short horizons widened
    by √h as in production; the strictest check, since it uses nothing after the origin.
    """
    parts = []
    pool = pool[pool["level"].isin(scored["level"].unique())]  # each level its own errors
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
        if method == OCCUPATIONS_ONLY:  # compared for the län totals only (totals_table)
            continue
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
            "direction_adjusted": _weighted(group["direction_adjusted"],
                                            group["cells_moved_adjusted"]),
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


def size_bin_labels(edges: tuple[float, ...] = SIZE_EDGES) -> list[str]:
    """'0–19', '20–99', …, '250 000–' for the size bins (employed in the base year)."""
    labels = [f"{format_int(lo)}–{format_int(hi - 1)}"
              for lo, hi in zip(edges[:-1], edges[1:], strict=True)]
    return [*labels, f"{format_int(edges[-1])}–"]


MIN_REPORTED = 100


def _group_labels(groups: np.ndarray) -> list[str]:
    """A size label per bin group ('2 000–9 999', '10 000–')."""
    single = size_bin_labels()
    labels = []
    for g in np.unique(groups):
        members = np.flatnonzero(groups == g)
        first, last = single[members[0]], single[members[-1]]
        labels.append(first.split("–")[0] + "–" + last.split("–")[1])
    return labels


def bin_coverage(errors: pd.DataFrame, origins: list[int], horizons: list[int],
                 level: int = 3, method: str = "standard") -> pd.DataFrame:
    """Coverage of the 80 % intervals per size bin (leave-one-origin-out), pooled over
    ``origins``: columns level, horizon, bin, size, cells, coverage, coverage_adjusted."""
    frame = errors[errors["method"] == method]
    scored = frame[(frame["level"] == level) & (frame["region"] != "00")
                   & frame["origin"].isin(origins) & frame["horizon"].isin(horizons)]
    covered = _coverage(scored, frame)
    counts = np.bincount(size_bins(covered["base"].to_numpy(float), SIZE_EDGES),
                         minlength=len(SIZE_EDGES)) // max(len(horizons), 1)
    # Bins with few cells are reported together with their neighbours (as calibrated); the
    # län totals as one group.
    groups = (np.zeros(len(SIZE_EDGES), dtype=int) if level == 0
              else bin_groups(counts, MIN_REPORTED))
    covered = covered.assign(bin=groups[size_bins(covered["base"].to_numpy(float), SIZE_EDGES)])
    labels = ["alla län"] if level == 0 else _group_labels(groups)
    table = covered.groupby(["horizon", "bin"], as_index=False).agg(
        cells=("inside", "size"), coverage=("inside", "mean"),
        coverage_adjusted=("inside_adjusted", "mean"))
    return table.assign(level=level, size=[labels[b] for b in table["bin"]])[
        ["level", "horizon", "bin", "size", "cells", "coverage", "coverage_adjusted"]]


def totals_table(errors: pd.DataFrame, origins: list[int], horizons: list[int]
                 ) -> pd.DataFrame:
    """WAPE of the län totals (region totals unknown) per method × horizon, pooled over
    ``origins``: as projected, and with Riket's total known (each origin × horizon scaled so
    the län sum to the actual national total). Columns: method, horizon, wape,
    wape_national_known, origins."""
    cells = errors[(errors["level"] == 0) & (errors["region"] != "00")
                   & errors["origin"].isin(origins) & errors["horizon"].isin(horizons)]
    sums = cells.groupby(["method", "origin", "horizon"])[["actual", "projected"]].transform("sum")
    scaled = cells["projected"] * sums["actual"] / sums["projected"].where(sums["projected"] > 0)
    cells = cells.assign(error=(cells["projected"] - cells["actual"]).abs(),
                         error_known=(scaled.fillna(0.0) - cells["actual"]).abs())
    table = cells.groupby(["method", "horizon"], as_index=False).agg(
        error=("error", "sum"), error_known=("error_known", "sum"), actual=("actual", "sum"))
    return pd.DataFrame({
        "method": table["method"], "horizon": table["horizon"],
        "wape": table["error"] / table["actual"],
        "wape_national_known": table["error_known"] / table["actual"],
        "origins": ",".join(str(o) for o in sorted(origins)),
    })


def totals_bias(errors: pd.DataFrame, origins: list[int], horizons: list[int]
                ) -> dict[str, float]:
    """How the län totals' outcomes leaned against the standard method: per horizon, the
    median of actual (adjusted for the series breaks' level shifts) / projected − 1 over the
    län and ``origins``, and the share of those outcomes above the projection. Keys
    ``"median_<h>"`` and ``"above_<h>"``, fractions."""
    cells = errors[(errors["level"] == 0) & (errors["region"] != "00")
                   & (errors["method"] == "standard") & errors["origin"].isin(origins)]
    out: dict[str, float] = {}
    for h in horizons:
        at = cells[cells["horizon"] == h]
        if at.empty:
            continue
        error = np.log1p(at["actual_adjusted"].to_numpy(float)) - np.log1p(
            at["projected"].to_numpy(float))
        out[f"median_{h}"] = float(np.expm1(np.median(error)))
        out[f"above_{h}"] = float(np.mean(error > 0))
    return out


def corrected_totals(errors: pd.DataFrame, origins: list[int], horizons: list[int]
                     ) -> dict[str, float]:
    """What correcting the län totals for their lean would have done: per horizon, WAPE of
    the totals against adjusted outcomes as projected (``"point_<h>"``) and multiplied by
    exp(b·h) (``"corrected_<h>"``), b the median of error / horizon over the errors known at
    the origin (target year ≤ origin), so nothing after the origin is used."""
    cells = errors[(errors["level"] == 0) & (errors["region"] != "00")
                   & (errors["method"] == "standard")]
    error = np.log1p(cells["actual_adjusted"].to_numpy(float)) - np.log1p(
        cells["projected"].to_numpy(float))
    cells = cells.assign(per_year=error / cells["horizon"].to_numpy(float))
    out: dict[str, float] = {}
    for h in horizons:
        point = corrected = actual = 0.0
        for origin in origins:
            known = cells[cells["origin"] + cells["horizon"] <= origin]["per_year"]
            slope = float(known.median()) if len(known) else 0.0
            scored = cells[(cells["origin"] == origin) & (cells["horizon"] == h)]
            projected = scored["projected"].to_numpy(float)
            outcome = scored["actual_adjusted"].to_numpy(float)
            point += float(np.abs(projected - outcome).sum())
            corrected += float(np.abs(projected * np.exp(slope * h) - outcome).sum())
            actual += float(outcome.sum())
        if actual > 0:
            out[f"point_{h}"], out[f"corrected_{h}"] = point / actual, corrected / actual
    return out
