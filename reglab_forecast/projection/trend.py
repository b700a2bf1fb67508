"""Damped-trend exponential smoothing, vectorised over many series, aware of series breaks.

This is Holt's linear method with a damped trend (the additive-trend, damped ETS(A,Ad,N) point
forecast) written as array operations so that all 21 × 429 regional shares are trended in one
pass; statsmodels would need one fit per series. The recursion is the one statsmodels'
``ExponentialSmoothing(trend="add", damped_trend=True)`` uses, with fixed parameters:

    l_t = α y_t + (1 − α)(l_{t−1} + φ b_{t−1})
    b_t = β (l_t − l_{t−1}) + (1 − β) φ b_{t−1}
    ŷ_{T+h} = l_T + (φ + φ² + … + φ^h) b_T

At a series break the observation is taken as a new level (l_t = y_t) and the trend is carried
over untouched, so that the jump from a change of measurement is never read as growth.
``breaks`` is either a tuple of years (every series breaks there) or a boolean mask that
broadcasts to ``y`` (True where the change into that year is a break for that series, e.g.
the 2018 break that touches only some occupations).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

Breaks = tuple[int, ...] | np.ndarray


@dataclass(frozen=True)
class TrendParams:
    """Smoothing parameters: level α, trend β, damping φ."""

    alpha: float = 1.0
    beta: float = 0.3
    phi: float = 0.85


def damping_sum(phi: float, horizons: np.ndarray) -> np.ndarray:
    """φ + φ² + … + φ^h for each horizon h (h for φ = 1)."""
    h = np.asarray(horizons, dtype=float)
    if abs(1.0 - phi) < 1e-12:
        return h
    return phi * (1.0 - phi**h) / (1.0 - phi)


def break_mask(years: np.ndarray, breaks: Breaks) -> np.ndarray:
    """Boolean ``[..., t]``: True where the change into ``years[t]`` is a break."""
    if isinstance(breaks, np.ndarray):
        return breaks.astype(bool)
    return np.isin(np.asarray(years), breaks)


def clean_increments(y: np.ndarray, years: np.ndarray, breaks: Breaks) -> np.ndarray:
    """Year-on-year changes of ``y`` (last axis) with the changes into break years as NaN."""
    steps = np.diff(y, axis=-1).astype(float)
    at_break = np.broadcast_to(break_mask(years, breaks)[..., 1:], steps.shape)
    return np.where(at_break, np.nan, steps)


def mean_increment(y: np.ndarray, years: np.ndarray, breaks: Breaks) -> np.ndarray:
    """Mean of the clean year-on-year changes (0 where there is none)."""
    steps = clean_increments(y, years, breaks)
    count = np.sum(~np.isnan(steps), axis=-1)
    total = np.nansum(steps, axis=-1)
    return np.where(count > 0, total / np.maximum(count, 1), 0.0)


def smooth(
    y: np.ndarray, years: np.ndarray, breaks: Breaks, params: TrendParams
) -> tuple[np.ndarray, np.ndarray]:
    """Run the damped-trend recursion along the last axis; return the final (level, trend)."""
    alpha, beta, phi = params.alpha, params.beta, params.phi
    level = y[..., 0].copy()
    trend = mean_increment(y, years, breaks)
    mask = np.broadcast_to(break_mask(years, breaks), y.shape)
    for t in range(1, y.shape[-1]):
        previous = level
        updated = alpha * y[..., t] + (1 - alpha) * (previous + phi * trend)
        new_trend = beta * (updated - previous) + (1 - beta) * phi * trend
        # At a break: new measurement level, the trend kept as it was.
        level = np.where(mask[..., t], y[..., t], updated)
        trend = np.where(mask[..., t], trend, new_trend)
    return level, trend


def forecast(level: np.ndarray, trend: np.ndarray, phi: float, horizons: np.ndarray) -> np.ndarray:
    """Point forecasts ``[..., h]`` for the given horizons."""
    damp = damping_sum(phi, horizons)
    return level[..., None] + trend[..., None] * damp
