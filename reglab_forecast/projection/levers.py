"""Apply a scenario's levers to the projected employment cube ``[region, ssyk, horizon]``.

Order: the national total replaces the trended one before the regional split; a region's own
growth then rescales that län's occupations; shocks come last, on top of everything. Riket is
always the sum of the län, so a regional lever moves Riket too.
"""

from __future__ import annotations

import numpy as np

from .scenario import Scenario, Shock


def national_total(scenario: Scenario, base_total: float, horizons: np.ndarray
                   ) -> np.ndarray | None:
    """The scenario's national total path, or ``None`` to keep the trended one."""
    if scenario.national_growth is None:
        return None
    return base_total * (1.0 + scenario.national_growth / 100.0) ** np.asarray(horizons, float)


def regional_growth(employed: np.ndarray, base: np.ndarray, regions: np.ndarray,
                    scenario: Scenario, horizons: np.ndarray) -> np.ndarray:
    """Rescale each named län so its total grows by the scenario's rate per year."""
    result = employed.copy()
    for region, rate in scenario.regional_growth.items():
        r = int(np.flatnonzero(regions == region)[0])
        target = base[r].sum() * (1.0 + rate / 100.0) ** np.asarray(horizons, float)
        current = result[r].sum(axis=0)
        result[r] *= np.divide(target, current, out=np.ones_like(target), where=current > 0)
    return result


def _cells(shock: Shock, regions: np.ndarray, ssyk: np.ndarray) -> np.ndarray:
    """Boolean ``[r, o]`` mask of the cells a shock touches."""
    occupations = np.array([code.startswith(shock.ssyk) for code in ssyk])
    places = np.ones(len(regions), bool) if shock.region is None else regions == shock.region
    return places[:, None] & occupations[None, :]


def apply_shocks(employed: np.ndarray, base: np.ndarray, regions: np.ndarray, ssyk: np.ndarray,
                 scenario: Scenario, years: np.ndarray) -> np.ndarray:
    """Add (persons) or scale (percent) the named occupations from ``from_year`` on.

    A number of persons is spread over the touched cells in proportion to their base-year
    employed (evenly if they are all empty).
    """
    result = employed.copy()
    for shock in scenario.shocks:
        mask = _cells(shock, regions, ssyk)
        active = np.asarray(years) >= shock.from_year
        if shock.percent is not None:
            factor = np.where(active, 1.0 + shock.percent / 100.0, 1.0)
            result = np.where(mask[:, :, None], result * factor[None, None, :], result)
            continue
        weights = np.where(mask, base, 0.0)
        weights = weights / weights.sum() if weights.sum() > 0 else mask / mask.sum()
        result = result + weights[:, :, None] * (shock.persons or 0.0) * active[None, None, :]
    return np.maximum(result, 0.0)
