"""Hindcast of the supply by level: run from 2008 and 2013, compare with the observed 2018.

The model (``education_supply`` for ages 16–74) against two naive baselines with the same
projected population: the base year's level shares per län held fixed. Error: WAPE over
län × level (Σ|projected − observed| / Σ observed) and the mean absolute error of the level
shares in percentage points. Observed: UF0506 by län, 2018 ("uppgift saknas" spread).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .supply import DAMPING, education_supply, observed_levels

ORIGINS = (2008, 2013)
TARGET = 2018


def _errors(projected: pd.Series, observed: pd.Series) -> tuple[float, float]:
    projected, observed = projected.align(observed, join="inner")
    wape = float(np.abs(projected - observed).sum() / observed.sum())
    share_p = projected / projected.groupby(level="region").transform("sum")
    share_o = observed / observed.groupby(level="region").transform("sum")
    return 100 * wape, float(100 * np.abs(share_p - share_o).mean())


def _baseline(origin: int, total: pd.Series) -> pd.Series:
    base = observed_levels(origin)
    shares = base / base.groupby(level="region").transform("sum")
    return shares * total.reindex(shares.index, level="region")


def supply_hindcast(dampings: tuple[float, ...] = (0.0, DAMPING, 0.8, 1.0)) -> pd.DataFrame:
    """origin, method, wape_pct, share_mae_pp for each origin: the model with each damping
    and the naive baseline (base-year shares per län, same projected population)."""
    observed = observed_levels(TARGET)
    rows = []
    for origin in ORIGINS:
        total = None
        for phi in dampings:
            supply = education_supply([TARGET], base=origin, ages=(16, 74), phi=phi)
            projected = supply.set_index(["region", "education"])["population"]
            total = projected.groupby(level="region").sum()
            label = f"kohortmodell, dämpning {phi:g}".replace(".", ",")
            rows.append((origin, label, *_errors(projected, observed)))
        assert total is not None
        rows.append((origin, "naiv: basårets andelar", *_errors(_baseline(origin, total),
                                                                observed)))
    return pd.DataFrame(rows, columns=["origin", "method", "wape_pct", "share_mae_pp"])


def entrant_errors(origins: tuple[int, ...] = (2004, 2006, 2008, 2009), horizon: int = 10
                   ) -> pd.DataFrame:
    """origin, region, rel_error: the population aged 25 per län ``horizon`` years after each
    origin, aged forward (``population_path``) against the observed, relative error."""
    from ..snapshot import read_dataset
    from .population_path import population_path
    from .supply import ENTRY_AGE

    observed = read_dataset("population")
    observed = observed[observed["age"] == str(ENTRY_AGE)]
    rows = []
    for origin in origins:
        target = origin + horizon
        path = population_path(origin, [target])
        path = path[(path["year"] == target) & (path["age"] == ENTRY_AGE)]
        projected = path.groupby("region")["population"].sum()
        actual = observed[observed["year"] == target].groupby("region")["population"].sum()
        error = (projected / actual - 1).rename("rel_error").reset_index()
        rows.append(error.assign(origin=origin))
    return pd.concat(rows, ignore_index=True)[["origin", "region", "rel_error"]]
