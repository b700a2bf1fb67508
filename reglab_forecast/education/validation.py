"""How good is the filling of suppressed cells? Hide published cells and fill them again.

For every SSYK3 × sex row of the pooled 000000CV table with at least two published levels,
each published level in turn is hidden and filled as suppressed cells are (its own row left
out of the reference groups, so the hidden value cannot leak back). The error is the hidden
level's share among the row's published cells, filled minus true, in percentage points. The
naive baseline fills the same cell from the national distribution of all occupations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .levels import FILL_STEPS, SUN_LEVELS, Pooled, fill_levels, pooled_table

VARIANTS = {"SSYK1 (används)" if FILL_STEPS == ("ssyk1",) else "SSYK1": ("ssyk1",),
            "SSYK2, sedan SSYK1": ("ssyk2", "ssyk1")}


def _row_errors(table: Pooled, code: str, sex: str, row: np.ndarray) -> list[tuple]:
    national = table.national(sex)
    truth = row / np.nansum(row)
    out = []
    for j in np.flatnonzero(~np.isnan(row)):
        hidden = row.copy()
        hidden[j] = np.nan
        naive = np.where(np.isnan(hidden), national * np.nansum(hidden)
                         / national[~np.isnan(hidden)].sum(), hidden)
        fills = [(name, *fill_levels(table, code, sex, hidden, code, steps))
                 for name, steps in VARIANTS.items()]
        for name, counts, methods in [*fills, ("riket (naiv)", naive, ["riket"] * len(row))]:
            share = counts[j] / (counts[j] + np.nansum(hidden))
            out.append((SUN_LEVELS[j], methods[j], name, 100 * (share - truth[j])))
    return out


def hidden_cell_errors() -> pd.DataFrame:
    """One row per hidden cell and fill: ssyk, sex, level, reference, fill, error_pp.

    ``fill`` is a variant of ``VARIANTS`` or "riket (naiv)" (the naive baseline);
    ``reference`` is the group the cell was filled from.
    ``error_pp``: filled share minus published share, percentage points. Source: SCB 000000CV.
    """
    frame = pooled_table()
    table = Pooled(frame)
    rows = []
    for key, values in frame.iterrows():
        code, sex = str(key[0]), str(key[1])  # type: ignore[index]
        if len(code) != 3:
            continue
        row = np.asarray(values.to_numpy(float))
        if (~np.isnan(row)).sum() < 2:
            continue
        rows += [(code, sex, *error) for error in _row_errors(table, code, sex, row)]
    return pd.DataFrame(rows, columns=["ssyk", "sex", "level", "reference", "fill", "error_pp"])


def fill_validation() -> pd.DataFrame:
    """Per fill variant: fill, cells, mae_pp (mean absolute error, percentage points),
    bias_pp (mean error) over the hidden published cells; best first."""
    errors = hidden_cell_errors()
    summary = errors.groupby("fill")["error_pp"].agg(
        cells="size", mae_pp=lambda e: float(e.abs().mean()), bias_pp="mean")
    return pd.DataFrame(summary).sort_values("mae_pp").reset_index()
