"""Everything the education side says about one projection, for every län at once."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..projection.model import Projection
from .balance import education_balance
from .need import need_by_education
from .supply import education_supply

SUPPLY_BASE = 2018  # last year of UF0506 by län
WORKING_AGE = (20, 64)


@dataclass(frozen=True)
class EducationOutlook:
    """The need by level and by field at the horizon, the verdicts and the supply, every län.

    ``levels``/``fields``: ``need_by_education`` at ``horizon``; ``balance``:
    ``education_balance``; ``supply``: ``education_supply`` for ``SUPPLY_BASE`` and
    ``horizon``, ages ``WORKING_AGE``. All estimated.
    """

    base_year: int
    horizon: int
    scenario: str
    levels: pd.DataFrame
    fields: pd.DataFrame
    balance: pd.DataFrame
    supply: pd.DataFrame

    def region(self, code: str) -> EducationOutlook:
        """The same outlook for one län only."""
        def pick(frame: pd.DataFrame) -> pd.DataFrame:
            return frame[frame["region"] == code].reset_index(drop=True)

        return EducationOutlook(self.base_year, self.horizon, self.scenario, pick(self.levels),
                                pick(self.fields), pick(self.balance), pick(self.supply))


def education_outlook(projection: Projection, horizon: int | None = None,
                      region: str | None = None) -> EducationOutlook:
    """The education outlook of ``projection`` up to ``horizon`` (default: last target year),
    for every län, or for the län ``region`` only (the same values as in the outlook of every
    län, computed for that län alone)."""
    end = horizon or max(projection.target_years)
    regions = None if region is None else [region]
    levels = need_by_education(projection, "level", years=[end], regions=regions)
    return EducationOutlook(
        base_year=projection.base_year, horizon=end, scenario=projection.scenario.name,
        levels=levels,
        fields=need_by_education(projection, "field", years=[end], regions=regions),
        balance=education_balance(projection, end, region=region, need=levels.copy()),
        supply=education_supply([SUPPLY_BASE, end], ages=WORKING_AGE, regions=regions),
    )
