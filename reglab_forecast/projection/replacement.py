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


def _single_ages(ages: AgePanel, oldest: int) -> np.ndarray:
    """Base-year stock ``[o, age 16..oldest]``, each band spread evenly over its ages."""
    base = np.nan_to_num(ages.values[:, :, -1])
    single = np.zeros((len(ages.ssyk), oldest - 15))
    for index, (low, high) in enumerate(ages.bands):
        width = high - low + 1
        single[:, low - 16: high - 15] = base[:, index, None] / width
    return single


def upper_age(ages: AgePanel) -> int:
    """The register's oldest age in the base year (64 before 2023, 69 from then)."""
    present = ~np.isnan(ages.values[:, :, -1]).all(axis=0)
    return max(high for (_, high), here in zip(ages.bands, present, strict=True) if here)


def replacement_rates(ages: AgePanel, breaks: tuple[int, ...], horizons: np.ndarray,
                      shift: int = 0) -> np.ndarray:
    """Share of each occupation's base-year workforce gone after h years, ``[o, h]``.

    ``shift`` moves exits and the upper age later by that many years (retirement-age lever).
    """
    surv = survival(ages, breaks)
    oldest = upper_age(ages) + shift
    top = max(oldest, upper_age(ages))
    stock = _single_ages(ages, top)
    single = np.arange(16, top + 1)
    yearly = yearly_survival(surv, len(ages.ssyk), single, shift)
    yearly[:, single > oldest] = 0.0  # an earlier upper age: those above it leave at once
    initial = stock.sum(axis=1)
    gone = np.zeros((len(ages.ssyk), int(np.max(horizons)) + 1))
    for year in range(1, gone.shape[1]):
        stock = np.concatenate([np.zeros((len(stock), 1)), (stock * yearly)[:, :-1]], axis=1)
        gone[:, year] = initial - stock.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = np.where(initial[:, None] > 0, gone / initial[:, None], 0.0)
    return rates[:, np.asarray(horizons, dtype=int)]


def share_aged(ages: AgePanel, from_age: int = 55) -> np.ndarray:
    """Share of each occupation's base-year workforce aged ``from_age`` or more."""
    base = np.nan_to_num(ages.values[:, :, -1])
    older = np.array([low >= from_age for low, _ in ages.bands])
    total = base.sum(axis=1)
    return np.divide(base[:, older].sum(axis=1), total, out=np.zeros_like(total), where=total > 0)
