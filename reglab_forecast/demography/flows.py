"""Flows in and out of an age group over the projection: who enters, ages out, dies, moves.

For each projected year and län: ``entering`` (people reaching the lowest age alive),
``ageing_out`` (people passing the highest age alive), ``deaths`` (of those in the group at
the start of the year), ``net_migration`` (into the group during the year) and ``change``;
``change = entering − ageing_out − deaths + net_migration`` holds exactly.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InputError
from .projection import PopulationProjection
from .rates import survive


def survivors(projection: PopulationProjection, h: int) -> np.ndarray:
    """Survivors ``[r, s, a]`` (one year older) of year h − 1's population during year h."""
    year = projection.base_year + h
    return survive(projection.paths[h - 1], projection.fitted.mortality.at(year))


def group_flows(projection: PopulationProjection, ages: tuple[int, int] = (20, 64)
                ) -> pd.DataFrame:
    """Flows of the age group ``ages`` per län and projected year (persons).

    Columns: region, year, entering, ageing_out, deaths, net_migration, change.
    Raises InputError unless 1 ≤ low ≤ high ≤ 98.
    """
    low, high = ages
    if not 1 <= low <= high <= 98:
        raise InputError(f"åldrarna {ages} ska ligga inom 1–98 år, t.ex. (20, 64)")
    parts = []
    for h in range(1, len(projection.paths)):
        prev, new = projection.paths[h - 1], projection.paths[h]
        alive = survivors(projection, h)
        inside = slice(low, high + 1)
        parts.append(pd.DataFrame({
            "region": projection.regions,
            "year": projection.base_year + h,
            "entering": alive[..., low].sum(axis=1),
            "ageing_out": alive[..., high + 1].sum(axis=1),
            "deaths": (prev[..., inside].sum(axis=(1, 2))
                       - alive[..., low + 1:high + 2].sum(axis=(1, 2))),
            "net_migration": (new[..., inside].sum(axis=(1, 2))
                              - alive[..., inside].sum(axis=(1, 2))),
            "change": (new[..., inside].sum(axis=(1, 2))
                       - prev[..., inside].sum(axis=(1, 2))),
        }))
    return pd.concat(parts, ignore_index=True)
