"""How good is the filling of suppressed cells? Hide published cells and fill them again.

For every SSYK3 × sex row of the pooled 000000CV table with at least two published levels,
each published level in turn is hidden and filled from the reference distribution (its own
row left out of the reference, so the hidden value cannot leak back). The error is the filled
share of that level minus its share when published, in percentage points. The naive baseline
fills the same cell from the national distribution of all occupations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .levels import SUN_LEVELS, fill_row, pooled_table, reference, rows_national


def _row_errors(table: pd.DataFrame, code: str, sex: str, row: np.ndarray) -> list[tuple]:
    national = rows_national(table, sex)
    out = []
    for j in np.flatnonzero(~np.isnan(row)):
        hidden = row.copy()
        hidden[j] = np.nan
        method, ref = reference(table, code, sex, np.isnan(hidden), exclude=code)
        truth = fill_row(row, ref)
        truth_share = truth[j] / truth.sum()
        for name, basis in (("hierarchy", ref), ("national", national)):
            filled = fill_row(hidden, basis)
            share = filled[j] / filled.sum()
            out.append((SUN_LEVELS[j], method, name, 100 * (share - truth_share)))
    return out


def hidden_cell_errors() -> pd.DataFrame:
    """One row per hidden cell and fill: ssyk, sex, level, reference, fill, error_pp.

    ``fill`` is ``hierarchy`` (the method used: SSYK2 → SSYK1 → ISCO-08 skill level) or
    ``national`` (the naive baseline); ``reference`` is the step the hierarchy took.
    ``error_pp``: filled share minus published share, percentage points. Source: SCB 000000CV.
    """
    table = pooled_table()
    rows = []
    for (code, sex), values in table.iterrows():
        if len(code) != 3:
            continue
        row = values.to_numpy(float)
        if (~np.isnan(row)).sum() < 2:
            continue
        rows += [(code, sex, *error) for error in _row_errors(table, code, sex, row)]
    return pd.DataFrame(rows, columns=["ssyk", "sex", "level", "reference", "fill", "error_pp"])


def fill_validation() -> pd.DataFrame:
    """Mean absolute error (percentage points) of hidden cells, per fill and reference step.

    Columns: fill (``hierarchy``/``national``), reference, cells, mae_pp, bias_pp; plus a row
    per fill with reference ``alla``.
    """
    errors = hidden_cell_errors()
    parts = []
    for keys, frame in [*errors.groupby(["fill", "reference"]),
                        *((( fill, "alla"), f) for fill, f in errors.groupby("fill"))]:
        parts.append({"fill": keys[0], "reference": keys[1], "cells": len(frame),
                      "mae_pp": float(frame["error_pp"].abs().mean()),
                      "bias_pp": float(frame["error_pp"].mean())})
    return pd.DataFrame(parts)
