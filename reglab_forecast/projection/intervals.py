"""80 % intervals from the method's own rolling-origin errors, by horizon and cell size.

The error of a cell is ``log(1 + actual) − log(1 + projected)``; ``log1p`` keeps empty cells
usable. For each size bin (employed in the base year) and horizon the 10th and 90th
percentiles of these errors are the interval's offsets, so the interval covers 80 % of past
outcomes by construction. Errors are pooled over län and Riket and SSYK levels 1–4, so an
aggregated cell gets the interval of its own size.

Horizons beyond the longest one observed (8 years with data 2014–2024) are widened by
sqrt(h / h_max): the random-walk rate at which errors grew over the observed horizons. Offsets
are also made monotone in the horizon, so an interval never narrows further ahead.

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

    @property
    def last_outcome_year(self) -> int | None:
        """``data_end``, or for a file written before it was stored, the least it can be."""
        if self.data_end is not None:
            return int(self.data_end)
        return max(self.origins) + 1 if self.origins else None

    def offsets(self, base: np.ndarray, horizon: int) -> tuple[np.ndarray, np.ndarray]:
        """Lower and upper offsets for cells of size ``base`` at ``horizon`` years."""
        bins = size_bins(base, self.size_edges)
        h_max = max(self.horizons)
        h = min(horizon, h_max)
        # Beyond the observed horizons errors are assumed to grow like a random walk.
        scale = np.sqrt(horizon / h_max) if horizon > h_max else 1.0
        lower = np.asarray(self.lower)[:, h - 1] * scale
        upper = np.asarray(self.upper)[:, h - 1] * scale
        return lower[bins], upper[bins]

    def apply(self, projected: np.ndarray, base: np.ndarray, horizon: int
              ) -> tuple[np.ndarray, np.ndarray]:
        """The 80 % interval (lower, upper) around ``projected``."""
        if horizon <= 0:
            return projected.copy(), projected.copy()
        lo, hi = self.offsets(base, horizon)
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
    return Calibration(horizons, lower.round(5).tolist(), upper.round(5).tolist(),
                       origins=origins, note=note, data_end=data_end)


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
