"""The data contract: long tables with fixed column names, checked at every boundary.

Codes (``region``, ``ssyk``, ``sni``, ``age``, ``sex``) are strings with their leading zeros,
``year`` is an int, counts are numbers, and each code column may have a ``*_name`` label column.
A frame carries its provenance in ``DataFrame.attrs`` (``source``, ``table_id``, ``vintage``,
``estimated``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataContractError

CODE_COLUMNS = ("region", "ssyk", "sni", "age", "sex", "region_from", "region_to")
YEAR_COLUMNS = ("year",)
COUNT_COLUMNS = ("employed", "population", "ads", "value")
SEXES = ("men", "women")


def _rows_hint(frame: pd.DataFrame, mask: pd.Series, limit: int = 5) -> str:
    rows = frame.loc[mask].head(limit)
    return rows.to_string(index=False, max_cols=10)


def _check_columns(frame: pd.DataFrame, required: Iterable[str], name: str) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataContractError(
            f"{name}: saknar kolumn(er) {missing}; har {list(frame.columns)}"
        )


def _check_code_columns(frame: pd.DataFrame, name: str) -> None:
    for column in CODE_COLUMNS:
        if column not in frame.columns:
            continue
        values = frame[column]
        if isinstance(values.dtype, pd.StringDtype) and not values.isna().any():
            continue  # a str column without gaps holds only strings; skip the per-row check
        not_str = ~values.map(lambda v: isinstance(v, str))
        if not_str.any():
            raise DataContractError(
                f"{name}: kolumnen '{column}' ska hålla koder som text (t.ex. '01', '0110'); "
                f"{int(not_str.sum())} rader gör det inte:\n{_rows_hint(frame, not_str)}"
            )


def _check_years(frame: pd.DataFrame, name: str) -> None:
    if "year" in frame.columns and not pd.api.types.is_integer_dtype(frame["year"]):
        raise DataContractError(
            f"{name}: kolumnen 'year' ska vara heltal, är {frame['year'].dtype}"
        )


def _check_counts(frame: pd.DataFrame, name: str, allow_nan: bool) -> None:
    for column in COUNT_COLUMNS:
        if column not in frame.columns:
            continue
        values = frame[column]
        if not pd.api.types.is_numeric_dtype(values):
            raise DataContractError(
                f"{name}: kolumnen '{column}' ska vara numerisk, är {values.dtype}"
            )
        bad = values < 0
        if not allow_nan:
            bad = bad | values.isna()
        if bad.any():
            what = "negativa" if allow_nan else "negativa eller saknade"
            raise DataContractError(
                f"{name}: {int(bad.sum())} {what} värden i '{column}':\n{_rows_hint(frame, bad)}"
            )


def _has_duplicates(frame: pd.DataFrame, keys: list[str]) -> bool:
    """Whether two rows share the values of ``keys``: each key column factorised to integer
    codes, combined into one code per row and counted (about twice as fast as
    ``DataFrame.duplicated`` on the snapshot's string keys)."""
    if not keys:
        return bool(frame.duplicated().any())
    if len(frame) < 2:
        return False
    codes, sizes = [], []
    for key in keys:
        code, uniques = pd.factorize(frame[key], use_na_sentinel=False)
        codes.append(code)
        sizes.append(max(len(uniques), 1))
    if math.prod(sizes) > 1 << 40:
        return bool(frame.duplicated(subset=keys).any())
    combined = np.ravel_multi_index(codes, sizes)
    if math.prod(sizes) <= 1 << 24:
        return bool(np.bincount(combined).max() > 1)
    combined.sort()
    return bool((combined[1:] == combined[:-1]).any())


def _check_unique(frame: pd.DataFrame, keys: list[str], name: str) -> None:
    if not _has_duplicates(frame, keys):
        return
    duplicated = frame.duplicated(subset=keys, keep=False)
    if duplicated.any():
        raise DataContractError(
            f"{name}: {int(duplicated.sum())} rader har samma nyckel {keys}:\n"
            f"{_rows_hint(frame, duplicated)}"
        )


def _check_complete(frame: pd.DataFrame, keys: list[str], name: str) -> None:
    expected = 1
    for key in keys:
        expected *= frame[key].nunique()
    if expected != len(frame):
        raise DataContractError(
            f"{name}: kuben är inte komplett över {keys}: {len(frame)} rader, "
            f"väntade {expected}"
        )


def validate(
    frame: pd.DataFrame,
    keys: list[str],
    *,
    name: str = "tabell",
    required: Iterable[str] = (),
    complete: bool = False,
    allow_nan: bool = False,
) -> pd.DataFrame:
    """Check ``frame`` against the data contract and return it unchanged.

    ``keys`` must identify a row; ``complete`` also asks for every combination of key values.
    Raises ``DataContractError`` naming the column and showing the rows that break the contract.
    """
    _check_columns(frame, [*keys, *required], name)
    _check_code_columns(frame, name)
    _check_years(frame, name)
    _check_counts(frame, name, allow_nan)
    _check_unique(frame, keys, name)
    if complete:
        _check_complete(frame, keys, name)
    return frame


def map_labels(values: pd.Series, mapping: Mapping[Any, Any]) -> pd.Series:
    """``values.map(mapping)``, the same Series, looked up once per distinct value (many rows
    share few codes: region or SSYK names for a long frame)."""
    codes, uniques = pd.factorize(values)
    if (codes < 0).any():
        return values.map(mapping)
    mapped = pd.Series(uniques).map(mapping)
    return pd.Series(mapped.array.take(codes), index=values.index, name=values.name)


def repeat_labels(labels: Sequence[Any] | np.ndarray, positions: np.ndarray) -> Any:
    """``labels[positions]`` as the array a frame column of those labels gets (``str`` for
    text), taken from the few labels instead of converting a long array of Python strings."""
    array = pd.Series(np.asarray(labels)).array
    return array.take(np.asarray(positions, dtype=np.intp))
