"""Input frames -> checked numpy cubes that the projection works on.

The projection computes on a dense cube ``employed[region, ssyk, year]`` (sex summed). Building
it checks the inputs (missing years, negative or NaN counts, duplicated keys, holes in the cube)
and cuts the panel at the base year, so that no later step can look past it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import DataContractError, InputError
from ..frames import validate
from ..snapshot import SeriesBreak
from ..snapshot import series_breaks as snapshot_breaks

# Series breaks (METHOD.md) come from the snapshot's MANIFEST.json through
# ``reglab_forecast.snapshot.series_breaks()``: a change from year t-1 to a break year t is
# partly a change of measurement, so it is never read as growth.

RIKET = "00"


@dataclass(frozen=True)
class Panel:
    """Employment cube cut at ``base_year``: ``values[r, o, t]`` for ``years`` up to base."""

    regions: np.ndarray
    ssyk: np.ndarray
    years: np.ndarray
    values: np.ndarray
    breaks: tuple[int, ...] = ()
    region_names: dict[str, str] = field(default_factory=dict)
    ssyk_names: dict[str, str] = field(default_factory=dict)
    by_sex: pd.DataFrame | None = None
    # Breaks that touch only some occupations (SSYK4 codes), e.g. 2018 in the public sector.
    partial: tuple[SeriesBreak, ...] = ()

    @property
    def base_year(self) -> int:
        return int(self.years[-1])

    @property
    def base(self) -> np.ndarray:
        """Employed in the base year, ``[region, ssyk]``."""
        return self.values[:, :, -1]

    def cut(self, base_year: int) -> Panel:
        """The same panel as if ``base_year`` were the latest year (nothing after it kept)."""
        keep = self.years <= base_year
        by_sex = None if self.by_sex is None else self.by_sex[self.by_sex["year"] <= base_year]
        return Panel(self.regions, self.ssyk, self.years[keep], self.values[:, :, keep],
                     self.breaks, self.region_names, self.ssyk_names, by_sex, self.partial)

    def occupation_breaks(self) -> np.ndarray:
        """Boolean ``[o, t]``: True where the change into ``years[t]`` is a break for that
        occupation (every full break, and each partial break for the occupations it touches)."""
        mask = np.zeros((len(self.ssyk), len(self.years)), dtype=bool)
        mask[:, np.isin(self.years, self.breaks)] = True
        for item in self.partial:
            touched = np.array([item.applies_to(str(code)) for code in self.ssyk])
            mask[np.ix_(touched, self.years == item.year)] = True
        return mask


def _check_employment(employment: pd.DataFrame) -> None:
    if not isinstance(employment, pd.DataFrame):
        raise InputError(f"employment ska vara en DataFrame, fick {type(employment).__name__}")
    keys = ["region", "ssyk", "year"] + (["sex"] if "sex" in employment.columns else [])
    validate(employment, keys, name="employment", required=["employed"])
    riket = employment["region"] == RIKET
    if riket.any():
        raise DataContractError(
            "employment: ska hålla län (01..25), inte Riket ('00'); Riket räknas som summan"
        )


def _years_checked(years: np.ndarray, base_year: int | None, name: str) -> int:
    present = [int(y) for y in np.unique(years)]
    missing = sorted(set(range(present[0], present[-1] + 1)) - set(present))
    if missing:
        raise InputError(f"{name}: år saknas i serien: {missing} (har {present[0]}–{present[-1]})")
    if base_year is None:
        return present[-1]
    if not present[0] + 1 <= base_year <= present[-1]:
        raise InputError(
            f"basår {base_year} ligger utanför data ({present[0]}–{present[-1]}); "
            f"basåret behöver minst ett år historik före sig"
        )
    return int(base_year)


def _names(frame: pd.DataFrame, code: str) -> dict[str, str]:
    label = f"{code}_name"
    if label not in frame.columns:
        return {}
    index, codes = pd.factorize(frame[code])
    _, first = np.unique(index, return_index=True)
    labels = frame[label].iloc[first]  # only the first row of each code, not every row
    return dict(zip((str(c) for c in codes), (str(n) for n in labels), strict=True))


def frame_breaks(frame: pd.DataFrame) -> tuple[SeriesBreak, ...]:
    """The breaks of ``frame``: its own ``attrs['series_breaks']`` (years or manifest-style
    dicts) if it carries any, else the snapshot's (``reglab_forecast.snapshot.series_breaks``)."""
    listed = frame.attrs.get("series_breaks")
    if not listed:
        return snapshot_breaks("employment")
    items = [item if isinstance(item, dict) else {"year": item} for item in listed]
    return tuple(sorted((SeriesBreak(int(i["year"]), str(i.get("sv", "")),
                                     tuple(str(c) for c in i.get("ssyk", []))) for i in items),
                        key=lambda b: b.year))


def series_breaks(frame: pd.DataFrame) -> tuple[int, ...]:
    """Years of the breaks in ``frame`` that touch every occupation (see ``frame_breaks``)."""
    return tuple(b.year for b in frame_breaks(frame) if not b.partial)


def _cube(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """regions, ssyk, years (each sorted) and employed summed over sex ``[r, o, t]``.

    The sums are counted on integer codes (``np.bincount``); DataContractError when a
    region × ssyk × year cell has no row."""
    region_codes, regions = pd.factorize(frame["region"], sort=True)
    ssyk_codes, ssyk = pd.factorize(frame["ssyk"], sort=True)
    year_codes, years = pd.factorize(frame["year"], sort=True)
    shape = (len(regions), len(ssyk), len(years))
    flat = np.ravel_multi_index((region_codes, ssyk_codes, year_codes), shape)
    size = int(np.prod(shape))
    cells = int(np.count_nonzero(np.bincount(flat, minlength=size)))
    if cells != size:
        raise DataContractError(
            f"employment: kuben region × ssyk × år har hål: {cells} celler, väntade "
            f"{size} ({len(regions)} regioner, {len(ssyk)} yrken, {len(years)} år)"
        )
    values = np.bincount(flat, weights=frame["employed"].to_numpy(float), minlength=size)
    return (np.asarray(regions, dtype=object), np.asarray(ssyk, dtype=object),
            np.asarray(years, dtype=int), values.reshape(shape))


def build_panel(employment: pd.DataFrame, base_year: int | None = None) -> Panel:
    """Check ``employment`` (a ``load_employment(level=4)`` frame) and build the cube."""
    _check_employment(employment)
    if employment.empty:
        raise InputError("employment: tabellen är tom")
    years = employment["year"].to_numpy()
    base = _years_checked(years, base_year, "employment")
    frame = employment if (years <= base).all() else employment[years <= base]
    regions, ssyk, years, values = _cube(frame)
    by_sex = None
    if "sex" in frame.columns:
        # The keys are unique (checked above), so the sums per län, yrke, kön and år are the
        # rows themselves, in key order.
        keys = ["region", "ssyk", "sex", "year"]
        by_sex = frame[[*keys, "employed"]].sort_values(keys, ignore_index=True)
    breaks = frame_breaks(employment)
    return Panel(regions.astype(str), ssyk.astype(str), years, values,
                 tuple(b.year for b in breaks if not b.partial), _names(frame, "region"),
                 _names(frame, "ssyk"), by_sex, tuple(b for b in breaks if b.partial))
