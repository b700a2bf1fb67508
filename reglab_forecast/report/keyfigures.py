"""The rows of the Nyckeltal table, each with a stable id (the frame's index).

The narrative refers to rows by id ("need", "proj_2035", …) and so quotes exactly the rounded
value the table shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .breaks import adjusted_change, breaks_between, national_adjusted_change, years_text
from .cells import RIKET

if TYPE_CHECKING:
    from .context import BriefContext

_DECIMALS = {"antal": 0, "förändring": 0, "procent": 1, "förändring, %": 1, "kvot": 2}


def _row(rows: dict, key: str, indicator: str, value: float, unit: str,
         lower: float | None = None, upper: float | None = None) -> None:
    rows[key] = {"indicator": indicator, "value": value, "lower": lower, "upper": upper,
                 "unit": unit}


def register_label(ctx: BriefContext) -> str:
    """'Förändring 2019–2024 i registret (inkl. seriebrott 2022 och 2023)'."""
    label = f"Förändring {ctx.past}–{ctx.t0} i registret"
    breaks = breaks_between(ctx.inputs.employment, ctx.past, ctx.t0)
    return label + (f" (inkl. seriebrott {years_text(breaks)})" if breaks else "")


def _history_rows(rows: dict, ctx: BriefContext, sums: pd.Series) -> None:
    e0, past = sums["employed"], sums["employed_past"]
    change = 100 * (float(e0) / float(past) - 1)
    riket: pd.Series = ctx.sums.loc[RIKET]  # type: ignore[assignment]
    riket_change = 100 * (float(riket["employed"]) / float(riket["employed_past"]) - 1)
    riket_adjusted = ctx.shared("riket_adjusted", lambda: national_adjusted_change(
        ctx.inputs.employment, ctx.past, ctx.t0))
    _row(rows, "employed", f"Anställda {ctx.t0}", e0, "antal")
    _row(rows, "change_past", f"{register_label(ctx)}, antal", e0 - past, "förändring")
    _row(rows, "change_past_pct", f"{register_label(ctx)}, procent", change, "förändring, %")
    _row(rows, "change_adj_pct",
         f"Förändring {ctx.past}–{ctx.t0}, procent (skattad, justerad för seriebrott)",
         adjusted_change(change, riket_change, riket_adjusted), "förändring, %")


def _projection_rows(rows: dict, ctx: BriefContext, sums: pd.Series) -> None:
    e0 = sums["employed"]
    for t in ctx.targets:
        proj, lower, upper = sums[f"proj_{t}"], sums[f"lower_{t}"], sums[f"upper_{t}"]
        _row(rows, f"proj_{t}", f"Prognos anställda {t}", proj, "antal", lower, upper)
        _row(rows, f"change_{t}_pct", f"Prognostiserad förändring {ctx.t0}–{t}",
             100 * (proj / e0 - 1), "förändring, %",
             100 * (lower / e0 - 1), 100 * (upper / e0 - 1))


def _need_rows(rows: dict, ctx: BriefContext, sums: pd.Series) -> None:
    h = ctx.horizon
    label = f"Andel 55 år och äldre {ctx.t0}"
    if ctx.inputs.projection.table["estimated"].any():  # the län's age structure is estimated
        label += " (skattad)"
    _row(rows, "share_55", label, sums["share_55"], "procent")
    _row(rows, "replacement", f"Pensionsavgångar {ctx.t0}–{h}", sums[f"replacement_{h}"], "antal")
    _row(rows, "expansion", f"Expansion {ctx.t0}–{h}", sums[f"expansion_{h}"], "förändring")
    _row(rows, "need", f"Rekryteringsbehov {ctx.t0}–{h}", sums[f"need_{h}"], "antal")
    _row(rows, "need_per_year", f"Rekryteringsbehov per år {ctx.t0}–{h}",
         sums[f"need_{h}"] / (h - ctx.t0), "antal")
    _row(rows, "need_pct", "Rekryteringsbehov i procent av anställda",
         100 * sums[f"need_{h}"] / sums["employed"], "procent")


def _demography_rows(rows: dict, ctx: BriefContext) -> None:
    ratio = ctx.inputs.demography.get(ctx.region)
    if ratio is not None:
        _row(rows, "demography", ratio.label, ratio.value, "kvot")


def key_figure_rows(ctx: BriefContext) -> pd.DataFrame:
    """Rounded key figures of the region, indexed by row id."""
    sums: pd.Series = ctx.sums.loc[ctx.region]  # type: ignore[assignment]
    rows: dict[str, dict] = {}
    _history_rows(rows, ctx, sums)
    _projection_rows(rows, ctx, sums)
    _need_rows(rows, ctx, sums)
    _demography_rows(rows, ctx)
    frame = pd.DataFrame.from_dict(rows, orient="index")
    for column in ("value", "lower", "upper"):
        frame[column] = [
            None if pd.isna(v) else round(float(v), _DECIMALS[u])
            for v, u in zip(frame[column], frame["unit"], strict=True)
        ]
    frame[["value", "lower", "upper"]] = frame[["value", "lower", "upper"]].astype(float)
    return frame
