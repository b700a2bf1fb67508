"""How many leave their occupation at 50–59 each year, and how many of them change occupation.

From the national cohort panel (SCB yrkesregistret, employees by SSYK4 × age band), with the
survival of ``replacement.survival`` (five-year cohort survival per occupation, pooled over
the latest pairs, deflated for series breaks, small occupations shrunk to their SSYK2 group)
and of the whole register (``replacement.overall_survival``). For the cohorts 50–54 and
55–59 of the base year, per year (a five-year change divided by five):

- ``exits``: everyone leaving their occupation, Σ stock · (1 − S[o]);
- ``left_register``: those leaving employment in the register altogether (retirement, death,
  emigration, own business), stock · (1 − S[register]);
- ``moved_out``: exits beyond the register's, Σ stock · max(0, S[register] − S[o]): the net
  moves to other occupations the projection counts as transfers (estimated);
- ``moved_in``: the same ages' net moves into occupations that keep more than the register.

Only the net per occupation can be read from cohort counts; gross moves are not observed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .replacement import TRANSFER_STARTS, build_age_panel, overall_survival, survival


def transfer_figures(age_profile: pd.DataFrame, breaks: tuple[int, ...]) -> dict[str, float]:
    """Persons per year nationally (module docstring) in the last year of ``age_profile``
    (ssyk, age, year, employed; sexes summed), for the cohorts in ``TRANSFER_STARTS``."""
    ssyk = np.array(sorted(age_profile["ssyk"].unique()))
    base_year = int(age_profile["year"].max())
    ages = build_age_panel(age_profile, ssyk, base_year)
    own, register = survival(ages, breaks), overall_survival(ages, breaks)
    totals = dict.fromkeys(("exits", "left_register", "moved_out", "moved_in"), 0.0)
    for start in TRANSFER_STARTS:
        if start not in own or start not in register:
            continue
        stock = np.nan_to_num(ages.values[:, ages.bands.index((start, start + 4)), -1])
        kept, kept_all = np.nan_to_num(own[start], nan=1.0), register[start]
        totals["exits"] += float((stock * (1.0 - kept)).sum()) / 5
        totals["left_register"] += float(stock.sum() * (1.0 - kept_all)) / 5
        totals["moved_out"] += float((stock * np.clip(kept_all - kept, 0, None)).sum()) / 5
        totals["moved_in"] += float((stock * np.clip(kept - kept_all, 0, None)).sum()) / 5
    return {**totals, "base_year": float(base_year)}
