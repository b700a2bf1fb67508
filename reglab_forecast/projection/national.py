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
    params: TrendParams, shrink: float,
) -> np.ndarray:
    """Projected national occupation shares ``[o, h]`` (sum to 1 at each horizon).

    The trend of a small occupation is shrunk towards no change by n / (n + shrink), because
    its year-on-year changes are mostly noise.
    """
    total = national.sum(axis=0)
    log_share = np.log(national + 0.5) - np.log(total)
    level, trend = smooth(log_share, years, breaks, params)
    base = national[:, -1]
    trend = trend * base / (base + shrink)
    shares = np.exp(forecast(level, trend, params.phi, horizons))
    shares[base <= 0] = 0.0
    return shares / shares.sum(axis=0, keepdims=True)


def national_path(
    values: np.ndarray, years: np.ndarray, breaks: tuple[int, ...], horizons: np.ndarray,
    total_params: TrendParams, share_params: TrendParams, shrink: float,
    total_override: np.ndarray | None = None,
) -> NationalPath:
    """National total × trended occupation shares; ``values`` is the ``[r, o, t]`` cube."""
    national = values.sum(axis=0)
    total, fit = total_path(national.sum(axis=0), years, breaks, horizons, total_params)
    if total_override is not None:
        total = total_override
    shares = occupation_shares(national, years, breaks, horizons, share_params, shrink)
    return NationalPath(total, shares, shares * total[None, :], fit)
