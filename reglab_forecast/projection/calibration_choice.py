"""Which interval calibration a projection may use without looking past its base year.

The stored calibration (``calibration.json``) learnt from outcomes up to the last snapshot
year. A projection from that year may use it; one from an earlier base year may not, because
those outcomes lie in its future. Such a projection gets a calibration computed from its own
input, cut at the base year: rolling origins whose outcomes are all ≤ the base year. With too
little history for even one rolling origin, the year-on-year changes of the input (the
one-year error of a no-change forecast) are used, widened by sqrt(horizon) as a random walk.

Every choice is recorded as a ``basis`` and a Swedish note the brief can print.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import SnapshotError
from .backtest import MIN_HISTORY, level_matrix, rolling_errors
from .expansion import MethodParams
from .intervals import Calibration, calibrate
from .panel import Panel

BASES = ("stored", "given", "input", "input_extrapolated", "year_on_year")


@dataclass(frozen=True)
class IntervalChoice:
    """The calibration used, why (``basis``, one of ``BASES``) and a Swedish note on it."""

    calibration: Calibration
    basis: str
    note: str


_COMPUTED: dict[tuple[Any, ...], Calibration] = {}


def choose_calibration(panel: Panel, params: MethodParams, longest_horizon: int,
                       stored: Callable[[], Calibration]) -> IntervalChoice:
    """The stored calibration if it ends by the base year, else one from ``panel`` itself."""
    try:
        calibration = stored()
    except SnapshotError:
        calibration = None
    end = None if calibration is None else calibration.last_outcome_year
    if calibration is not None and end is not None and end <= panel.base_year:
        return IntervalChoice(calibration, "stored", _stored_note(calibration, end))
    return computed_choice(panel, params, longest_horizon)


def computed_choice(panel: Panel, params: MethodParams, longest_horizon: int) -> IntervalChoice:
    """A calibration from ``panel`` (cut at its base year), computed once and kept."""
    key = (panel.base_year, panel.values.shape, float(panel.values.sum()),
           tuple(panel.years.tolist()), params)
    if key not in _COMPUTED:
        _COMPUTED[key] = _from_panel(panel, params)
    calibration = _COMPUTED[key]
    if not calibration.origins:
        return IntervalChoice(calibration, "year_on_year", calibration.note)
    observed = max(calibration.horizons)
    if observed < longest_horizon:
        note = (f"{calibration.note} Fel observerade upp till {observed} år fram; längre "
                f"horisonter är vidgade med kvadratroten ur horisonten, så intervallen är "
                f"osäkrare än vanligt.")
        return IntervalChoice(calibration, "input_extrapolated", note)
    return IntervalChoice(calibration, "input", calibration.note)


def _stored_note(calibration: Calibration, end: int) -> str:
    origins = calibration.origins
    span = f" (startår {origins[0]}–{origins[-1]})" if origins else ""
    return (f"80 %-intervallen bygger på prognosmetodens egna fel i rullande startår{span} "
            f"med utfall t.o.m. {end}.")


def _from_panel(panel: Panel, params: MethodParams) -> Calibration:
    years = panel.years
    first_origin = int(years[0]) + MIN_HISTORY - 1
    if first_origin >= panel.base_year:
        return year_on_year_calibration(panel)
    errors = rolling_errors(panel, params=params, methods=("standard",))
    origins = sorted(int(o) for o in errors["origin"].unique())
    note = (f"80 %-intervallen är kalibrerade på indata t.o.m. basåret {panel.base_year} "
            f"(rullande startår {origins[0]}–{origins[-1]}); inga senare utfall används.")
    return calibrate(errors, note=note)


def year_on_year_calibration(panel: Panel) -> Calibration:
    """One-year errors of a no-change forecast, from every clean year-on-year change.

    Changes into series-break years are left out unless there is no other change.
    """
    steps = [t for t in range(1, len(panel.years)) if int(panel.years[t]) not in panel.breaks]
    steps = steps or list(range(1, len(panel.years)))
    frames = [_no_change_errors(panel, t) for t in steps]
    calibration = calibrate(pd.concat(frames, ignore_index=True), actual_column="actual")
    note = (f"För kort historik ({panel.years[0]}–{panel.base_year}) för rullande startår: "
            f"80 %-intervallen bygger på årsförändringarna i indata och är vidgade med "
            f"kvadratroten ur horisonten – en grov uppskattning utan kontroll i efterhand.")
    return Calibration(calibration.horizons, calibration.lower, calibration.upper,
                       origins=[], note=note, data_end=panel.base_year,
                       by_level=calibration.by_level)


def _no_change_errors(panel: Panel, t: int) -> pd.DataFrame:
    """Cells at every SSYK level, län and Riket: base = year t−1, actual = year t."""
    frames = []
    for level in (4, 3, 2, 1):
        _, matrix = level_matrix(panel.ssyk, level)
        before, after = (_with_riket(panel.values[:, :, i] @ matrix) for i in (t - 1, t))
        frames.append(pd.DataFrame({"horizon": 1, "level": level, "base": before.ravel(),
                                    "projected": before.ravel(), "actual": after.ravel()}))
    return pd.concat(frames, ignore_index=True)


def _with_riket(cells: np.ndarray) -> np.ndarray:
    return np.concatenate([cells, cells.sum(axis=0, keepdims=True)], axis=0)

