"""Scenario recompute for a dialogue session: everything a lever does not touch is kept.

``DialogModel`` builds the employment panel, the age panel, the base projection and its
interval calibration once (about 2 s). ``DialogModel.compute(levers)`` then runs the levers
through the same functions as ``projection.project`` (national total, regional growth, shocks,
retirement-age shift) for all 21 län, since the regional split ties them together, in a few
milliseconds. The tests check its numbers against ``project`` with the same scenario.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..errors import ReglabError
from ..projection import Projection, project
from ..projection.age_structure import base_stock
from ..projection.expansion import DEFAULT_PARAMS, project_points
from ..projection.levers import apply_shocks, national_total, regional_growth
from ..projection.panel import RIKET, build_panel
from ..projection.scenario import Scenario, scenario_from_dict
from ..projection.totals import WorkingAge, working_age
from ..snapshot import read_dataset

TARGET_YEARS = (2030, 2035)
DIALOG_NAME = "Dialogscenario"


@dataclass(frozen=True)
class Levers:
    """The values a dialogue session sets; ``None`` growth = as the method projects.

    Growth in per cent per year; ``shock_persons`` employees more (or fewer) in the SSYK code
    ``shock_ssyk`` in the chosen län from ``shock_from_year``.
    """

    national_growth: float | None = None
    regional_growth: float | None = None
    retirement_age_shift: int = 0
    shock_ssyk: str = ""
    shock_persons: int = 0
    shock_from_year: int = 2027
    # Demographic levers (``[demography]`` of the scenario file): extra net migration to the
    # chosen län (persons per year), net migration in every län in per cent of the
    # projection, and employees per resident in one age group (percentage points by the
    # last year).
    net_migration: int = 0
    migration_percent: int = 100
    rate_band: str = "60-69"
    rate_points: int = 0

    def demography(self, region: str) -> dict[str, Any]:
        """The ``[demography]`` table of the scenario file (empty: no demographic lever)."""
        from .people import demography_table

        return demography_table(self, region)

    def as_dict(self, region: str, name: str = DIALOG_NAME, label: str = "") -> dict[str, Any]:
        """The scenario as the TOML file holds it (``load_scenario`` reads it back);
        ``label`` names the län in the description (default: its code)."""
        raw: dict[str, Any] = {"name": name, "description": self.describe(label or region),
                               "retirement_age_shift": int(self.retirement_age_shift)}
        if self.national_growth is not None:
            raw["national_growth"] = float(self.national_growth)
        if self.regional_growth is not None:
            raw["regional_growth"] = {region: float(self.regional_growth)}
        if self.shock_persons and self.shock_ssyk:
            raw["shock"] = [{"ssyk": self.shock_ssyk, "region": region,
                             "persons": int(self.shock_persons),
                             "from_year": int(self.shock_from_year)}]
        if self.demography(region):
            raw["demography"] = self.demography(region)
        return raw

    def scenario(self, region: str, name: str = DIALOG_NAME, label: str = "") -> Scenario:
        return scenario_from_dict(self.as_dict(region, name, label), where="dialogen")

    def describe(self, place: str) -> str:
        """The levers in one Swedish line ("Inga spakar ändrade" when none are)."""
        from ..numbers import fmt_dec, fmt_signed

        parts = []
        if self.national_growth is not None:
            parts.append(f"riket {fmt_dec(self.national_growth, 1)} % per år")
        if self.regional_growth is not None:
            parts.append(f"{place} {fmt_dec(self.regional_growth, 1)} % per år")
        if self.retirement_age_shift:
            parts.append(f"pension {fmt_signed(self.retirement_age_shift)} år")
        if self.shock_persons and self.shock_ssyk:
            parts.append(f"{fmt_signed(self.shock_persons)} anställda i yrke {self.shock_ssyk} "
                         f"från {self.shock_from_year}")
        parts += self._describe_people(place)
        return "; ".join(parts) if parts else "Inga spakar ändrade"


    def _describe_people(self, place: str) -> list[str]:
        from ..numbers import fmt_signed

        parts = []
        if self.net_migration:
            parts.append(f"nettoinflyttning till {place} {fmt_signed(self.net_migration)} "
                         "personer per år")
        if self.migration_percent != 100:
            parts.append(f"flyttningarna i alla län {self.migration_percent} % av prognosen")
        if self.rate_points:
            band = self.rate_band.replace("-", "–")
            parts.append(f"anställda per invånare {band} år {fmt_signed(self.rate_points)} "
                         "procentenheter")
        return parts


@dataclass(frozen=True)
class Cube:
    """One scenario's arrays ``[region, ssyk, h]``, h = 0 the base year."""

    scenario: Scenario
    employed: np.ndarray
    replacement: np.ndarray


@dataclass(frozen=True)
class ViewPath:
    """A region's (or Riket's) path for one view: SSYK prefix ``ssyk`` ("" = all).

    Arrays by year from the base year; ``need``, ``expansion`` and ``replacement`` are
    cumulative from the base year; ``lower``/``upper`` the 80 % interval.
    """

    region: str
    ssyk: str
    years: np.ndarray
    employed: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    expansion: np.ndarray
    replacement: np.ndarray
    need: np.ndarray
    history_years: np.ndarray = field(default_factory=lambda: np.array([], int))
    history: np.ndarray = field(default_factory=lambda: np.array([]))

    def at(self, year: int) -> dict[str, float]:
        i = int(np.flatnonzero(self.years == year)[0])
        return {name: float(getattr(self, name)[i]) for name in
                ("employed", "lower", "upper", "expansion", "replacement", "need")}


def _working_age(regions: np.ndarray, base_year: int) -> WorkingAge | None:
    """The snapshot's population by age for the län totals; None without one (as project)."""
    try:
        return working_age(read_dataset("population"), regions, latest_by=base_year)
    except ReglabError:
        return None


class DialogModel:
    """The data and base projection of a session, with a fast ``compute`` for the levers.

    ``employment``: ``rf.load_employment(level=4)`` (every län); ``age_profile``:
    ``rf.load_age_profile(level=4)``. Raises what ``project`` raises on bad input.
    """

    def __init__(self, employment: pd.DataFrame, age_profile: pd.DataFrame,
                 target_years: tuple[int, ...] = TARGET_YEARS) -> None:
        self.employment = employment
        self.base_projection: Projection = project(employment, age_profile,
                                                   target_years=target_years)
        self.panel = build_panel(employment)
        self.base_year = self.panel.base_year
        self.target_years = self.base_projection.target_years
        self.horizons = np.arange(1, max(self.target_years) - self.base_year + 1)
        # As project() does by default: each län's own age structure, and län totals that
        # follow the snapshot's working-age population.
        self.stock = base_stock("regional", employment, age_profile, self.panel)
        self.working_age = _working_age(self.panel.regions, self.base_year)
        self.calibration = self.base_projection.calibration
        self.names = self.base_projection.names
        self._points = lru_cache(maxsize=64)(self._points_for)
        self._rates = lru_cache(maxsize=32)(self._rates_for)
        self._columns = lru_cache(maxsize=1024)(self._columns_for)
        self.base = self.compute(Levers())

    @property
    def regions(self) -> list[str]:
        return [str(r) for r in self.panel.regions]

    @property
    def years(self) -> np.ndarray:
        return self.base_year + np.arange(len(self.horizons) + 1)

    def region_name(self, code: str) -> str:
        return self.names["region"].get(code, code)

    def ssyk_name(self, code: str) -> str:
        return self.names.get(f"ssyk{len(code)}", {}).get(code, code)

    def _points_for(self, national_growth: float | None) -> np.ndarray:
        scenario = Scenario(national_growth=national_growth)
        override = national_total(scenario, float(self.panel.base.sum()), self.horizons)
        return project_points(self.panel, self.horizons, DEFAULT_PARAMS, override,
                              self.working_age).employed

    def _rates_for(self, shift: int) -> np.ndarray:
        """Replacement rates ``[r, o, h]`` (``[1, o, h]`` with one age structure)."""
        flows = self.stock.outflows(self.panel.breaks, np.arange(0, len(self.horizons) + 1),
                                    shift)
        return flows.gone

    def _columns_for(self, ssyk: str) -> np.ndarray:
        return np.char.startswith(self.panel.ssyk.astype(str), ssyk)

    def compute(self, levers: Levers, region: str | None = None, label: str = "") -> Cube:
        """The scenario of ``levers`` (regional levers applied to ``region``), all län.

        Raises ``ScenarioError`` (a ``ValueError``) for a lever value the scenario refuses.
        """
        region = region or self.regions[0]
        scenario = levers.scenario(region, label=label).with_region_codes()
        scenario.check(self.panel.ssyk, self.panel.regions)
        base = self.panel.base
        employed = regional_growth(self._points(scenario.national_growth), base,
                                   self.panel.regions, scenario, self.horizons)
        employed = apply_shocks(employed, base, self.panel.regions, self.panel.ssyk, scenario,
                                self.base_year + self.horizons)
        employed = np.concatenate([base[:, :, None], employed], axis=2)
        replacement = base[:, :, None] * self._rates(scenario.retirement_age_shift)
        return Cube(scenario, employed, replacement)

    def path(self, cube: Cube, region: str, ssyk: str = "") -> ViewPath:
        """The view of ``region`` ("00" = Riket) and SSYK prefix ``ssyk`` in ``cube``."""
        rows = self.region_rows(region)
        cols = self._columns(ssyk)
        employed = cube.employed[rows][:, cols]
        replacement = cube.replacement[rows][:, cols]
        expansion = employed - employed[:, :, :1]
        need = np.maximum(expansion + replacement, 0.0).sum(axis=(0, 1))
        total = employed.sum(axis=(0, 1))
        lower, upper = self._interval(total, len(ssyk))
        history = self.panel.values[rows][:, cols].sum(axis=(0, 1))
        return ViewPath(region, ssyk, self.years, total, lower, upper,
                        expansion.sum(axis=(0, 1)), replacement.sum(axis=(0, 1)), need,
                        self.panel.years, history)

    def region_rows(self, region: str) -> np.ndarray:
        """The cube's rows of ``region`` ("00" = Riket: every län)."""
        if region == RIKET:
            return np.ones(len(self.panel.regions), bool)
        return np.asarray(self.panel.regions == region)

    def _interval(self, total: np.ndarray, level: int) -> tuple[np.ndarray, np.ndarray]:
        """The 80 % interval of a path at SSYK ``level`` (0 = all occupations)."""
        lower, upper = total.copy(), total.copy()
        base = np.array([total[0]])
        for h in range(1, len(total)):
            lo, hi = self.calibration.apply(np.array([total[h]]), base, h, level)
            lower[h], upper[h] = lo[0], hi[0]
        return lower, upper

    def areas(self, cube: Cube, region: str, year: int) -> pd.DataFrame:
        """Per yrkesområde (SSYK 1): ssyk, ssyk_name, base_employed, employed, need at
        ``year`` (need cumulative from the base year)."""
        rows = []
        for code in sorted({c[0] for c in self.panel.ssyk.astype(str)}):
            values = self.path(cube, region, code).at(year)
            start = self.path(cube, region, code).employed[0]
            rows.append({"ssyk": code, "ssyk_name": self.ssyk_name(code),
                         "base_employed": start, "employed": values["employed"],
                         "need": values["need"]})
        return pd.DataFrame(rows)
