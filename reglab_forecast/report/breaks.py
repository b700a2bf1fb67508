"""Series breaks in the employment register, as the brief shows them.

The break years and their notes come from the snapshot's MANIFEST.json through
``reglab_forecast.snapshot.series_breaks()`` (a frame may carry its own in ``attrs``).

The register's level jumps at a break (2023: ages 16–69 and imputed occupations, about +8 %
nationally), so a change across a break is partly a change of measurement. The brief keeps the
register change but labels it, and adds a break-adjusted estimate: the region's change relative
to Riket applied to Riket's change on the projection's own chain-linked national series.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import pandas as pd

from ..projection.national import chain_linked_log
from ..projection.panel import series_breaks
from ..snapshot import series_breaks as snapshot_breaks

Change = TypeVar("Change", float, pd.Series)


def break_years(employment: pd.DataFrame) -> tuple[int, ...]:
    """The register's break years (from the data's provenance, else the known ones)."""
    return series_breaks(employment)


def break_notes(dataset: str = "employment") -> list[str]:
    """One Swedish line per break ('2018 (vissa yrken): …'), for the brief's method section."""
    return [f"{b.year}{' (vissa yrken: ' + ', '.join(b.ssyk) + ')' if b.partial else ''}: "
            f"{b.text}" for b in snapshot_breaks(dataset)]


def breaks_between(employment: pd.DataFrame, past: int, t0: int) -> tuple[int, ...]:
    """Break years whose change falls inside past → t0 (a break in ``past`` itself does not)."""
    return tuple(y for y in break_years(employment) if past < y <= t0)


def years_text(years: tuple[int, ...]) -> str:
    """(2022, 2023) → '2022 och 2023'."""
    words = [str(y) for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]


def national_adjusted_change(employment: pd.DataFrame, past: int, t0: int) -> float:
    """Riket's change past → t0 in percent, with the changes into break years replaced by the
    mean clean change (the projection's chain linking of the national total)."""
    total = employment[employment["year"] <= t0].groupby("year")["employed"].sum().sort_index()
    years = total.index.to_numpy(dtype=int)
    linked = chain_linked_log(total.to_numpy(dtype=float), years, break_years(employment))
    position = {int(y): i for i, y in enumerate(years)}
    return 100 * float(np.expm1(linked[position[t0]] - linked[position[past]]))


def adjusted_change(change: Change, riket_change: float, riket_adjusted: float) -> Change:
    """Percent change relative to Riket, applied to Riket's break-adjusted change:
    (1 + region) / (1 + riket) · (1 + riket adjusted) − 1."""
    relative = (1 + change / 100) / (1 + riket_change / 100)
    return 100 * (relative * (1 + riket_adjusted / 100) - 1)
