"""A region's projected outlook for chosen occupations (used by ``reglab-forecast show``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .model import Projection, project

OUTLOOK_COLUMNS = ["ssyk", "ssyk_name", "base_employed", "employed", "lower", "upper",
                   "share_55plus", "replacement", "expansion", "recruitment_need"]


def occupation_outlook(region: str, ssyk: Iterable[str], level: int = 4,
                       target_year: int = 2030, scenario: str | Path | None = None,
                       projection: Projection | None = None) -> pd.DataFrame:
    """Projected ``target_year`` figures for ``ssyk`` codes (at ``level``) in ``region``.

    ``region`` is a län code or "00" for Riket. The projection runs on the embedded snapshot
    unless one is passed. ``attrs`` hold base_year, target_year and scenario.
    """
    if projection is None:
        from ..loaders import load_age_profile, load_employment

        projection = project(load_employment(level=4), load_age_profile(level=4),
                             target_years=(target_year,), scenario=scenario)
    table = projection.aggregate(level=level, regions=[region], years=[target_year])
    codes = [str(code) for code in ssyk]
    table = table.set_index("ssyk").reindex(codes).reset_index()
    table.attrs.update(base_year=projection.base_year, target_year=target_year,
                       scenario=projection.scenario.name)
    return table[OUTLOOK_COLUMNS]
