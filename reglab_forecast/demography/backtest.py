"""The population backtest: the method run as if in earlier years, against what happened.

Origins 2000, 2005 and 2009 at 10 years and 2010 and 2014 at 5 years (observed single-year
population ends in 2019). Per län and measure (all ages, 20–64, 0–19, 65+) the projection is
set beside two naive baselines in the same run: constant population, and the linear trend of
the last ten years. MAPE is the mean over the län of |projected − observed| / observed; the
error of the change is the mean absolute difference of the projected and observed change in
percent of the base population (percentage points).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..files import write_text_atomic
from ..numbers import fmt_dec
from .arrays import Cube
from .inputs import births_cube, deaths_cube, population_cube
from .intervals import AGE_GROUPS, DECLARATION, PopulationCalibration, fit_slopes
from .model import DEFAULT_PARAMS, DemographyParams, fit, run

ORIGINS: tuple[tuple[int, int], ...] = ((2000, 10), (2005, 10), (2009, 10), (2010, 5),
                                        (2014, 5))
MEASURES = {"total": (0, 100), **AGE_GROUPS}
METHODS = {"method": "metoden", "constant": "oförändrad befolkning",
           "trend": "linjär trend 10 år"}
MEASURE_NAMES = {"total": "alla åldrar", "20-64": "20–64 år", "0-19": "0–19 år",
                 "65+": "65 år och äldre"}


def _measure(values: np.ndarray, measure: str) -> np.ndarray:
    """Sum over sex and the measure's ages of ``values[r, s, a]`` → ``[r]``."""
    low, high = MEASURES[measure]
    return values[..., low:high + 1].sum(axis=(1, 2))


def _origin_rows(pop: Cube, dead: Cube, born: Cube, origin: int, horizon: int,
                 params: DemographyParams) -> pd.DataFrame:
    result = run(fit(pop.until(origin), dead, born, params), horizon)
    rows = []
    for measure in MEASURES:
        base = _measure(pop.year(origin), measure)
        earlier = _measure(pop.year(origin - 10), measure)
        forecasts = {"method": _measure(result.population[-1], measure), "constant": base,
                     "trend": base + horizon * (base - earlier) / 10.0}
        observed = _measure(pop.year(origin + horizon), measure)
        for method, projected in forecasts.items():
            rows.append(pd.DataFrame({
                "origin": origin, "horizon": horizon, "region": list(pop.regions),
                "measure": measure, "method": method, "base": base,
                "projected": projected, "observed": observed}))
    return pd.concat(rows, ignore_index=True)


@dataclass(frozen=True)
class PopulationBacktest:
    """``rows``: origin, horizon, region, measure, method, base, projected, observed."""

    rows: pd.DataFrame

    @property
    def summary(self) -> pd.DataFrame:
        """Per origin, horizon, measure and method: mape and change_error (percent, points)."""
        rows = self.rows.assign(
            ape=(self.rows["projected"] / self.rows["observed"] - 1).abs() * 100,
            change_error=((self.rows["projected"] - self.rows["observed"])
                          / self.rows["base"]).abs() * 100)
        return rows.groupby(["origin", "horizon", "measure", "method"], as_index=False,
                            sort=False).agg(mape=("ape", "mean"),
                                            change_error=("change_error", "mean"))

    def calibration(self) -> PopulationCalibration:
        """80 % interval slopes per measure from the method's relative errors (observed /
        projected − 1, so that the bounds are the projection times 1 + quantile)."""
        method = self.rows[self.rows["method"] == "method"]
        slopes = {}
        for measure, group in method.groupby("measure"):
            errors = group["observed"] / group["projected"] - 1
            slopes[str(measure)] = fit_slopes({int(h): errors[group["horizon"] == h].to_numpy()
                                               for h in group["horizon"].unique()})
        return PopulationCalibration(slopes, "80 %-intervall ur befolkningsprognosens "
                                     "backtest (utfall per län, origo 2000–2014)")

    def coverage(self) -> float:
        """Share of the method's län outcomes inside their calibrated 80 % interval."""
        calibration = self.calibration()
        method = self.rows[self.rows["method"] == "method"]
        inside = []
        for measure, group in method.groupby("measure"):
            low, high = calibration.bounds(group["projected"].to_numpy(), str(measure),
                                           group["horizon"].to_numpy())
            observed = group["observed"].to_numpy()
            inside.append((observed >= low) & (observed <= high))
        return float(np.concatenate(inside).mean())

    def beats_baselines(self) -> pd.DataFrame:
        """Per origin and measure (total, 20–64): does the method have the lowest MAPE?"""
        wide = self.summary.pivot_table(index=["origin", "horizon", "measure"],
                                        columns="method", values="mape").reset_index()
        wide = wide[wide["measure"].isin(["total", "20-64"])]
        return wide.assign(beats=(wide["method"] < wide["constant"])
                           & (wide["method"] < wide["trend"]))

    def to_text(self) -> str:
        """The table in plain Swedish (MAPE in percent, change error in points)."""
        lines = ["Befolkningsprognosens backtest per län: medelfel i procent (MAPE) för "
                 "alla åldrar och 20–64 år",
                 f"{'origo':>6} {'år':>3} {'mått':<12} " + " ".join(
                     f"{name:>22}" for name in METHODS.values())]
        summary = {(int(r["origin"]), int(r["horizon"]), str(r["measure"]), str(r["method"])): r
                   for r in self.summary.to_dict(orient="records")}
        for origin, horizon in sorted({(int(o), int(h)) for o, h in
                                       self.rows[["origin", "horizon"]].to_numpy()}):
            for measure in ("total", "20-64"):
                cells = [summary[(origin, horizon, measure, m)] for m in METHODS]
                lines.append(f"{origin:>6} {horizon:>3} {MEASURE_NAMES[measure]:<12} " + " ".join(
                    f"{fmt_dec(c['mape'], 2) + ' % (' + fmt_dec(c['change_error'], 2):>18} pe)"
                    for c in cells))
        lines.append(f"Täckning av 80 %-intervallen i backtesten: "
                     f"{fmt_dec(100 * self.coverage(), 0)} %.")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {"origins": [list(o) for o in sorted({(int(o), int(h)) for o, h in
                                                       self.rows[["origin", "horizon"]]
                                                       .to_numpy()})],
                "summary": self.summary.round(4).to_dict(orient="records"),
                "coverage": round(self.coverage(), 4),
                **self.calibration().as_dict()}

    def save(self, path: Path = DECLARATION) -> Path:
        """Write the figures and the interval calibration (atomically)."""
        write_text_atomic(path, json.dumps(self.as_dict(), ensure_ascii=False, indent=1) + "\n")
        return path


def backtest(population: pd.DataFrame | None = None, deaths: pd.DataFrame | None = None,
             births: pd.DataFrame | None = None, *,
             origins: tuple[tuple[int, int], ...] = ORIGINS,
             params: DemographyParams = DEFAULT_PARAMS) -> PopulationBacktest:
    """Run the population method from each ``(origin, horizon)`` on observed data only.

    Defaults to the embedded population (observed years; bridged years are left out), deaths
    and births. Returns a ``PopulationBacktest`` (rows, summary, calibration, to_text).
    """
    from .. import population as loaders

    frame = loaders.load_population() if population is None else population
    if "estimated" in frame.columns:
        frame = frame[~frame["estimated"].astype(bool)]
    pop = population_cube(frame)
    dead = deaths_cube(loaders.load_deaths() if deaths is None else deaths, pop.regions)
    born = births_cube(loaders.load_births() if births is None else births, pop.regions)
    parts = [_origin_rows(pop, dead, born, o, h, params) for o, h in origins]
    return PopulationBacktest(pd.concat(parts, ignore_index=True))
