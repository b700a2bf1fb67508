"""A national path supplied by the user (``project(..., national_path=frame)``).

The frame holds ``year`` and ``employed`` and, for a path per occupation, ``ssyk`` (SSYK4
codes, every occupation of the projection). If it holds the base year, its *growth* from the
base year is applied to the register's base-year level (so a path counted another way, e.g.
SCB's Trender och prognoser, still fits the register); otherwise its levels are used as they
are. Its source is ``source`` if given, else ``frame.attrs['source']``, and is named in every
output of the projection.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import InputError

DEFAULT_SOURCE = "nationell bana angiven av användaren"


@dataclass(frozen=True)
class GivenPath:
    """The national path at horizons 1..H: ``total[h]`` and, per occupation, ``occupations[o, h]``
    (None for a total only), with its ``source``."""

    total: np.ndarray
    occupations: np.ndarray | None
    source: str


def _checked(frame: pd.DataFrame, years: np.ndarray) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame) or not {"year", "employed"} <= set(frame.columns):
        raise InputError("national_path ska vara en tabell med kolumnerna year och employed "
                         "(och ssyk för en bana per yrke)")
    values = pd.to_numeric(frame["employed"], errors="coerce")
    if values.isna().any() or (values < 0).any():
        raise InputError("national_path: employed ska vara tal ≥ 0 utan tomma värden")
    missing = sorted(set(int(y) for y in years) - set(frame["year"].astype(int)))
    if missing:
        raise InputError(f"national_path saknar åren {missing}; ange t.ex. {missing[0]}")
    return frame.assign(year=frame["year"].astype(int), employed=values.astype(float))


def _growth(table: pd.DataFrame, base_year: int, base: pd.Series, years: np.ndarray
            ) -> pd.DataFrame:
    """Levels for ``years``: the path's growth from the base year if it has it, else as given."""
    future = table[[int(y) for y in years]]
    if base_year not in table.columns:
        return future
    start = table[base_year]
    growth = future.div(start.where(start > 0), axis=0).fillna(1.0)
    return growth.mul(base.reindex(table.index).to_numpy(), axis=0)


def given_path(frame: pd.DataFrame, base_year: int, horizons: np.ndarray, ssyk: np.ndarray,
               base: np.ndarray, source: str | None = None) -> GivenPath:
    """Read ``frame`` for the horizons of a projection from ``base_year``.

    ``base[o]`` is the register's national base-year employed per SSYK4 code ``ssyk``.
    InputError (a ReglabError and ValueError) names a missing year or occupation.
    """
    years = base_year + np.asarray(horizons, dtype=int)
    table = _checked(frame, years)
    name = source or str(frame.attrs.get("source", "")) or DEFAULT_SOURCE
    if "ssyk" not in table.columns:
        totals = table.groupby("year")["employed"].sum().to_frame().T
        level = pd.Series([float(base.sum())], index=totals.index)
        path = _growth(totals, base_year, level, years).to_numpy(float)[0]
        return GivenPath(path, None, name)
    wide = table.assign(ssyk=table["ssyk"].astype(str)).pivot_table(
        index="ssyk", columns="year", values="employed", aggfunc="sum")
    missing = [code for code in ssyk if code not in wide.index]
    if missing:
        raise InputError(f"national_path saknar yrkena {missing[:5]} (SSYK4); ange alla "
                         f"{len(ssyk)} yrken eller bara en total utan kolumnen ssyk")
    levels = _growth(wide.loc[list(ssyk)], base_year, pd.Series(base, index=list(ssyk)), years)
    occupations = levels.to_numpy(float)
    return GivenPath(occupations.sum(axis=0), occupations, name)
