"""The projected need for labour by education: each occupation's need spread over its mix."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..frames import validate
from ..projection.model import Projection
from .levels import link_attrs
from .mix import check_by, occupation_education

SPREAD = ["employed", "replacement", "expansion", "recruitment_need", "base_employed"]
COLUMNS = ["region", "region_name", "education", "year", "employed", "replacement",
           "expansion", "recruitment_need", "lower", "upper", "need_lower", "need_upper"]


GROUP_LEVEL = 1  # an education group is a sum of occupations, like an SSYK level-1 group


def _intervals(frame: pd.DataFrame, projection: Projection) -> pd.DataFrame:
    """``lower``/``upper`` of employed from the calibration of SSYK level-1 groups."""
    employed = frame["employed"].to_numpy(float)
    lower, upper = employed.copy(), employed.copy()
    horizon = frame["year"].to_numpy(int) - projection.base_year
    for h in np.unique(horizon[horizon > 0]):
        rows = horizon == h
        lower[rows], upper[rows] = projection.calibration.apply(
            employed[rows], frame["base_employed"].to_numpy(float)[rows], int(h), GROUP_LEVEL)
    return frame.assign(lower=lower, upper=upper)


def need_by_education(projection: Projection, by: str = "level",
                      years: Iterable[int] | None = None,
                      regions: Iterable[str] | None = None) -> pd.DataFrame:
    """The need of every län spread over the national education mix of each SSYK4.

    Columns: region, region_name, education, year, employed, replacement, expansion,
    recruitment_need (persons, counted from the projection's base year as in ``project()``),
    lower/upper (80 % interval of employed, from the projection's calibration of SSYK
    level-1 groups of that size: an education group is a sum of occupations),
    need_lower/need_upper (recruitment_need moved by the same interval). Summed over
    education they equal the occupation totals per län and year. ``years`` defaults to
    the target years; ``regions`` (län codes) limits the frame to those län, with the same
    values. ``by`` as in ``occupation_education``; InputError otherwise.
    Estimated: the occupation → education link is national (see ``occupation_education``).
    """
    chosen = check_by(by)
    wanted = projection.target_years if years is None else tuple(int(y) for y in years)
    every = projection.paths
    rows = every["year"].isin(wanted)
    if regions is not None:
        rows &= every["region"].isin([str(r) for r in regions])
    paths = every[rows]
    mix = occupation_education(chosen)[["ssyk", "education", "share"]]
    merged = paths[["region", "region_name", "ssyk", "year", *SPREAD]].merge(mix, on="ssyk")
    merged[SPREAD] = merged[SPREAD].mul(merged["share"], axis=0)
    summed = merged.groupby(["region", "region_name", "education", "year"], as_index=False,
                            sort=True)[SPREAD].sum()
    summed = _intervals(summed, projection)
    summed["need_lower"] = (summed["recruitment_need"] - (summed["employed"] - summed["lower"])
                            ).clip(lower=0.0)
    summed["need_upper"] = summed["recruitment_need"] + (summed["upper"] - summed["employed"])
    out = validate(summed[COLUMNS].reset_index(drop=True), ["region", "education", "year"],
                   name="need_by_education")
    out.attrs.update(link_attrs(chosen), base_year=projection.base_year,
                     scenario=projection.scenario.name)
    return out
