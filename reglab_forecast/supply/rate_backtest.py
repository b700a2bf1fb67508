"""Backtest of the employees-per-resident rates: damped trend against constant rates.

For each origin the rate history is cut at the origin, the rates at 3 and 5 years ahead are
projected both ways (constant: the origin's rates; trend: ``rates.trended_band_rates``) and
applied to the residents actually there in the target year, ages 16–64 (counted in every
year of the register). The projected employees per län are compared with the register's:
WAPE over the län, against the raw outcomes and against outcomes with the level shifts of
the register's series breaks taken out (the national jump of employees 16–64 at a break year
beyond its usual growth), as a projection ahead meets no known break. The trend is kept only
if it has the lower break-adjusted WAPE at every horizon.

The result (figures, the choice and the slopes of the latest year) is stored as
``rate_trend.json`` in the package by ``reglab-forecast befolkning --backtest --save``, so
the labour supply never has to read the whole history.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from ..errors import SnapshotError
from ..files import write_json_atomic
from ..numbers import format_percent
from ..projection.trend import mean_increment
from .rates import TREND, RateHistory, rate_slopes, trended_band_rates

STORED = Path(__file__).resolve().parent / "rate_trend.json"
ORIGINS = (2016, 2017, 2018, 2019)
HORIZONS = (3, 5)
COUNTED = slice(0, 9)  # bands 16-24 … 60-64: counted in every year of the register
METHODS = {"constant": "Konstant andel (startårets)", "trend": "Dämpad trend"}


@dataclass(frozen=True)
class RateTrend:
    """``wape[method][h]`` and ``wape_raw[method][h]`` (fractions, keys as strings), the
    ``chosen`` method, and the trend of the latest year: ``slopes[r][s][band]`` (rate per
    year) for ``regions`` with ``base_year`` the last year of the history."""

    wape: dict[str, dict[str, float]]
    wape_raw: dict[str, dict[str, float]]
    chosen: str
    origins: list[int]
    base_year: int
    regions: list[str]
    slopes: list[list[list[float]]]
    created: str = ""
    bridged_years: list[int] = field(default_factory=list)  # residents estimated (bridge)

    def slope_array(self) -> np.ndarray:
        return np.asarray(self.slopes, dtype=float)

    def save(self, path: Path = STORED) -> Path:
        write_json_atomic(path, asdict(self))
        return path

    def to_text(self) -> str:
        """The backtest in plain Swedish (the CLI)."""
        origins = f"{self.origins[0]}–{self.origins[-1]}"
        lines = [f"Andel anställda per invånare, bakåtprövning (startår {origins}; anställda "
                 "16–64 år per län, WAPE mot utfallet justerat för seriebrott, i parentes "
                 "ojusterat):"]
        for method, name in METHODS.items():
            cells = ", ".join(f"{h} år {format_percent(self.wape[method][h])} "
                              f"({format_percent(self.wape_raw[method][h])})"
                              for h in sorted(self.wape[method], key=int))
            lines.append(f"  {name}: {cells}")
        lines.append(f"Används: {METHODS[self.chosen].lower()}.")
        if self.bridged_years:
            lines.append(f"Invånarna {self.bridged_years[0]}–{self.bridged_years[-1]} är den "
                         "skattade befolkningsbryggan.")
        return "\n".join(lines)


def break_jumps(history: RateHistory) -> dict[int, float]:
    """Log level shift of the national employees 16–64 at each break year beyond its usual
    growth (the register's measurement changes, not growth)."""
    logs = np.log(history.employees[..., COUNTED].sum(axis=(1, 2, 3)))
    years = np.asarray(history.years)
    usual = float(mean_increment(logs, years, history.breaks))
    steps = dict(zip(history.years[1:], np.diff(logs).tolist(), strict=True))
    return {y: steps[y] - usual for y in history.breaks if y in steps}


def _errors(history: RateHistory, origin: int, horizon: int, jumps: dict[int, float]
            ) -> dict[str, tuple[float, float, float, float]]:
    """Per method: Σ|error| against adjusted and raw outcomes, Σ adjusted, Σ raw."""
    target = history.years.index(origin + horizon)
    past = history.until(origin)
    residents = history.residents[target][..., COUNTED]
    observed = history.employees[target][..., COUNTED].sum(axis=(1, 2))
    adjusted = observed * np.exp(-sum(j for y, j in jumps.items() if origin < y <= origin
                                      + horizon))
    rates = {"constant": past.rates[-1],
             "trend": trended_band_rates(past, np.array([horizon]))[0]}
    out = {}
    for method, rate in rates.items():
        projected = (residents * rate[..., COUNTED]).sum(axis=(1, 2))
        out[method] = (float(np.abs(projected - adjusted).sum()),
                       float(np.abs(projected - observed).sum()),
                       float(adjusted.sum()), float(observed.sum()))
    return out


def rate_backtest(history: RateHistory, origins: tuple[int, ...] = ORIGINS,
                  horizons: tuple[int, ...] = HORIZONS) -> RateTrend:
    """WAPE of employees 16–64 per län from constant and trended rates (module docstring).

    ``history``: ``rates.rate_history(...)`` covering every origin + horizon. Raises
    SnapshotError when a target year is missing from it."""
    missing = [o + h for o in origins for h in horizons if o + h not in history.years]
    if missing:
        raise SnapshotError(f"andelshistoriken saknar åren {sorted(set(missing))}")
    jumps = break_jumps(history)
    totals = {m: {h: np.zeros(4) for h in horizons} for m in METHODS}
    for origin in origins:
        for h in horizons:
            for method, sums in _errors(history, origin, h, jumps).items():
                totals[method][h] += np.asarray(sums)
    wape = {m: {str(h): float(t[0] / t[2]) for h, t in by.items()} for m, by in totals.items()}
    raw = {m: {str(h): float(t[1] / t[3]) for h, t in by.items()} for m, by in totals.items()}
    better = all(wape["trend"][str(h)] < wape["constant"][str(h)] for h in horizons)
    _level, slopes = rate_slopes(history, TREND)
    return RateTrend(wape, raw, "trend" if better else "constant", list(origins),
                     int(history.years[-1]), list(history.regions),
                     np.round(slopes, 6).tolist(), date.today().isoformat(),
                     list(history.bridged))


def load_rate_trend(path: Path = STORED) -> RateTrend:
    """The stored rate backtest and trend (SnapshotError if missing or unreadable)."""
    try:
        return RateTrend(**json.loads(Path(path).read_text(encoding="utf-8")))
    except FileNotFoundError as error:
        raise SnapshotError(f"andelstrenden saknas ({path}); kör 'reglab-forecast befolkning "
                            "--backtest --save'") from error
    except (json.JSONDecodeError, TypeError) as error:
        raise SnapshotError(f"andelstrenden i {path} går inte att läsa: {error}") from error
