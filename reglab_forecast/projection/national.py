"""National paths: total employment (damped trend) and occupation shares (damped log-share trend).

The total is trended on a chain-linked log series: the change into a break year is replaced by
the mean of the clean changes, so the jump of a new register series is not read as growth. The
fit is statsmodels' damped-trend Holt model with fixed parameters; its results object is kept
so a user can inspect it.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
from statsmodels.tsa.holtwinters import ExponentialSmoothing

from .trend import TrendParams, clean_increments, forecast, mean_increment, smooth


@dataclass(frozen=True)
class NationalPath:
    """``total[h]`` and ``occupations[o, h]`` for horizons 1..H, plus the statsmodels fit."""

    total: np.ndarray
    shares: np.ndarray
    occupations: np.ndarray
    total_fit: Any


def chain_linked_log(total: np.ndarray, years: np.ndarray, breaks: tuple[int, ...]) -> np.ndarray:
    """log(total) with the changes into break years replaced by the mean clean change.

    The series ends at the observed base-year level so that the projection starts there.
    """
    logs = np.log(total)
    steps = clean_increments(logs, years, breaks)
    steps = np.where(np.isnan(steps), mean_increment(logs, years, breaks), steps)
    linked = np.concatenate([[0.0], np.cumsum(steps)])
    return linked - linked[-1] + logs[-1]


def total_path(
    total: np.ndarray, years: np.ndarray, breaks: tuple[int, ...], horizons: np.ndarray,
    params: TrendParams,
) -> tuple[np.ndarray, Any]:
    """Projected national total for each horizon; statsmodels damped Holt on the linked series."""
    linked = chain_linked_log(total, years, breaks)
    start_trend = float(mean_increment(linked, years, ()))
    model = ExponentialSmoothing(
        linked, trend="add", damped_trend=True, initialization_method="known",
        initial_level=float(linked[0]), initial_trend=start_trend,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # short series: statsmodels warns about few observations
        fit = model.fit(smoothing_level=params.alpha, smoothing_trend=params.beta,
                        damping_trend=params.phi, optimized=False)
        path = np.asarray(fit.forecast(int(np.max(horizons))))
    return np.exp(path[np.asarray(horizons) - 1]), fit


def occupation_shares(
    national: np.ndarray, years: np.ndarray, breaks: tuple[int, ...], horizons: np.ndarray,
    params: TrendParams, shrink: float, groups: np.ndarray | None = None,
    own_weight: float = 1.0,
) -> np.ndarray:
    """Projected national occupation shares ``[o, h]`` (sum to 1 at each horizon).

    Without ``groups`` the trend of a small occupation is shrunk towards no change by
    n / (n + shrink), because its year-on-year changes are mostly noise. With ``groups`` (the
    0/1 matrix ``[o, group]``, e.g. SSYK2) each trend is instead ``own_weight`` × its own plus
    the rest × its group's share trend: pooling the noise of related occupations beat the
    shrinking in the backtest (län × SSYK3, five years: WAPE with region totals known
    9,4 % instead of 9,5 %, every origin 2016–2019 better).
    """
    total = national.sum(axis=0)
    log_share = np.log(national + 0.5) - np.log(total)
    level, trend = smooth(log_share, years, breaks, params)
    base = national[:, -1]
    if groups is None or own_weight >= 1.0:
        trend = trend * base / (base + shrink)
    else:
        group_share = np.log(groups.T @ national + 0.5) - np.log(total)
        _, group_trend = smooth(group_share, years, breaks, params)
        trend = own_weight * trend + (1.0 - own_weight) * (groups @ group_trend)
    shares = np.exp(forecast(level, trend, params.phi, horizons))
    shares[base <= 0] = 0.0
    return shares / shares.sum(axis=0, keepdims=True)


def group_matrix(ssyk: np.ndarray, level: int) -> np.ndarray:
    """The 0/1 matrix ``[o, group]`` of each SSYK4 code's group at ``level``."""
    _, index = np.unique([str(code)[:level] for code in ssyk], return_inverse=True)
    matrix = np.zeros((len(ssyk), int(index.max()) + 1))
    matrix[np.arange(len(ssyk)), index] = 1.0
    return matrix


def national_path(
    values: np.ndarray, years: np.ndarray, breaks: tuple[int, ...], horizons: np.ndarray,
    total_params: TrendParams, share_params: TrendParams, shrink: float,
    total_override: np.ndarray | None = None, groups: np.ndarray | None = None,
    own_weight: float = 1.0,
) -> NationalPath:
    """National total × trended occupation shares; ``values`` is the ``[r, o, t]`` cube."""
    national = values.sum(axis=0)
    total, fit = total_path(national.sum(axis=0), years, breaks, horizons, total_params)
    if total_override is not None:
        total = total_override
    shares = occupation_shares(national, years, breaks, horizons, share_params, shrink,
                                groups, own_weight)
    return NationalPath(total, shares, shares * total[None, :], fit)
