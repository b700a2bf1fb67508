"""The public loaders over the embedded snapshot: employment, age profile and the manifest.

Every loader returns a long DataFrame that follows the data contract (see ``frames``), with
label columns added (``region_name``, ``ssyk_name``) and provenance in ``attrs``.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError
from .frames import map_labels
from .occupations import check_level, occupation_names
from .regions import RIKET, region_names, resolve_region
from .snapshot import manifest, read_dataset

RegionsArg = str | int | Iterable[str | int] | None
YearsArg = int | str | Iterable[int | str] | None


def resolve_regions(regions: RegionsArg, kinds: tuple[str, ...] = ("riket", "lan")) -> list[str]:
    """Codes for a region, a list of regions, or None (no filter → empty list).

    Raises ``InputError`` for an empty list (it would silently mean "all") and for a value
    that is neither a region nor a list of regions."""
    if regions is None:
        return []
    if isinstance(regions, str | int) and not isinstance(regions, bool):
        items: list[str | int] = [regions]
    elif isinstance(regions, Iterable) and not isinstance(regions, bytes | Mapping):
        items = list(regions)
    else:
        raise InputError(f"regions ska vara en region, en lista med regioner eller None, fick "
                         f"{regions!r}")
    if not items:
        raise InputError("regions är en tom lista; ange minst en region, t.ex. ['18'], eller "
                         "None för alla")
    return list(dict.fromkeys(resolve_region(item, kinds) for item in items))


def _year(value: object, name: str) -> int:
    if isinstance(value, bool | np.bool_):
        raise InputError(f"{name}: {value!r} är inget årtal")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise InputError(f"{name}: {value!r} är inget årtal; ange t.ex. 2024, [2020, 2024] eller "
                     "range(2020, 2025)")


def year_list(years: object, name: str = "years") -> list[int]:
    """Years given as an int, a digit string ("2020"), or a list/range of them, as ints.

    A string is one year, never read character by character. Raises ``InputError`` naming
    ``name`` for anything else or an empty list."""
    if isinstance(years, str | numbers.Integral):
        return [_year(years, name)]
    if not isinstance(years, Iterable) or isinstance(years, bytes | Mapping):
        return [_year(years, name)]  # raises with the message
    found = [_year(y, name) for y in years]
    if not found:
        raise InputError(f"{name} är en tom lista; ange minst ett år")
    return found


def select_years(frame: pd.DataFrame, years: YearsArg) -> pd.DataFrame:
    """Rows of ``years`` (an int, a list or a range); InputError names the years there are."""
    if years is None:
        return frame
    wanted = year_list(years)
    available = sorted(int(y) for y in frame["year"].unique())
    missing = sorted(set(wanted) - set(available))
    if missing:
        raise InputError(
            f"år {', '.join(map(str, missing))} finns inte i {frame.attrs.get('dataset', 'data')}; "
            f"finns: {available[0]}–{available[-1]}"
        )
    return frame[frame["year"].isin(wanted)]


def _aggregate_ssyk(frame: pd.DataFrame, level: int, keys: list[str]) -> pd.DataFrame:
    if level == 4:
        return frame
    frame = frame.assign(ssyk=frame["ssyk"].str[:level])
    return frame.groupby(keys, as_index=False, sort=False).agg({"employed": "sum"})


def _with_riket(frame: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Add Riket ("00") as the sum of the län when it was asked for."""
    lan = [c for c in codes if c != RIKET]
    parts = [frame[frame["region"].isin(lan)]] if lan else []
    if RIKET in codes:
        riket = frame.groupby(["ssyk", "sex", "year"], as_index=False).agg({"employed": "sum"})
        parts.append(riket.assign(region=RIKET))
    return pd.concat(parts, ignore_index=True)


def _attrs_with(frame: pd.DataFrame, **extra: Any) -> dict[str, Any]:
    return {**{str(k): v for k, v in frame.attrs.items()}, **extra}


def _finish(frame: pd.DataFrame, columns: list[str], attrs: dict[str, Any]) -> pd.DataFrame:
    names = occupation_names()
    frame = frame.assign(ssyk_name=map_labels(frame["ssyk"], names))
    if "region" in frame.columns:
        frame = frame.assign(region_name=map_labels(frame["region"], region_names()))
    frame = frame[columns].sort_values(
        [c for c in columns if not c.endswith("_name") and c != "employed"], ignore_index=True
    )
    frame["employed"] = frame["employed"].astype("int64")
    frame.attrs.update(attrs)
    return frame


def load_employment(
    level: int = 4, regions: RegionsArg = None, years: YearsArg = None
) -> pd.DataFrame:
    """Employees by län × SSYK (level 1–4) × sex × year, 2014–2024.

    ``regions`` takes län codes or names ("18", "Örebro län", "orebro") or a list of them;
    "Riket"/"00" adds the national total (the sum of the län). ``years`` takes an int, a list
    or a range. Columns: region, region_name, ssyk, ssyk_name, sex, year, employed.
    """
    level = check_level(level)
    frame = read_dataset("employment")
    attrs = _attrs_with(frame, level=level)
    frame = select_years(frame, years)
    codes = resolve_regions(regions)
    if codes:
        frame = _with_riket(frame, codes)
    frame = _aggregate_ssyk(frame, level, ["region", "ssyk", "sex", "year"])
    columns = ["region", "region_name", "ssyk", "ssyk_name", "sex", "year", "employed"]
    return _finish(frame, columns, attrs)


def load_age_profile(level: int = 4) -> pd.DataFrame:
    """National employees by SSYK (level 1–4) × age band × sex × year, 2014–2024.

    Age bands are "16-24", "25-29", …, "60-64"; "65-69" exists only from 2023 (series break).
    Columns: ssyk, ssyk_name, age, sex, year, employed.
    """
    level = check_level(level)
    frame = read_dataset("age_profile")
    attrs = _attrs_with(frame, level=level)
    frame = _aggregate_ssyk(frame, level, ["ssyk", "age", "sex", "year"])
    return _finish(frame, ["ssyk", "ssyk_name", "age", "sex", "year", "employed"], attrs)


def _year_span(years: list[int] | None) -> str:
    """ "2014–2024" for a run of years, "2020, 2026" when there are gaps."""
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)):
        return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


def datasets() -> pd.DataFrame:
    """The snapshot's manifest as a table: one row per dataset with title, years and vintage."""
    rows = []
    for name, entry in manifest()["datasets"].items():
        rows.append(
            {
                "dataset": name,
                "title": entry.get("title", ""),
                "years": _year_span(entry.get("years")),
                "rows": int(entry.get("rows", 0)),
                "source": entry.get("source", ""),
                "table_ids": ", ".join(entry.get("table_ids", [])),
                "vintage": entry.get("vintage", ""),
                "licence": entry.get("licence", ""),
                "series_breaks": ", ".join(str(b["year"]) for b in entry.get("series_breaks", [])),
            }
        )
    return pd.DataFrame(rows)
