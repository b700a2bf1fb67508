"""80 % intervals from the method's own rolling-origin errors, by level, cell size and horizon.

The error of a cell is ``log(1 + actual) − log(1 + projected)``; ``log1p`` keeps empty cells
usable. The 10th and 90th percentiles of these errors are the interval's offsets. They are
calibrated per reporting level (SSYK 4, 3, 2, 1 and the län total, level 0: totals from
totals' own errors) and size bin (employed in the base year), pooled over län and Riket; a
bin with fewer than ``MIN_CELLS`` errors at its level is merged with its neighbours.

Smooth and monotone in the horizon: per level × bin the percentiles at each observed horizon
are fitted by ``c · h^p`` (weighted least squares, ``0 ≤ p ≤ 1``), so the fan has no kinks
where per-horizon quantiles jump, never narrows further ahead, and extends to 15 years by the
same curve (p = ½ is a random walk). The län totals (level 0) get a symmetric interval on
the log scale: its half-width is the 80th percentile of the absolute errors, fitted the same
way. Their errors lean one way (the method has under-projected the growth of 2016–2024), so
quantiles of the signed errors would put the lower bound on the point itself; the symmetric
width keeps 80 % of the past errors inside and the point strictly inside the interval. The
lean itself is measured and printed by the declaration (``quality.totals_bias``). The
unfitted per-horizon table (``lower``/``upper``, pooled over levels) is kept for files
written before the levels were stored.

The calibration is computed by the backtest and stored as JSON next to the snapshot
(``calibration.json``, see stored.py), so ``project`` never has to re-run the backtest.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import SnapshotError
from ..files import write_json_atomic
from .stored import CALIBRATION, read_path, save_path

SIZE_EDGES: tuple[float, ...] = (0.0, 20.0, 100.0, 500.0, 2000.0, 10000.0, 50000.0, 250000.0)
COVERAGE = 0.8
TOTAL_LEVEL = 0  # the län total (all occupations)
MIN_CELLS = 200
LONGEST = 15
POWERS = np.linspace(0.0, 1.0, 41)


@dataclass(frozen=True)
class Calibration:
    """Interval offsets ``lower[bin][h-1]``, ``upper[bin][h-1]`` on the log1p scale."""

    horizons: list[int]
    lower: list[list[float]]
    upper: list[list[float]]
    size_edges: list[float] = field(default_factory=lambda: list(SIZE_EDGES))
    coverage: float = COVERAGE
    origins: list[int] = field(default_factory=list)
    note: str = ""
    # Last year whose outcomes the errors used; a projection from an earlier base year must
    # not use this calibration (it would know what happened after its base year).
    data_end: int | None = None
    # Per reporting level ("0" = län total, "1".."4" SSYK): {"lower": [bin][h-1], "upper": …}
    # for horizons 1..15, smooth and monotone (see the module docstring).
    by_level: dict[str, dict[str, list[list[float]]]] = field(default_factory=dict)

    @property
    def last_outcome_year(self) -> int | None:
        """``data_end``, or for a file written before it was stored, the least it can be."""
        if self.data_end is not None:
            return int(self.data_end)
        return max(self.origins) + 1 if self.origins else None

    def offsets(self, base: np.ndarray, horizon: int, level: int | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
        """Lower and upper offsets for cells of size ``base`` at ``horizon`` years, from the
        level's own calibration when there is one (``level`` 0 = län total, 1–4 SSYK)."""
        bins = size_bins(base, self.size_edges)
        table = self.by_level.get(str(level)) if level is not None else None
        if table is not None:
            h = min(horizon, len(table["lower"][0]))
            scale = np.sqrt(horizon / h) if horizon > h else 1.0
            return (np.asarray(table["lower"])[:, h - 1][bins] * scale,
                    np.asarray(table["upper"])[:, h - 1][bins] * scale)
        h_max = max(self.horizons)
        h = min(horizon, h_max)
        # Beyond the observed horizons errors are assumed to grow like a random walk.
        scale = np.sqrt(horizon / h_max) if horizon > h_max else 1.0
        lower = np.asarray(self.lower)[:, h - 1] * scale
        upper = np.asarray(self.upper)[:, h - 1] * scale
        return lower[bins], upper[bins]

    def apply(self, projected: np.ndarray, base: np.ndarray, horizon: int,
              level: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The 80 % interval (lower, upper) around ``projected`` (``level`` as in offsets)."""
        if horizon <= 0:
            return projected.copy(), projected.copy()
        lo, hi = self.offsets(base, horizon, level)
        centre = np.log1p(np.maximum(projected, 0.0))
        lower = np.maximum(np.expm1(centre + lo), 0.0)
        return np.minimum(lower, projected), np.maximum(np.expm1(centre + hi), projected)

    def save(self, path: Path | None = None) -> Path:
        path = save_path(CALIBRATION) if path is None else Path(path)
        write_json_atomic(path, asdict(self))
        return path


def size_bins(base: np.ndarray, edges: list[float] | tuple[float, ...]) -> np.ndarray:
    """Index of each cell's size bin."""
    return np.clip(np.searchsorted(np.asarray(edges), base, side="right") - 1, 0, len(edges) - 1)


def log_errors(actual: pd.Series, projected: pd.Series) -> np.ndarray:
    return np.log1p(actual.to_numpy(float)) - np.log1p(np.maximum(projected.to_numpy(float), 0))


def calibrate(errors: pd.DataFrame, actual_column: str = "actual_adjusted",
              note: str = "") -> Calibration:
    """Quantile offsets from an errors frame (columns base, horizon, actual, projected)."""
    tail = (1.0 - COVERAGE) / 2.0
    frame = pd.DataFrame({
        "bin": size_bins(errors["base"].to_numpy(float), SIZE_EDGES),
        "horizon": errors["horizon"].to_numpy(int),
        "error": log_errors(errors[actual_column], errors["projected"]),
    })
    grouped = frame.groupby(["bin", "horizon"])["error"]
    quantiles = pd.DataFrame({tail: grouped.quantile(tail), 1 - tail: grouped.quantile(1 - tail)})
    horizons = list(range(1, int(frame["horizon"].max()) + 1))
    grid = pd.MultiIndex.from_product([range(len(SIZE_EDGES)), horizons])
    quantiles = quantiles.reindex(grid).groupby(level=0).ffill().fillna(0.0)
    lower = quantiles[tail].unstack().to_numpy()
    upper = quantiles[1 - tail].unstack().to_numpy()
    # Never narrower further ahead: running min/max along the horizon.
    lower = np.minimum.accumulate(np.minimum(lower, 0.0), axis=1)
    upper = np.maximum.accumulate(np.maximum(upper, 0.0), axis=1)
    origins, data_end = [], None
    if "origin" in errors:
        origins = sorted(int(o) for o in errors["origin"].unique())
        data_end = int((errors["origin"] + errors["horizon"]).max())
    by_level = level_tables(errors, actual_column) if "level" in errors else {}
    return Calibration(horizons, lower.round(5).tolist(), upper.round(5).tolist(),
                       origins=origins, note=note, data_end=data_end, by_level=by_level)


def power_fit(quantiles: np.ndarray, horizons: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """``c · h^p`` for h = 1..LONGEST, fitted to ``quantiles`` at ``horizons`` (weighted least
    squares over p in [0, 1], c in closed form): smooth and monotone in the horizon."""
    best, fitted = np.inf, np.zeros(LONGEST)
    # One observed horizon cannot show how errors grow: a random walk (p = ½) is assumed.
    for power in POWERS if len(horizons) > 1 else np.array([0.5]):
        shape = horizons.astype(float) ** power
        c = float(np.sum(weights * quantiles * shape) / np.sum(weights * shape**2))
        loss = float(np.sum(weights * (quantiles - c * shape) ** 2))
        if loss < best:
            best, fitted = loss, c * np.arange(1, LONGEST + 1, dtype=float) ** power
    return fitted


def _fitted(errors: np.ndarray, horizons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Smoothed lower and upper offsets for h = 1..LONGEST from one group's errors."""
    tail = (1.0 - COVERAGE) / 2.0
    steps = np.unique(horizons)
    counts = np.array([np.sum(horizons == h) for h in steps], dtype=float)
    low = np.array([np.quantile(errors[horizons == h], tail) for h in steps])
    high = np.array([np.quantile(errors[horizons == h], 1 - tail) for h in steps])
    return (np.minimum(power_fit(low, steps, counts), 0.0),
            np.maximum(power_fit(high, steps, counts), 0.0))


def _symmetric(errors: np.ndarray, horizons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Offsets ∓w for h = 1..LONGEST, w = ``c · h^p`` fitted to the 80th percentile of the
    absolute errors at each observed horizon (the län totals; module docstring)."""
    steps = np.unique(horizons)
    counts = np.array([np.sum(horizons == h) for h in steps], dtype=float)
    width = np.array([np.quantile(np.abs(errors[horizons == h]), COVERAGE) for h in steps])
    fitted = np.maximum(power_fit(width, steps, counts), 0.0)
    return -fitted, fitted


def bin_groups(counts: np.ndarray, minimum: int = MIN_CELLS) -> np.ndarray:
    """Group index per size bin: neighbouring bins merged upwards until each group holds at
    least ``minimum`` cells (a small remainder at the top joins the group below it)."""
    groups, group, held = np.zeros(len(counts), dtype=int), 0, 0
    for b, count in enumerate(counts):
        groups[b] = group
        held += int(count)
        if held >= minimum and b < len(counts) - 1:
            group, held = group + 1, 0
    if held < minimum and group > 0:
        groups[groups == group] = group - 1
    return groups


def level_tables(errors: pd.DataFrame, actual_column: str = "actual_adjusted"
                 ) -> dict[str, dict[str, list[list[float]]]]:
    """Offsets per level × size bin × horizon 1..LONGEST (module docstring). Bins with few
    errors are merged with their neighbours within the level; the län total (level 0) is one
    group whatever its size, with a symmetric width."""
    error = log_errors(errors[actual_column], errors["projected"])
    horizon = errors["horizon"].to_numpy(int)
    level = errors["level"].to_numpy(int)
    bins = size_bins(errors["base"].to_numpy(float), SIZE_EDGES)
    tables: dict[str, dict[str, list[list[float]]]] = {}
    for lev in np.unique(level):
        at_level = level == lev
        counts = np.bincount(bins[at_level], minlength=len(SIZE_EDGES))
        groups = (np.zeros(len(SIZE_EDGES), dtype=int) if lev == TOTAL_LEVEL
                  else bin_groups(counts))
        fit = _symmetric if lev == TOTAL_LEVEL else _fitted
        fitted = {g: fit(error[at_level & np.isin(bins, np.flatnonzero(groups == g))],
                         horizon[at_level & np.isin(bins, np.flatnonzero(groups == g))])
                  for g in np.unique(groups)}
        tables[str(int(lev))] = {
            "lower": [fitted[g][0].round(5).tolist() for g in groups],
            "upper": [fitted[g][1].round(5).tolist() for g in groups]}
    return tables


def load_calibration(path: Path | None = None) -> Calibration:
    """The stored calibration (written by ``reglab-forecast backtest --save``)."""
    path = read_path(CALIBRATION) if path is None else Path(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Calibration(**data)
    except FileNotFoundError as error:
        raise SnapshotError(
            f"intervallkalibreringen saknas ({path}); kör 'reglab-forecast backtest --save'"
        ) from error
    except (json.JSONDecodeError, TypeError) as error:
        raise SnapshotError(
            f"intervallkalibreringen i {path} går inte att läsa: {error}"
        ) from error
