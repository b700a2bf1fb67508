"""A table of the brief: raw values plus how each column is labelled, explained and formatted.

The same :class:`Table` feeds the PDF (formatted strings), the Excel/CSV table package (raw
values, explained on a sheet of its own) and the narrative, which is why their numbers agree.
Values are rounded when a table is built, so what a reader sees is what the file holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .numbers import (
    MISSING,
    fmt_dec,
    fmt_int,
    fmt_pct,
    fmt_signed,
    fmt_signed_dec,
    fmt_signed_pct,
)

__all__ = ["Column", "Table", "format_value"]

_FORMATTERS: dict[str, Callable[[Any], str]] = {
    "int": fmt_int,
    "signed": fmt_signed,
    "pct": fmt_pct,
    "signed_pct": fmt_signed_pct,
    "dec": fmt_dec,
    "signed_dec": fmt_signed_dec,
    "dec2": lambda v: fmt_dec(v, 2),
}

# How many decimals each kind keeps when a table is built (rounding happens once, there).
DECIMALS = {"int": 0, "signed": 0, "pct": 1, "signed_pct": 1, "dec": 1, "signed_dec": 1,
            "dec2": 2}


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Swedish header in the PDF and the table package
    kind: str  # "text", a key of _FORMATTERS, or "unit" (format by the row's "unit" column)
    description: str  # one sentence for the sheet that explains every column


@dataclass(frozen=True)
class Table:
    key: str  # file and sheet name, ASCII
    title: str  # Swedish caption
    columns: tuple[Column, ...]
    frame: pd.DataFrame
    source: str  # "Källa: …; data t.o.m. 2024"
    note: str = ""
    highlight: tuple[int, ...] = field(default_factory=tuple)  # row positions to emphasise
    # The same rows before rounding (the table package stores these); None: ``frame`` is exact.
    exact: pd.DataFrame | None = field(default=None, compare=False, repr=False)

    def unrounded(self) -> pd.DataFrame:
        """The table's columns as computed, before rounding for display."""
        if self.exact is None:
            return self.frame
        return self.exact.loc[:, [c.key for c in self.columns]]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def cells(self) -> list[list[str]]:
        """Every row as the strings the PDF shows."""
        rows = self.frame.to_dict("records")
        return [[_cell(row, c) for c in self.columns] for row in rows]

    def numbers(self) -> list[float]:
        """Every numeric value of the table (for checking the narrative)."""
        values: list[float] = []
        for c in self.columns:
            if c.kind != "text":
                values.extend(float(v) for v in self.frame[c.key] if pd.notna(v))
        return values


_UNIT_KIND = {"antal": "int", "procent": "pct", "förändring": "signed",
              "förändring, %": "signed_pct", "kvot": "dec2"}


def format_value(value: Any, kind: str) -> str:
    if kind == "text":
        return MISSING if value is None or (isinstance(value, float) and pd.isna(value)) else str(
            value
        )
    return _FORMATTERS[kind](None if pd.isna(value) else value)


def _cell(row: dict[Any, Any], column: Column) -> str:
    kind = _UNIT_KIND[row["unit"]] if column.kind == "unit" else column.kind
    return format_value(row[column.key], kind)


def round_frame(frame: pd.DataFrame, columns: tuple[Column, ...]) -> pd.DataFrame:
    """Round every numeric column to what its kind displays (counts become whole numbers)."""
    out = frame.loc[:, [c.key for c in columns]].copy()
    for c in columns:
        if c.kind in DECIMALS:
            out[c.key] = out[c.key].astype(float).round(DECIMALS[c.kind])
            if DECIMALS[c.kind] == 0:  # whole numbers stay whole in Excel and CSV
                out[c.key] = out[c.key].astype("Int64")
    return out  # the index is kept: key figures use it for stable row ids
