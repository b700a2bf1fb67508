"""Replacement demand: people in the base-year workforce who leave it before the target year.

Cohort method on the national age panel (METHOD.md 3). For the older 5-year bands the share of
a cohort still in the occupation five years on is

    S[o, a] = E[o, a+5, t+5] / E[o, a, t]      (exit = max(0, 1 − S), pooled over recent t)

and small occupations are shrunk towards their SSYK level-2 group. Counts in the later year
are first deflated by the register's level jump at each series break in between (2019, 2022,
2023), measured on the 16–64 bands that every year has, so imputed occupations in 2023 do not
look like people staying on. The five-year survival is turned into a yearly one (S^(1/5)) and
applied by single year of age, each band's people spread evenly over its ages; a transition
is centred on the age at which the cohort is observed to leave (band start + 5). People ageing
past the register's upper age (64 before 2023, 69 from then) leave by definition.

The national age distribution of each occupation is applied to every län's count: the
regional age structure is *estimated* (the snapshot has no regional age data).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import InputError
from ..frames import validate
from .trend import mean_increment

TRANSITIONS = (50, 55, 60)  # band starts whose five-year cohort survival is estimated
POOL_SHRINK = 200.0  # persons: below this, an occupation leans on its SSYK2 group
PAIRS_USED = 3  # most recent five-year pairs pooled
TRANSFER_STARTS = (50, 55)  # cohorts whose extra exits are read as moves to other occupations


@dataclass(frozen=True)
class AgePanel:
    """National employed ``[o, band, year]`` (NaN where a band is not in that year)."""

    ssyk: np.ndarray
    bands: list[tuple[int, int]]
    years: np.ndarray
    values: np.ndarray


def _band(label: str) -> tuple[int, int]:
    try:
        low, high = (int(part) for part in str(label).split("-"))
    except ValueError as error:
        raise InputError(f"age_profile: åldersgrupp '{label}' ska vara t.ex. '55-59'") from error
    return low, high


def build_age_panel(age_profile: pd.DataFrame, ssyk: np.ndarray, base_year: int) -> AgePanel:
    """Check the age profile and build the cube for the occupations in ``ssyk`` up to base."""
    keys = ["ssyk", "age", "year"] + (["sex"] if "sex" in age_profile.columns else [])
    validate(age_profile, keys, name="age_profile", required=["employed"])
    frame = age_profile[age_profile["year"] <= base_year]
    if frame.empty:
        raise InputError(f"age_profile: inga år till och med basåret {base_year}")
    missing = sorted(set(ssyk) - set(frame["ssyk"].unique()))
    if missing:
        raise InputError(f"age_profile: saknar {len(missing)} yrken, t.ex. {missing[:5]}")
    summed = frame.groupby(["ssyk", "age", "year"])["employed"].sum()
    cube = summed.unstack(["age", "year"])
    labels = sorted(frame["age"].unique(), key=lambda a: _band(a)[0])
    years = np.array(sorted(frame["year"].unique()), dtype=int)
    grid = pd.MultiIndex.from_product([labels, years], names=["age", "year"])
    flat = cube.reindex(index=list(ssyk), columns=grid).to_numpy(float, copy=True)
    # A band that exists in a year but lacks a row for some occupation has no one there.
    present = ~np.isnan(flat).all(axis=0)
    flat[:, present] = np.nan_to_num(flat[:, present])
    values = flat.reshape(len(ssyk), len(labels), len(years))
    return AgePanel(np.asarray(ssyk), [_band(a) for a in labels], years, values)


def _break_deflator(ages: AgePanel, breaks: tuple[int, ...]) -> dict[int, float]:
    """Log level jump at each break year, on the bands present in every year."""
    common = ~np.isnan(ages.values).any(axis=(0, 2))
    logs = np.log(np.nansum(ages.values[:, common, :], axis=(0, 1)))
    usual = float(mean_increment(logs, ages.years, breaks))
    steps = dict(zip(ages.years[1:].tolist(), np.diff(logs).tolist(), strict=True))
    return {year: steps[year] - usual for year in breaks if year in steps}


def survival(ages: AgePanel, breaks: tuple[int, ...]) -> dict[int, np.ndarray]:
    """Five-year cohort survival ``S[o]`` per transition start age (NaN where unobservable)."""
    jumps = _break_deflator(ages, breaks)
    starts = [band[0] for band in ages.bands]
    result = {}
    for start in TRANSITIONS:
        if start not in starts or start + 5 not in starts:
            continue
        now, later = starts.index(start), starts.index(start + 5)
        stock, stayed = np.zeros(len(ages.ssyk)), np.zeros(len(ages.ssyk))
        pairs = [t for t in ages.years if t + 5 in ages.years][-PAIRS_USED:]
        for t in pairs:
            after = ages.values[:, later, ages.years == t + 5][:, 0]
            if np.isnan(after).all():
                continue
            shift = sum(j for year, j in jumps.items() if t < year <= t + 5)
            stock += ages.values[:, now, ages.years == t][:, 0]
            stayed += after * np.exp(-shift)
        if stock.sum() > 0:
            result[start] = _pooled(ages.ssyk, stock, stayed)
    return result


def _pooled(ssyk: np.ndarray, stock: np.ndarray, stayed: np.ndarray) -> np.ndarray:
    """Survival per occupation, shrunk towards its SSYK2 group where the stock is small."""
    groups = pd.Series([code[:2] for code in ssyk])
    group_stock = pd.Series(stock).groupby(groups).transform("sum").to_numpy(float)
    group_stayed = pd.Series(stayed).groupby(groups).transform("sum").to_numpy(float)
    overall = np.full(len(stock), stayed.sum() / stock.sum())
    group_rate = np.divide(group_stayed, group_stock, out=overall, where=group_stock > 0)
    own = np.divide(stayed, stock, out=group_rate.copy(), where=stock > 0)
    weight = stock / (stock + POOL_SHRINK)
    return np.clip(weight * own + (1 - weight) * group_rate, 0.0, 1.0)


def yearly_survival(surv: dict[int, np.ndarray], n_occ: int, ages: np.ndarray, shift: int
                    ) -> np.ndarray:
    """Yearly survival ``[o, age]``: each transition covers the five ages around start + 5."""
    yearly = np.ones((n_occ, len(ages)))
    for start in sorted(surv):
        centre = start + 5 + shift
        yearly[:, ages >= centre - 2] = surv[start][:, None] ** 0.2
    return yearly


def transfer_share(surv: dict[int, np.ndarray], overall: dict[int, float], n_occ: int,
                   ages: np.ndarray, shift: int) -> np.ndarray:
    """Share of the exits at each age ``[o, age]`` that are moves to another occupation.

    For the cohorts observed at 50–54 and 55–59 (``TRANSFER_STARTS``), an occupation that
    keeps fewer of its people than all occupations together (``overall``: the survival of
    the whole register's cohort) loses the difference to other occupations; the rest of its
    exits leave the register (retirement, death, emigration). Net of moves into the
    occupation at the same ages: the cohort data show only the net.
    """
    share = np.zeros((n_occ, len(ages)))
    for start in TRANSFER_STARTS:
        if start not in surv or start not in overall:
            continue
        exit_own = 1.0 - surv[start]
        moved = np.clip(overall[start] - surv[start], 0.0, None)
        ratio = np.divide(moved, exit_own, out=np.zeros(n_occ), where=exit_own > 0)
        centre = start + 5 + shift
        window = (ages >= centre - 2) & (ages <= centre + 2)
        share[:, window] = np.clip(ratio, 0.0, 1.0)[:, None]
    return share


def overall_survival(ages: AgePanel, breaks: tuple[int, ...]) -> dict[int, float]:
    """Cohort survival of the whole register (all occupations summed) per transition start."""
    total = AgePanel(np.array(["all"]), ages.bands, ages.years,
                     np.nansum(ages.values, axis=0, keepdims=True) * np.where(
                         np.isnan(ages.values).all(axis=0, keepdims=True), np.nan, 1.0))
    return {start: float(values[0]) for start, values in survival(total, breaks).items()}


def _band_stock(base: np.ndarray, bands: list[tuple[int, int]], oldest: int) -> np.ndarray:
    """Stock ``[n, age 16..oldest]`` from ``base[n, band]``, each band spread over its ages."""
    base = np.nan_to_num(base)
    single = np.zeros((len(base), oldest - 15))
    for index, (low, high) in enumerate(bands):
        width = high - low + 1
        single[:, low - 16: high - 15] = base[:, index, None] / width
    return single


def _single_ages(ages: AgePanel, oldest: int) -> np.ndarray:
    """Base-year stock ``[o, age 16..oldest]``, each band spread evenly over its ages."""
    return _band_stock(ages.values[:, :, -1], ages.bands, oldest)


def upper_age(ages: AgePanel) -> int:
    """The register's oldest age in the base year (64 before 2023, 69 from then)."""
    present = ~np.isnan(ages.values[:, :, -1]).all(axis=0)
    return max(high for (_, high), here in zip(ages.bands, present, strict=True) if here)


@dataclass(frozen=True)
class Outflows:
    """Share of each base-year workforce gone after h years ``[n, o, h]`` (``gone``), and the
    part of it that moved to other occupations at 50–59 (``transfers``, estimated)."""

    gone: np.ndarray
    transfers: np.ndarray


def _run_outflows(stock: np.ndarray, yearly: np.ndarray, moving: np.ndarray, years: int
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Age the stock ``[n, age]`` year by year; cumulative leavers and movers ``[n, year]``."""
    initial = stock.sum(axis=1)
    gone = np.zeros((len(stock), years + 1))
    moved = np.zeros_like(gone)
    leave = 1.0 - yearly
    current, aged = np.array(stock, dtype=float), np.empty(stock.shape)
    for year in range(1, years + 1):
        moved[:, year] = moved[:, year - 1] + (current * leave * moving).sum(axis=1)
        aged[:, 0] = 0.0  # one year older: shift by one age, the youngest age is empty
        np.multiply(current[:, :-1], yearly[:, :-1], out=aged[:, 1:])
        current, aged = aged, current
        gone[:, year] = initial - current.sum(axis=1)
    return gone, moved


def outflows(ages: AgePanel, breaks: tuple[int, ...], horizons: np.ndarray, shift: int = 0,
             base: np.ndarray | None = None) -> Outflows:
    """Replacement and transfer rates per region and occupation, ``[n, o, h]``.

    ``base`` is the base-year stock ``[n, o, band]`` per region (bands as ``ages.bands``);
    by default Riket's (n = 1). Survival comes from the national cohort panel; ``shift``
    moves exits and the upper age later by that many years (retirement-age lever).
    """
    stocks = ages.values[None, :, :, -1] if base is None else np.asarray(base, dtype=float)
    n_r, n_o = stocks.shape[:2]
    surv = survival(ages, breaks)
    oldest = upper_age(ages) + shift
    top = max(oldest, upper_age(ages))
    single = np.arange(16, top + 1)
    yearly = yearly_survival(surv, n_o, single, shift)
    yearly[:, single > oldest] = 0.0  # an earlier upper age: those above it leave at once
    moving = transfer_share(surv, overall_survival(ages, breaks), n_o, single, shift)
    stock = _band_stock(stocks.reshape(n_r * n_o, -1), ages.bands, top)
    gone, moved = _run_outflows(stock, np.tile(yearly, (n_r, 1)), np.tile(moving, (n_r, 1)),
                                int(np.max(horizons)))
    initial = stock.sum(axis=1)[:, None]
    steps = np.asarray(horizons, dtype=int)
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(initial > 0, gone / initial, 0.0)[:, steps]
        share = np.where(initial > 0, moved / initial, 0.0)[:, steps]
    return Outflows(rate.reshape(n_r, n_o, -1), share.reshape(n_r, n_o, -1))


def replacement_rates(ages: AgePanel, breaks: tuple[int, ...], horizons: np.ndarray,
                      shift: int = 0) -> np.ndarray:
    """Share of each occupation's base-year workforce (Riket's age structure) gone after h
    years, ``[o, h]``. ``shift`` as in ``outflows``."""
    return outflows(ages, breaks, horizons, shift).gone[0]


def share_older(base: np.ndarray, bands: list[tuple[int, int]], from_age: int = 55
                ) -> np.ndarray:
    """Share of each stock ``base[..., band]`` aged ``from_age`` or more."""
    base = np.nan_to_num(np.asarray(base, dtype=float))
    older = np.array([low >= from_age for low, _ in bands])
    total = base.sum(axis=-1)
    return np.divide(base[..., older].sum(axis=-1), total, out=np.zeros_like(total),
                     where=total > 0)


def share_aged(ages: AgePanel, from_age: int = 55) -> np.ndarray:
    """Share of each occupation's base-year workforce (Riket) aged ``from_age`` or more."""
    return share_older(ages.values[:, :, -1], ages.bands, from_age)
