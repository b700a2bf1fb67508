"""Decode a JSON-stat 2.0 dataset into a long pandas frame.

One column per dimension holding the category codes (str), one ``<dimension>_name`` column
with the labels, and ``value`` as float. Missing values (``null`` in json-stat2, or a status
such as ``..``) become NaN, never 0. Both the array and the object (sparse) forms of
``value`` and of ``category.index`` are accepted.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import ResponseError


def category_codes(dimension: dict[str, Any]) -> list[str]:
    """The category codes of one dimension, in json-stat order."""
    category = dimension.get("category", {})
    index = category.get("index")
    if isinstance(index, list):
        return [str(code) for code in index]
    if isinstance(index, dict):
        return [str(code) for code, _ in sorted(index.items(), key=lambda item: item[1])]
    labels = category.get("label", {})
    if len(labels) == 1:  # the spec allows omitting index for a single category
        return [str(next(iter(labels)))]
    raise ResponseError("json-stat2: en dimension saknar category.index")


def _values(dataset: dict[str, Any], total: int) -> np.ndarray:
    raw = dataset.get("value", [])
    out = np.full(total, np.nan, dtype="float64")
    if isinstance(raw, dict):
        for position, value in raw.items():
            out[int(position)] = _to_float(value)
        return out
    if len(raw) != total:
        raise ResponseError(
            f"json-stat2: {len(raw)} värden men dimensionerna ger {total} celler"
        )
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in raw):
        return np.asarray(raw, dtype="float64")
    return np.array([_to_float(v) for v in raw], dtype="float64")


def _to_float(value: Any) -> float:
    if value is None or isinstance(value, bool):
        return float("nan")
    if isinstance(value, int | float):
        return float(value)
    try:  # "..", ".", "-" and other status markers are missing, not zero
        return float(str(value).replace(",", "."))
    except ValueError:
        return float("nan")


def positions(dataset: dict[str, Any], order: dict[str, list[str]]) -> np.ndarray:
    """Each cell's flat position in the cube ``order`` (variable → codes), row-major.

    Variables of ``order`` missing from the dataset must have a single code (eliminated);
    dimensions of the dataset that ``order`` does not name are ignored if they have size 1.
    Raises ``ResponseError`` for a code or dimension outside ``order``.
    """
    ids = [str(i) for i in dataset["id"]]
    wanted = [v for v in order if v in ids]
    if [i for i in ids if i in order] != wanted or any(
            len(order[v]) > 1 for v in order if v not in ids):
        raise ResponseError("json-stat2: svarets dimensioner stämmer inte med urvalet")
    index_arrays = []
    for variable in wanted:
        lookup = {code: i for i, code in enumerate(order[variable])}
        try:
            index_arrays.append(np.array(
                [lookup[c] for c in category_codes(dataset["dimension"][variable])]))
        except KeyError as error:
            raise ResponseError(f"json-stat2: värdet {error} i {variable} ingick inte i "
                                "urvalet") from None
    if not index_arrays:
        return np.zeros(1, dtype=np.int64)
    grid = np.ix_(*index_arrays)
    return np.ravel_multi_index(grid, [len(order[v]) for v in wanted]).ravel()


def _check(dataset: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    if not isinstance(dataset, dict) or "id" not in dataset or "dimension" not in dataset:
        raise ResponseError("json-stat2: svaret saknar 'id' eller 'dimension'")
    ids = [str(i) for i in dataset["id"]]
    codes = [category_codes(dataset["dimension"][i]) for i in ids]
    declared = dataset.get("size")
    if declared is not None and list(declared) != [len(c) for c in codes]:
        raise ResponseError(f"json-stat2: size {declared} stämmer inte med kategorierna")
    return ids, codes


def labels_of(dataset: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Category labels per dimension (code → label)."""
    return {str(i): {str(k): str(v) for k, v in (
        dataset["dimension"][i].get("category", {}).get("label") or {}).items()}
        for i in dataset["id"]}


def cell_values(dataset: dict[str, Any]) -> np.ndarray:
    """The values as floats in row-major order; missing → NaN."""
    _, codes = _check(dataset)
    return _values(dataset, int(np.prod([len(c) for c in codes], dtype="int64")))


def cube_frame(order: dict[str, list[str]], labels: dict[str, dict[str, str]],
               values: np.ndarray) -> pd.DataFrame:
    """The long frame of a full cube: code and ``_name`` columns per variable, ``value``."""
    total = len(values)
    columns: dict[str, Any] = {}
    after = total
    for dim_id, dim_codes in order.items():
        size = len(dim_codes)
        after //= size
        before = total // (after * size)
        where = np.tile(np.repeat(np.arange(size), after), before)
        names = [labels.get(dim_id, {}).get(code, code) for code in dim_codes]
        columns[dim_id] = _take(dim_codes, where)
        columns[f"{dim_id}_name"] = _take(names, where)
    columns["value"] = values
    return pd.DataFrame(columns)


def parse_jsonstat2(dataset: dict[str, Any]) -> pd.DataFrame:
    """A long frame with one row per cell of ``dataset`` (row-major, last dimension fastest)."""
    ids, codes = _check(dataset)
    frame = cube_frame(dict(zip(ids, codes, strict=True)), labels_of(dataset),
                       cell_values(dataset))
    frame.attrs.update(
        {"label": dataset.get("label"), "updated": dataset.get("updated"),
         "source": dataset.get("source")}
    )
    return frame


def _take(values: list[str], positions: np.ndarray) -> pd.Series:
    """A str column built from category positions (Arrow take: fast for a million rows)."""
    return pd.Series(pd.array(pa.array(values, type=pa.string()).take(pa.array(positions)),
                              dtype="str"))
