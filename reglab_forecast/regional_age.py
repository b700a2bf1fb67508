"""Estimated regional age structure: employees per län × SSYK4 × age band × sex and year.

The register publishes occupation × age only for Riket (and, for 2017, for the 8 riksområden
at SSYK level 3). Each län's structure is estimated by iterative proportional fitting
(raking) of a seed

    seed[r, o, a, s] = national share[o, a | s] × tilt[R(r), o3, a, s] × pop[r, a, s] ** β

to two known margins: the län's employees per occupation and sex (observed, kept exactly) and
the national employees per occupation × age × sex of the year (scaled to the sum of the län).
``tilt`` is the riksområde's age distribution within the SSYK3 group relative to Riket's
(2017), shrunk towards 1 where cells are small; ``pop`` is the län's population age
distribution relative to its riksområde's. Each län takes its riksområde's tilt. The 65-69
band (from 2023) borrows the 60-64 tilt. Pure numpy/pandas; nothing here reads the network.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import InputError
from .frames import repeat_labels

# län → riksområde (NUTS 2, the codes of SCB's 2017 export)
RIKSOMRADE = {
    "01": "SE01", "03": "SE02", "04": "SE02", "05": "SE02", "18": "SE02", "19": "SE02",
    "10": "SE04", "12": "SE04", "17": "SE06", "20": "SE06", "21": "SE06", "22": "SE07",
    "23": "SE07", "24": "SE08", "25": "SE08", "06": "SE09", "07": "SE09", "08": "SE09",
    "09": "SE09", "13": "SE0A", "14": "SE0A",
}
TILT_SHRINK = 300.0  # employees: a riksområde × SSYK3 × sex cell this size gets half its tilt
POP_WEIGHT = 1.0  # β: exponent of the population factor (chosen on the 2017 check)
ITERATIONS = 60
TOLERANCE = 1e-9


@dataclass(frozen=True)
class AgeInputs:
    """Dense arrays for one year.

    ``employed[r, o, s]`` (län employees), ``national[o, a, s]`` (Riket by age),
    ``population[r, a, s]`` (residents by the same bands), ``tilt[r, o, a, s]`` (each län's
    riksområde tilt spread to its SSYK4 codes; 1 where there is none) and
    ``reference[r, a, s]`` (population age shares of the area the tilt describes).
    """

    regions: list[str]
    ssyk: list[str]
    bands: list[str]
    sexes: list[str]
    employed: np.ndarray
    national: np.ndarray
    population: np.ndarray
    tilt: np.ndarray
    reference: np.ndarray


def age_shares(counts: np.ndarray, axis: int) -> np.ndarray:
    """Counts → shares along ``axis`` (0 where the total is 0)."""
    total = counts.sum(axis=axis, keepdims=True)
    return np.divide(counts, total, out=np.zeros_like(counts, dtype=float), where=total > 0)


def national_shares(national: np.ndarray, ssyk: list[str]) -> np.ndarray:
    """Age shares ``[o, a, s]``; an occupation × sex with no one borrows its SSYK2 group's."""
    shares = age_shares(national, axis=1)
    empty = national.sum(axis=1) == 0  # [o, s]
    if not empty.any():
        return shares
    overall = age_shares(national.sum(axis=0, keepdims=True), axis=1)
    groups = pd.Series([code[:2] for code in ssyk])
    for rows in groups.groupby(groups).indices.values():
        pooled = age_shares(national[rows].sum(axis=0, keepdims=True), axis=1)
        pooled = np.where(pooled.sum(axis=1, keepdims=True) > 0, pooled, overall)
        shares[rows] = np.where(empty[rows][:, None, :], pooled, shares[rows])
    return shares


def seed(inputs: AgeInputs, pop_weight: float = POP_WEIGHT) -> np.ndarray:
    """The raking seed ``[r, o, a, s]`` (see the module docstring)."""
    base = national_shares(inputs.national, inputs.ssyk)[None, :, :, :]
    own = age_shares(inputs.population.astype(float), axis=1)
    ratio = np.divide(own, inputs.reference, out=np.ones_like(own), where=inputs.reference > 0)
    factor = ratio ** pop_weight
    return base * inputs.tilt * factor[:, None, :, :]


def rake(start: np.ndarray, by_region: np.ndarray, by_age: np.ndarray) -> np.ndarray:
    """IPF of ``start[r, o, a, s]`` to ``by_region[r, o, s]`` and ``by_age[o, a, s]``.

    ``by_age`` must sum over ages to ``by_region`` summed over regions. Ends on the regional
    margin, so each län's employees per occupation and sex are reproduced exactly.
    """
    cube = start.copy()
    for _ in range(ITERATIONS):
        total = cube.sum(axis=0)
        factor = np.divide(by_age, total, out=np.zeros_like(total), where=total > 0)
        cube *= factor[None]
        cube = _fit_regions(cube, by_region)
        gap = np.abs(cube.sum(axis=0) - by_age).sum()
        if gap <= TOLERANCE * max(by_age.sum(), 1.0):
            break
    return cube


def _fit_regions(cube: np.ndarray, by_region: np.ndarray) -> np.ndarray:
    total = cube.sum(axis=2)
    factor = np.divide(by_region, total, out=np.zeros_like(total), where=total > 0)
    return cube * factor[:, :, None, :]


def estimate(inputs: AgeInputs, pop_weight: float = POP_WEIGHT) -> np.ndarray:
    """Estimated employees ``[r, o, a, s]`` for one year."""
    if inputs.employed.shape[0] == 0:
        raise InputError("regional_age: inga län att skatta")
    totals = inputs.employed.sum(axis=0)  # [o, s]
    shares = national_shares(inputs.national, inputs.ssyk)
    by_age = shares * totals[:, None, :]
    start = seed(inputs, pop_weight)
    start = np.where(start.sum(axis=2, keepdims=True) > 0, start, by_age[None] + 1e-12)
    return rake(start, inputs.employed.astype(float), by_age)


def tilt_table(riksomrade_age: pd.DataFrame, shrink: float = TILT_SHRINK) -> pd.DataFrame:
    """Tilt per riksområde × SSYK3 × age × sex: its age share over Riket's, shrunk to 1.

    ``riksomrade_age`` columns: riksomrade, ssyk (level 3), age, sex, employed.
    Returns riksomrade, ssyk, age, sex, tilt.
    """
    keys = ["riksomrade", "ssyk", "sex"]
    frame = riksomrade_age.copy()
    cell = frame.groupby(keys)["employed"].transform("sum")
    frame["share"] = np.where(cell > 0, frame["employed"] / cell.where(cell > 0, 1), 0.0)
    riket = frame.groupby(["ssyk", "age", "sex"])["employed"].sum()
    riket_share = (riket / riket.groupby(["ssyk", "sex"]).transform("sum")).rename("riket")
    frame = frame.join(riket_share, on=["ssyk", "age", "sex"])
    weight = cell / (cell + shrink)
    shrunk = weight * frame["share"] + (1 - weight) * frame["riket"]
    frame["tilt"] = np.where(frame["riket"] > 0, shrunk / frame["riket"].where(
        frame["riket"] > 0, 1), 1.0)
    return frame[["riksomrade", "ssyk", "age", "sex", "tilt"]]


def band_start(label: str) -> int:
    """ "55-59" → 55."""
    return int(str(label).split("-")[0].rstrip("+"))


def _cube(frame: pd.DataFrame, levels: dict[str, list[str]], value: str) -> np.ndarray:
    """A dense array over the product of ``levels`` (missing combinations are 0)."""
    index = pd.MultiIndex.from_product(list(levels.values()), names=list(levels))
    summed = frame.groupby(list(levels))[value].sum()
    flat = summed.reindex(index, fill_value=0).to_numpy(float)
    return flat.reshape([len(v) for v in levels.values()])


def _tilt_cube(tilts: pd.DataFrame, areas: list[str], ssyk: list[str], bands: list[str],
               sexes: list[str]) -> np.ndarray:
    """``tilt[r, o, a, s]`` from the riksområde table: each län's area, each code's SSYK3."""
    known = sorted(tilts["age"].unique(), key=band_start)
    own = [band if band in known else known[-1] for band in bands]  # 65-69 borrows 60-64
    table = tilts.set_index(["riksomrade", "ssyk", "age", "sex"])["tilt"]
    grid = pd.MultiIndex.from_product([areas, [c[:3] for c in ssyk], own, sexes])
    flat = table.reindex(grid).fillna(1.0).to_numpy(float)
    return flat.reshape(len(areas), len(ssyk), len(bands), len(sexes))


def build_inputs(employment: pd.DataFrame, age_profile: pd.DataFrame,
                 population: pd.DataFrame, tilts: pd.DataFrame | None,
                 areas: dict[str, str] | None) -> AgeInputs:
    """Dense inputs for one year from long frames.

    ``employment``: region, ssyk (level 4), sex, employed; ``age_profile``: ssyk, age, sex,
    employed (Riket); ``population``: region, age (the same bands), sex, population;
    ``tilts``: riksomrade, ssyk (level 3), age, sex, tilt (``tilt_table``) or None;
    ``areas``: region → riksområde (needed with ``tilts``). Without tilts the population
    factor is relative to the sum of all regions given.
    """
    regions = sorted(employment["region"].unique())
    ssyk = sorted(employment["ssyk"].unique())
    bands = sorted(age_profile["age"].unique(), key=band_start)
    sexes = sorted(employment["sex"].unique())
    employed = _cube(employment, {"region": regions, "ssyk": ssyk, "sex": sexes}, "employed")
    national = _cube(age_profile, {"ssyk": ssyk, "age": bands, "sex": sexes}, "employed")
    people = _cube(population, {"region": regions, "age": bands, "sex": sexes}, "population")
    if tilts is None or areas is None:
        tilt = np.ones((len(regions), len(ssyk), len(bands), len(sexes)))
        reference = np.repeat(age_shares(people.sum(axis=0, keepdims=True), axis=1),
                              len(regions), axis=0)
    else:
        of = [areas[r] for r in regions]
        tilt = _tilt_cube(tilts, of, ssyk, bands, sexes)
        by_area = pd.Series(of)
        groups = by_area.groupby(by_area).indices.items()
        summed = {area: people[rows].sum(axis=0) for area, rows in groups}
        reference = age_shares(np.stack([summed[a] for a in of]), axis=1)
    return AgeInputs(regions, ssyk, bands, sexes, employed, national, people, tilt, reference)


def long_frame(inputs: AgeInputs, cube: np.ndarray, year: int) -> pd.DataFrame:
    """``cube[r, o, a, s]`` as a long frame: region, ssyk, age, sex, year, employed."""
    n_r, n_o, n_a, n_s = cube.shape
    return pd.DataFrame({
        "region": repeat_labels(inputs.regions, np.repeat(np.arange(n_r), n_o * n_a * n_s)),
        "ssyk": repeat_labels(inputs.ssyk, np.tile(np.repeat(np.arange(n_o), n_a * n_s), n_r)),
        "age": repeat_labels(inputs.bands, np.tile(np.repeat(np.arange(n_a), n_s), n_r * n_o)),
        "sex": repeat_labels(inputs.sexes, np.tile(np.arange(n_s), n_r * n_o * n_a)),
        "year": np.full(cube.size, year, dtype="int64"),
        "employed": cube.ravel(),
    })
