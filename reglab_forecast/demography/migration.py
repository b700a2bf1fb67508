"""Net migration by region, sex and age: the residual of observed cohort change.

The residual of a year is the population at its end minus the survivors of the population a
year earlier and of the year's births: what deaths and births do not explain is net migration
(in- minus out-migration, within Sweden and abroad). The projection uses the mean of the last
``short`` years, damped toward the mean of the last ``long`` years, smoothed over age.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .arrays import Cube
from .rates import Fertility, Mortality, birth_survival, implied_births, mid_year, survive


def observed_rates(population: Cube, deaths: Cube, year: int, mortality: Mortality
                   ) -> np.ndarray:
    """Central death rates ``[r, s, a]`` of ``year``: observed where deaths exist, else the
    model's (trend-carried) rates."""
    if year not in deaths.years:
        return mortality.at(year)
    mid = mid_year(population, year)
    return np.divide(deaths.year(year), mid, out=np.zeros_like(mid), where=mid > 0)


def year_births(population: Cube, births: Cube, year: int, mortality: Mortality,
                fertility: Fertility) -> np.ndarray:
    """Births ``[r, s]`` of ``year``: observed, or implied by the 0-year-olds at its end."""
    if year in births.years:
        return births.year(year).sum(axis=2)
    total = implied_births(population, mortality, year, np.zeros(len(population.regions)))
    return np.stack([total * fertility.share_boys, total * (1 - fertility.share_boys)], axis=1)


def residuals(population: Cube, deaths: Cube, births: Cube, mortality: Mortality,
              fertility: Fertility, years: list[int]) -> np.ndarray:
    """Net migration ``[year, r, s, a]`` for ``years`` (each needs the year before)."""
    out = []
    for year in years:
        m = observed_rates(population, deaths, year, mortality)
        expected = survive(population.year(year - 1), m)
        born = year_births(population, births, year, mortality, fertility)
        expected[..., 0] = born * birth_survival(m)
        out.append(population.year(year) - expected)
    return np.stack(out)


def smooth_ages(values: np.ndarray, width: int) -> np.ndarray:
    """Centred moving average over ages 1…99 (age 0 and 100+ kept as they are)."""
    if width <= 1:
        return values
    kernel = np.ones(width) / width
    inner = values[..., 1:100]
    padded = np.concatenate([np.repeat(inner[..., :1], width // 2, axis=-1), inner,
                             np.repeat(inner[..., -1:], width // 2, axis=-1)], axis=-1)
    smoothed = np.apply_along_axis(lambda row: np.convolve(row, kernel, "valid"), -1, padded)
    out = values.copy()
    out[..., 1:100] = smoothed
    return out


@dataclass(frozen=True)
class Migration:
    """Net migration ``[r, s, a]`` per year: ``long + (short − long) · damping^h`` plus the
    damped trend ``slope · (φ + … + φ^h)``, plus ``extra[h − 1]`` where given (the
    calibration of the bridged years, or a scenario)."""

    short: np.ndarray
    long: np.ndarray
    damping: float
    extra: np.ndarray | None = None
    slope: np.ndarray | None = None
    trend_damping: float = 0.0

    def at(self, horizon: int) -> np.ndarray:
        value = self.long + (self.short - self.long) * self.damping ** horizon
        if self.slope is not None and self.trend_damping > 0:
            phi = self.trend_damping
            value = value + self.slope * sum(phi ** k for k in range(1, horizon + 1))
        if self.extra is not None and horizon <= len(self.extra):
            value = value + self.extra[horizon - 1]
        return value

    def with_extra(self, extra: np.ndarray) -> Migration:
        return replace(self, extra=extra)

    def scaled(self, factor: float, added: np.ndarray | None = None) -> Migration:
        """Every year's migration times ``factor``, plus ``added`` ``[r, s, a]`` a year."""
        extra = 0.0 if added is None else added
        slope = None if self.slope is None else self.slope * factor
        return replace(self, short=self.short * factor + extra, long=self.long * factor + extra,
                       slope=slope)


def _slope(history: np.ndarray, years: int) -> np.ndarray:
    """Least-squares yearly change of each cell over the last ``years`` residuals."""
    window = history[-years:]
    t = np.arange(len(window), dtype=float) - (len(window) - 1) / 2
    return np.tensordot(t, window, axes=(0, 0)) / max(float(t @ t), 1.0)


def recent_level(history: np.ndarray, short: int, pattern: int, base: np.ndarray
                 ) -> np.ndarray:
    """Each region's mean of the last ``pattern`` years, plus the country's change from that
    mean to the last ``short`` years shared out by each region's share of the population of
    that sex and age (the national level moves fast, a region's own pattern is noisy)."""
    own = history[-pattern:].mean(axis=0)
    national = history[-short:].sum(axis=1).mean(axis=0) - own.sum(axis=0)
    share = base / np.maximum(base.sum(axis=0, keepdims=True), 1.0)
    return own + national[None] * share


def estimate_migration(history: np.ndarray, short: int, long: int, damping: float,
                       smooth: int, trend_damping: float = 0.0, trend_years: int = 10,
                       pattern: int = 0, base: np.ndarray | None = None) -> Migration:
    """From residuals ``[year, r, s, a]`` (oldest first)."""
    if pattern > 0 and base is not None:
        recent = smooth_ages(recent_level(history, short, pattern, base), smooth)
    else:
        recent = smooth_ages(history[-short:].mean(axis=0), smooth)
    longrun = smooth_ages(history[-long:].mean(axis=0), smooth)
    slope = smooth_ages(_slope(history, trend_years), smooth) if trend_damping > 0 else None
    return Migration(recent, longrun, damping, slope=slope, trend_damping=trend_damping)
