"""Decode a JSON-stat 2.0 dataset into a long pandas frame.

One column per dimension holding the category codes (str), one ``<dimension>_name`` column
with the labels, and ``value`` as float. Missing values (``null`` in json-stat2, or a status
such as ``..`` or ``.``) become NaN, never 0; but a ``null`` whose status is ``-`` is SCB's
"nothing to report", a true zero, and becomes 0. When the answer has status symbols the frame
gets a ``status`` column (str, "" where none) so callers see them. Both the array and the
object (sparse) forms of ``value``, ``status`` and ``category.index`` are accepted, and
cells are placed by the dimension ids the answer declares, in whatever order it declares them.
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


TRUE_ZERO = "-"  # SCB: "Noll, intet finns att redovisa"


def cell_status(dataset: dict[str, Any], total: int) -> np.ndarray | None:
    """The status symbol of every cell ("" where none), or None when the answer has none."""
    raw = dataset.get("status")
    if raw is None or raw == {} or raw == []:
        return None
    out = np.full(total, "", dtype=object)
    if isinstance(raw, str):
        out[:] = raw
    elif isinstance(raw, list):
        if len(raw) == 1:
            out[:] = str(raw[0] or "")
        elif len(raw) == total:
            out[:] = [str(s or "") for s in raw]
        else:
            raise ResponseError(f"json-stat2: {len(raw)} statusvärden men {total} celler")
    elif isinstance(raw, dict):
        for position, symbol in raw.items():
            out[int(position)] = str(symbol or "")
    else:
        raise ResponseError("json-stat2: 'status' har ett okänt format")
    return out


def _to_float(value: Any) -> float:
    if value is None or isinstance(value, bool):
        return float("nan")
    if isinstance(value, int | float):
        return float(value)
    try:  # "..", ".", "-" and other status markers are missing, not zero
        return float(str(value).replace(",", "."))
    except ValueError:
        return float("nan")


def _index_array(dataset: dict[str, Any], variable: str,
                 order: dict[str, list[str]]) -> np.ndarray:
    codes = category_codes(dataset["dimension"][variable])
    if variable not in order:
        if len(codes) > 1:
            raise ResponseError(f"json-stat2: svaret har dimensionen {variable} som urvalet "
                                "inte har")
        return np.zeros(1, dtype=np.int64)
    lookup = {code: i for i, code in enumerate(order[variable])}
    try:
        return np.array([lookup[c] for c in codes], dtype=np.int64)
    except KeyError as error:
        raise ResponseError(f"json-stat2: värdet {error} i {variable} ingick inte i "
                            "urvalet") from None


def positions(dataset: dict[str, Any], order: dict[str, list[str]]) -> np.ndarray:
    """Each cell's flat position in the cube ``order`` (variable → codes), row-major.

    The answer's cells are read in the order of the dimension ids the answer declares, which
    need not be the order of ``order``. Variables of ``order`` missing from the dataset must
    have a single code (eliminated); dimensions of the dataset that ``order`` does not name
    must have size 1. Raises ``ResponseError`` for a code or dimension outside ``order``.
    """
    ids = [str(i) for i in dataset["id"]]
    if any(len(order[v]) > 1 for v in order if v not in ids):
        raise ResponseError("json-stat2: svarets dimensioner stämmer inte med urvalet")
    arrays = [_index_array(dataset, variable, order) for variable in ids]
    wanted = [v for v in order if v in ids]
    if not wanted:
        return np.zeros(1, dtype=np.int64)
    grids = dict(zip(ids, np.meshgrid(*arrays, indexing="ij"), strict=True))
    flat = np.ravel_multi_index([grids[v] for v in wanted], [len(order[v]) for v in wanted])
    return np.asarray(flat).ravel()


def _check(dataset: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    if not isinstance(dataset, dict) or "id" not in dataset or "dimension" not in dataset:
        raise ResponseError("json-stat2: svaret är inte JSON-stat (saknar 'id' eller "
                            "'dimension')")
    try:
        ids = [str(i) for i in dataset["id"]]
        codes = [category_codes(dataset["dimension"][i]) for i in ids]
        declared = dataset.get("size")
        sizes = None if declared is None else [int(n) for n in declared]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ResponseError(f"json-stat2: svaret är inte giltig JSON-stat ({error!r})") from None
    if sizes is not None and sizes != [len(c) for c in codes]:
        raise ResponseError(f"json-stat2: size {declared} stämmer inte med kategorierna")
    return ids, codes


def check_dataset(dataset: Any) -> None:
    """Raise ``ResponseError`` unless ``dataset`` is a JSON-stat 2.0 dataset whose values,
    statuses and categories agree (run before an answer is cached)."""
    _, codes = _check(dataset)
    total = int(np.prod([len(c) for c in codes], dtype="int64"))
    if "value" not in dataset:
        raise ResponseError("json-stat2: svaret saknar 'value'")
    values = dataset["value"]
    if isinstance(values, dict):
        if any(not str(k).isdigit() or int(k) >= total for k in values):
            raise ResponseError(f"json-stat2: 'value' pekar utanför de {total} cellerna")
    elif not isinstance(values, list) or len(values) != total:
        count = len(values) if isinstance(values, list) else type(values).__name__
        raise ResponseError(f"json-stat2: {count} värden men dimensionerna ger {total} celler")
    cell_status(dataset, total)


def check_metadata(dataset: Any) -> None:
    """Raise ``ResponseError`` unless ``dataset`` is JSON-stat metadata (ids and categories)."""
    _check(dataset)


def labels_of(dataset: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Category labels per dimension (code → label)."""
    return {str(i): {str(k): str(v) for k, v in (
        dataset["dimension"][i].get("category", {}).get("label") or {}).items()}
        for i in dataset["id"]}


def cell_values(dataset: dict[str, Any]) -> np.ndarray:
    """The values as floats in row-major order; missing → NaN, ``null`` with status ``-`` → 0."""
    _, codes = _check(dataset)
    total = int(np.prod([len(c) for c in codes], dtype="int64"))
    values = _values(dataset, total)
    status = cell_status(dataset, total)
    if status is not None:
        values[np.isnan(values) & (status == TRUE_ZERO)] = 0.0
    return values


def cell_statuses(dataset: dict[str, Any]) -> np.ndarray | None:
    """The status symbols in row-major order ("" where none), or None without statuses."""
    _, codes = _check(dataset)
    return cell_status(dataset, int(np.prod([len(c) for c in codes], dtype="int64")))


def cube_frame(order: dict[str, list[str]], labels: dict[str, dict[str, str]],
               values: np.ndarray, status: np.ndarray | None = None) -> pd.DataFrame:
    """The long frame of a full cube: code and ``_name`` columns per variable, ``value``
    (and ``status`` when given)."""
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
    if status is not None:
        columns["status"] = pd.Series(pd.array(list(status), dtype="str"))
    return pd.DataFrame(columns)


def parse_jsonstat2(dataset: dict[str, Any]) -> pd.DataFrame:
    """A long frame with one row per cell of ``dataset`` (row-major, last dimension fastest)."""
    ids, codes = _check(dataset)
    frame = cube_frame(dict(zip(ids, codes, strict=True)), labels_of(dataset),
                       cell_values(dataset), cell_statuses(dataset))
    frame.attrs.update(
        {"label": dataset.get("label"), "updated": dataset.get("updated"),
         "source": dataset.get("source")}
    )
    return frame


def _take(values: list[str], positions: np.ndarray) -> pd.Series:
    """A str column built from category positions (Arrow take: fast for a million rows)."""
    return pd.Series(pd.array(pa.array(values, type=pa.string()).take(pa.array(positions)),
                              dtype="str"))
