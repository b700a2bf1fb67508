"""Regional shares of each national occupation, trended with damping and reconciled.

``q[r, o, t] = E[r, o, t] / N[o, t]`` is trended on the log scale. Small cells are shrunk
towards no change (their trend is multiplied by n / (n + shrink)), and the projected shares
of each occupation are scaled to sum to one over the län, so that the län add up to Riket.
"""

from __future__ import annotations

import numpy as np

from .trend import Breaks, TrendParams, forecast, smooth


def regional_shares(
    values: np.ndarray, years: np.ndarray, breaks: Breaks, horizons: np.ndarray,
    params: TrendParams, shrink: float,
) -> np.ndarray:
    """Projected regional shares ``q[r, o, h]``; each occupation's shares sum to 1 over r."""
    national = values.sum(axis=0, keepdims=True)
    log_q = np.log(values + 0.5) - np.log(national + 0.5)
    level, trend = smooth(log_q, years, breaks, params)
    base = values[:, :, -1]
    trend = trend * base / (base + shrink)
    shares = np.exp(forecast(level, trend, params.phi, horizons))
    shares[base <= 0] = 0.0
    return reconcile(shares, base)


def reconcile(shares: np.ndarray, base: np.ndarray) -> np.ndarray:
    """Scale shares to sum to 1 over regions; an occupation with no one anywhere splits evenly."""
    sums = shares.sum(axis=0, keepdims=True)
    empty = sums <= 0
    even = np.full_like(shares, 1.0 / shares.shape[0])
    return np.where(empty, even, shares / np.where(empty, 1.0, sums))
