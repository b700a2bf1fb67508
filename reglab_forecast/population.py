"""Population by län × age × sex from the snapshot: annual (31 December) and monthly.

Annual figures are in single years of age ("0" … "99", "100+"): observed 1968–2019 and
bridged (estimated, ``estimated`` is True) 2020–2025; ``age_bands`` groups them into bands such
as "20-24" or the employment bands "16-24", …, "65-69". Deaths and births 1968–2015 come with
``load_deaths`` and ``load_births``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from .errors import InputError
from .frames import map_labels
from .loaders import RegionsArg, YearsArg, resolve_regions, select_years
from .regions import RIKET, region_names
from .snapshot import keep_frames, read_dataset

AgeBands = int | Sequence[str] | None


def _band_limits(label: str) -> tuple[int, int]:
    """ "20-24" → (20, 24); "100+" → (100, 10_000)."""
    text = label.strip()
    try:
        if text.endswith("+"):
            return int(text[:-1]), 10_000
        low, high = text.split("-")
        return int(low), int(high)
    except ValueError as error:
        raise InputError(
            f"okänd åldersgrupp '{label}'; skriv t.ex. '20-24' eller '65+'"
        ) from error


def _band_labels(width: int) -> list[str]:
    if width < 1:
        raise InputError(f"åldersgruppernas bredd måste vara minst 1 år, inte {width}")
    return [f"{low}-{low + width - 1}" for low in range(0, 100, width)] + ["100+"]


def _band_of_ages(bands: Sequence[str]) -> dict[str, str]:
    """Single-year age label → band label; ages outside every band are left out."""
    mapping: dict[str, str] = {}
    for band in bands:
        low, high = _band_limits(band)
        for age in range(low, min(high, 100) + 1):
            label = "100+" if age == 100 else str(age)
            if label in mapping:
                raise InputError(f"åldersgrupperna överlappar vid {label} år ('{band}')")
            mapping[label] = band
    return mapping


def _apply_bands(frame: pd.DataFrame, age_bands: AgeBands, value: str = "population"
                 ) -> pd.DataFrame:
    if age_bands is None:
        return frame
    bands = _band_labels(age_bands) if isinstance(age_bands, int) else list(age_bands)
    mapping = _band_of_ages(bands)
    frame = frame.assign(age=frame["age"].map(mapping)).dropna(subset=["age"])
    keys = [c for c in ("region", "age", "sex", "year", "month", "estimated")
            if c in frame.columns]
    grouped = frame.groupby(keys, as_index=False, sort=False).agg({value: "sum"})
    order = {band: i for i, band in enumerate(bands)}
    return grouped.assign(_o=grouped["age"].map(order)).sort_values(
        [k for k in keys if k != "age"] + ["_o"]
    ).drop(columns="_o")


def _select_regions(frame: pd.DataFrame, regions: RegionsArg, value: str = "population"
                    ) -> pd.DataFrame:
    codes = resolve_regions(regions)
    if not codes:
        return frame
    keys = [c for c in ("age", "mother_age", "sex", "year", "month", "estimated")
            if c in frame.columns]
    parts = [frame[frame["region"].isin([c for c in codes if c != RIKET])]]
    if RIKET in codes:
        riket = frame.groupby(keys, as_index=False, sort=False).agg({value: "sum"})
        parts.append(riket.assign(region=RIKET))
    return pd.concat(parts, ignore_index=True)


def _finish(frame: pd.DataFrame, by_sex: bool, attrs: dict[str, Any],
            value: str = "population") -> pd.DataFrame:
    keys = [c for c in ("region", "age", "mother_age", "sex", "month", "year", "estimated")
            if c in frame.columns]
    if not by_sex:
        keys.remove("sex")
        frame = frame.groupby(keys, as_index=False, sort=False).agg({value: "sum"})
    frame = frame.assign(region_name=map_labels(frame["region"], region_names()))
    columns = ["region", "region_name", *keys[1:], value]
    if "estimated" in columns:
        columns.append(columns.pop(columns.index("estimated")))
    frame = frame[columns].reset_index(drop=True)
    frame[value] = frame[value].astype("int64")
    frame.attrs.update(attrs)
    return frame


def _attrs(frame: pd.DataFrame, **extra: Any) -> dict[str, Any]:
    return {**{str(k): v for k, v in frame.attrs.items()}, **extra}


@keep_frames
def load_population(
    regions: RegionsArg = None,
    years: YearsArg = None,
    by_sex: bool = True,
    age_bands: AgeBands = None,
) -> pd.DataFrame:
    """Population on 31 December by län × age × sex: observed 1968–2019, bridged 2020–2025.

    ``regions`` as in ``load_employment`` ("Riket" adds the sum of the län); ``by_sex=False``
    sums men and women; ``age_bands`` is None (single years), a width in years (5 →
    "0-4", "5-9", …, "100+"), or a list of bands ("16-24", "25-29", "65+"); ages outside
    the bands are left out. Columns: region, region_name, age, [sex], year, population,
    estimated. ``estimated`` is True for the bridged years 2020–2025: the 2019 population
    carried forward by the cohort-component method and calibrated to SCB's monthly totals of
    January 2026 (see the manifest entry ``population_bridged``). Source: SCB BE0101.
    Raises InputError for unknown regions, years or age bands.
    """
    observed = read_dataset("population").assign(estimated=False)
    bridged = read_dataset("population_bridged")
    frame = pd.concat([observed, bridged[observed.columns]], ignore_index=True)
    frame.attrs.update(observed.attrs)
    frame.attrs["estimated_years"] = sorted(int(y) for y in bridged["year"].unique())
    attrs = _attrs(frame, age_bands=str(age_bands) if age_bands is not None else "single")
    frame = select_years(frame, years)
    frame = _select_regions(frame, regions)
    frame = _apply_bands(frame, age_bands)
    return _finish(frame, by_sex, attrs)


def load_population_monthly(
    regions: RegionsArg = None, by_sex: bool = True, age_bands: AgeBands = None
) -> pd.DataFrame:
    """Population at month end by län × 10-year band × sex: 2020-01 and 2026-01 … 2026-04.

    ``age_bands`` may regroup the ten-year bands (e.g. ``["20-29", "30-39"]``); a band must
    be made of whole ten-year bands. Columns: region, region_name, age, [sex], month, year,
    population.
    """
    frame = read_dataset("population_monthly")
    attrs = _attrs(frame)
    frame = _select_regions(frame, regions)
    if age_bands is not None:
        frame = _regroup_ten_year(frame, age_bands)
    return _finish(frame, by_sex, attrs)


def _regroup_ten_year(frame: pd.DataFrame, age_bands: int | Sequence[str]) -> pd.DataFrame:
    bands = _band_labels(age_bands) if isinstance(age_bands, int) else list(age_bands)
    for band in bands:
        low, high = _band_limits(band)
        if low % 10 or (high < 10_000 and (high + 1) % 10):
            raise InputError(
                f"åldersgruppen '{band}' följer inte tioårsklasserna i månadsstatistiken"
            )
    starts = frame["age"].str.split("-").str[0].str.rstrip("+").astype("int64")
    mapping = _band_of_ages(bands)
    labels = starts.map(lambda a: mapping.get("100+" if a >= 100 else str(a)))
    frame = frame.assign(age=labels).dropna(subset=["age"])
    keys = ["region", "age", "sex", "month", "year"]
    return frame.groupby(keys, as_index=False, sort=False).agg({"population": "sum"})


@keep_frames
def load_deaths(
    regions: RegionsArg = None,
    years: YearsArg = None,
    by_sex: bool = True,
    age_bands: AgeBands = None,
) -> pd.DataFrame:
    """Deaths during the year by län × age at death × sex, 1968–2015 (SCB BE0101).

    Arguments as in ``load_population``. Columns: region, region_name, age, [sex], year,
    deaths. Raises InputError for unknown regions, years or age bands.
    """
    frame = read_dataset("deaths")
    attrs = _attrs(frame, age_bands=str(age_bands) if age_bands is not None else "single")
    frame = select_years(frame, years)
    frame = _select_regions(frame, regions, "deaths")
    frame = _apply_bands(frame, age_bands, "deaths")
    return _finish(frame, by_sex, attrs, "deaths")


@keep_frames
def load_births(
    regions: RegionsArg = None, years: YearsArg = None, by_sex: bool = True
) -> pd.DataFrame:
    """Live births by län × mother's age × child's sex, 1968–2015 (SCB BE0101).

    ``mother_age`` is "<15", "15" … "48", "49+" or "okänd". Arguments as in
    ``load_population``; ``by_sex=False`` sums boys and girls. Columns: region, region_name,
    mother_age, [sex], year, births. Raises InputError for unknown regions or years.
    """
    frame = read_dataset("births")
    attrs = _attrs(frame)
    frame = select_years(frame, years)
    frame = _select_regions(frame, regions, "births")
    return _finish(frame, by_sex, attrs, "births")
