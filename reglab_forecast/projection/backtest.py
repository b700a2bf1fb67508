"""Rolling-origin backtest: run the method as if it were an earlier year and keep the errors.

For every origin year the panel is cut at that year, the standard method and three baselines
are projected, and the projections are compared with what happened, per län and Riket at
SSYK levels 4, 3, 2 and 1. The errors serve twice: the quality declaration (quality.py, at
län × SSYK3) and the calibration of the 80 % intervals (intervals.py).

Baselines, run in the same pass on the same national total path:
  no_change        Ê = E[T0]
  constant_shares  Ê = E[T0] · total̂[T] / total[T0]     (the BLS naïve model)
  national_trend   Ê = E[T0] · N̂[o, T] / N[o, T0]       (regional shares held constant)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .expansion import DEFAULT_PARAMS, MethodParams, project_points
from .panel import RIKET, Panel
from .totals import WorkingAge
from .trend import mean_increment

METHODS = ("standard", "no_change", "constant_shares", "national_trend")
# Not a method: constant regional shares times the *actual* national occupation path. It shows
# how much of the error the national occupational mix explains (an upper bound for any
# national trend), and is printed as such in the declaration.
DIAGNOSTIC = "national_mix_known"
# The standard method regionalising the *actual* national occupation path (project(...,
# national_path=...)): what a good national projection is worth.
PATH_KNOWN = "national_path_known"
# Today's method before the län totals followed their working-age cohorts: the sum of the
# occupation projections (compared for the län totals only).
OCCUPATIONS_ONLY = "occupations_only"
LEVELS = (4, 3, 2, 1, 0)  # 0: the län total (all occupations)
MIN_HISTORY = 3  # an origin needs three years of data (two clean changes) to trend from


def level_matrix(ssyk: np.ndarray, level: int) -> tuple[np.ndarray, np.ndarray]:
    """Codes at ``level`` and the 0/1 matrix ``[o4, code]`` that sums SSYK4 into them."""
    prefixes = np.array([code[:level] for code in ssyk])
    codes, index = np.unique(prefixes, return_inverse=True)
    matrix = np.zeros((len(ssyk), len(codes)))
    matrix[np.arange(len(ssyk)), index] = 1.0
    return codes, matrix


def method_paths(
    panel: Panel, horizons: np.ndarray, params: MethodParams = DEFAULT_PARAMS,
    ages: WorkingAge | None = None,
) -> dict[str, np.ndarray]:
    """Projected ``[r, o, h]`` of the standard method and the three baselines."""
    points = project_points(panel, horizons, params, ages=ages)
    extra = {} if ages is None else {OCCUPATIONS_ONLY: project_points(panel, horizons,
                                                                      params).employed}
    base = panel.base[:, :, None]
    national_base = panel.base.sum(axis=0)
    total_growth = points.national.total / national_base.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        occupation_growth = np.where(
            national_base[:, None] > 0, points.national.occupations / national_base[:, None], 1.0
        )
    return {
        "standard": points.employed,
        "no_change": np.repeat(base, len(horizons), axis=2),
        "constant_shares": base * total_growth[None, None, :],
        "national_trend": base * occupation_growth[None, :, :],
        **extra,
    }


def break_jumps(full: Panel) -> dict[int, float]:
    """Log level shift of the national total at each break year beyond its usual growth."""
    logs = np.log(full.values.sum(axis=(0, 1)))
    usual = float(mean_increment(logs, full.years, full.breaks))
    steps = np.diff(logs)
    raw = dict(zip(full.years[1:].tolist(), steps.tolist(), strict=True))
    return {year: raw[year] - usual for year in full.breaks if year in raw}


def break_adjustment(full: Panel, origin: int, targets: np.ndarray) -> np.ndarray:
    """Factor that puts actuals of ``targets`` on the measurement basis of ``origin``.

    Used for the interval calibration: a future projection faces no known series break, so
    the level jumps of 2019, 2022 and 2023 are taken out of the errors it learns from.
    """
    jumps = break_jumps(full)
    shift = [sum(j for year, j in jumps.items() if origin < year <= t) for t in targets]
    return np.exp(-np.asarray(shift, dtype=float))


def _national_mix_known(base: np.ndarray, actual: np.ndarray) -> np.ndarray:
    national_base = base.sum(axis=0)
    growth = np.divide(actual.sum(axis=0), national_base[:, None],
                       out=np.ones(actual.shape[1:]), where=national_base[:, None] > 0)
    return base[:, :, None] * growth[None, :, :]


def _cells(cube: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Sum a ``[r, o4, ...]`` cube into ``[r + Riket, code, ...]``."""
    grouped = np.moveaxis(np.tensordot(cube, matrix, axes=([1], [0])), -1, 1)
    return np.concatenate([grouped, grouped.sum(axis=0, keepdims=True)], axis=0)


def origin_errors(
    full: Panel, origin: int, params: MethodParams = DEFAULT_PARAMS,
    levels: tuple[int, ...] = LEVELS, methods: tuple[str, ...] | None = None,
    ages: WorkingAge | None = None,
) -> pd.DataFrame:
    """Projections from ``origin`` against the actuals of every later year in ``full``.

    ``methods`` limits the output to those paths (default: all, with the diagnostics).
    ``ages`` (population by age) lets the län totals follow their working-age cohorts.
    """
    panel = full.cut(origin)
    later = full.years[full.years > origin]
    horizons = later - origin
    actual = full.values[:, :, np.isin(full.years, later)]
    paths = method_paths(panel, horizons, params, ages)
    paths[DIAGNOSTIC] = _national_mix_known(panel.base, actual)
    if methods is None or PATH_KNOWN in methods:
        paths[PATH_KNOWN] = project_points(panel, horizons, params, ages=ages,
                                           occupations_override=actual.sum(axis=0)).employed
    paths = {name: cube for name, cube in paths.items() if methods is None or name in methods}
    factor = break_adjustment(full, origin, later)
    regions = np.append(full.regions, RIKET)
    frames = []
    for level in levels:
        codes, matrix = level_matrix(full.ssyk, level)
        base_cells = _cells(panel.base, matrix)
        actual_cells = _cells(actual, matrix)
        for method, cube in paths.items():
            frame = _long(regions, codes, level, origin, horizons, method,
                          base_cells, actual_cells, _cells(cube, matrix))
            frame["actual_adjusted"] = frame["actual"] * np.tile(factor, len(frame) // len(factor))
            frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def _long(
    regions: np.ndarray, codes: np.ndarray, level: int, origin: int, horizons: np.ndarray,
    method: str, base: np.ndarray, actual: np.ndarray, projected: np.ndarray,
) -> pd.DataFrame:
    n_r, n_c, n_h = projected.shape
    # Codes as object columns: selecting rows of arrow-backed strings is slow at this size.
    return pd.DataFrame({
        "origin": origin,
        "horizon": np.tile(horizons, n_r * n_c),
        "method": pd.Series([method] * (n_r * n_c * n_h), dtype=object),
        "level": level,
        "region": pd.Series(np.repeat(regions, n_c * n_h), dtype=object),
        "ssyk": pd.Series(np.tile(np.repeat(codes, n_h), n_r), dtype=object),
        "base": np.repeat(base.ravel(), n_h),
        "actual": actual.ravel(),
        "projected": projected.ravel(),
    })


def rolling_errors(
    full: Panel, origins: list[int] | None = None, params: MethodParams = DEFAULT_PARAMS,
    levels: tuple[int, ...] = LEVELS, methods: tuple[str, ...] | None = None,
    ages: WorkingAge | None = None,
) -> pd.DataFrame:
    """Errors for every origin with enough history and at least one later year."""
    if origins is None:
        first = int(full.years[0]) + MIN_HISTORY - 1
        origins = list(range(first, int(full.years[-1])))
    frames = [origin_errors(full, origin, params, levels, methods, ages) for origin in origins]
    return pd.concat(frames, ignore_index=True)
