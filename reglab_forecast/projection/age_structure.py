"""The base-year age structure behind replacement, transfers and the share aged 55+.

"regional": each län's occupation × age structure estimated by raking (``regional_age``);
Riket's when the regions are not län codes (``Projection.age_note`` says so);
"national": Riket's structure of each occupation applied to every län (the older method);
or a given frame (region, ssyk, age, [sex], year, employed), e.g. real regional age tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from ..errors import InputError
from ..frames import validate
from ..regional_age import RIKSOMRADE
from ..regional_age_loader import estimate_cube_for, method_text
from .panel import Panel
from .replacement import AgePanel, Outflows, build_age_panel, outflows, share_older

AgeStructure = Literal["regional", "national"] | pd.DataFrame
NATIONAL_NOTE = ("skattad: rikets åldersfördelning per yrke (SSYK4) i basåret tillämpad på "
                 "varje län")


@dataclass(frozen=True)
class BaseStock:
    """The national cohort panel and the base-year stock ``[r, o, band]`` (None: Riket's)."""

    ages: AgePanel
    stock: np.ndarray | None
    note: str

    def outflows(self, breaks: tuple[int, ...], horizons: np.ndarray, shift: int = 0
                 ) -> Outflows:
        """Replacement and transfer rates ``[r, o, h]`` (``[1, o, h]`` for Riket's ages)."""
        return outflows(self.ages, breaks, horizons, shift, base=self.stock)

    def share_55plus(self) -> np.ndarray:
        """Share aged 55+ ``[r, o]`` (``[1, o]`` for Riket's ages)."""
        stock = self.ages.values[None, :, :, -1] if self.stock is None else self.stock
        return share_older(stock, self.ages.bands, 55)


def _labels(ages: AgePanel) -> list[str]:
    return [f"{low}-{high}" for low, high in ages.bands]


def stock_cube(frame: pd.DataFrame, panel: Panel, ages: AgePanel) -> np.ndarray:
    """``frame`` (region, ssyk, age, [sex], year, employed) at the base year as ``[r, o, band]``.

    InputError when the frame lacks the base year or a län × occupation with employees.
    """
    keys = ["region", "ssyk", "age", "year"] + (["sex"] if "sex" in frame.columns else [])
    validate(frame, keys, name="age_structure", required=["employed"])
    rows = frame[frame["year"] == panel.base_year]
    if rows.empty:
        raise InputError(f"age_structure: saknar basåret {panel.base_year}")
    summed = rows.groupby(["region", "ssyk", "age"])["employed"].sum()
    grid = pd.MultiIndex.from_product([list(panel.regions), list(panel.ssyk), _labels(ages)])
    flat = summed.reindex(grid, fill_value=0.0).to_numpy(float)
    return _checked(flat.reshape(len(panel.regions), len(panel.ssyk), len(ages.bands)), panel)


def _checked(cube: np.ndarray, panel: Panel) -> np.ndarray:
    """``cube[r, o, band]``; InputError when a län × occupation with employees has no ages."""
    missing = (cube.sum(axis=2) == 0) & (panel.base > 0)
    if missing.any():
        r, o = np.argwhere(missing)[0]
        raise InputError(f"age_structure: saknar åldrar för län {panel.regions[r]} och yrke "
                         f"{panel.ssyk[o]} ({int(missing.sum())} celler)")
    return cube


def _positions(labels: list[str], wanted: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(positions in ``wanted``, positions in ``labels``) of the labels found in both."""
    where = {label: i for i, label in enumerate(labels)}
    pairs = [(i, where[w]) for i, w in enumerate(wanted) if w in where]
    return np.array([p[0] for p in pairs], dtype=int), np.array([p[1] for p in pairs], dtype=int)


def estimated_cube(employment: pd.DataFrame, age_profile: pd.DataFrame, panel: Panel,
                   ages: AgePanel) -> np.ndarray:
    """The regional estimate (``regional_age``) at the base year as ``[r, o, band]`` on the
    panel's axes, sexes summed: the same numbers as ``stock_cube`` of ``estimate_for``'s frame,
    taken from its arrays."""
    inputs, estimate = estimate_cube_for(employment, age_profile, panel.base_year)
    summed = estimate.sum(axis=3)
    cube = np.zeros((len(panel.regions), len(panel.ssyk), len(ages.bands)))
    axes = [_positions(list(inputs.regions), [str(r) for r in panel.regions]),
            _positions(list(inputs.ssyk), [str(o) for o in panel.ssyk]),
            _positions(list(inputs.bands), _labels(ages))]
    (r_to, r_from), (o_to, o_from), (a_to, a_from) = axes
    cube[np.ix_(r_to, o_to, a_to)] = summed[np.ix_(r_from, o_from, a_from)]
    return _checked(cube, panel)


def base_stock(choice: AgeStructure, employment: pd.DataFrame, age_profile: pd.DataFrame,
               panel: Panel) -> BaseStock:
    """The age structure ``choice`` for ``panel``'s base year (see the module docstring)."""
    ages = build_age_panel(age_profile, panel.ssyk, panel.base_year)
    if isinstance(choice, pd.DataFrame):
        note = str(choice.attrs.get("method", "angiven åldersstruktur"))
        return BaseStock(ages, stock_cube(choice, panel, ages), note)
    if choice == "national":
        return BaseStock(ages, None, NATIONAL_NOTE)
    if choice == "regional" and not set(panel.regions) <= set(RIKSOMRADE):
        # Regions that are not län (e.g. a hand-made panel) have no riksområde or population.
        return BaseStock(ages, None, f"{NATIONAL_NOTE} (regionerna är inte län)")
    if choice != "regional":
        raise InputError(f"age_structure ska vara 'regional', 'national' eller en tabell, "
                         f"fick {choice!r}")
    return BaseStock(ages, estimated_cube(employment, age_profile, panel, ages),
                     method_text(panel.base_year))
