"""Columns of the quality declaration (the backtest's metrics) with Swedish labels."""

from __future__ import annotations

import pandas as pd

from .tablespec import Column

# Known metric names → (label, kind, description). Unknown columns are shown as they come.
KNOWN: dict[str, tuple[str, str, str]] = {
    "method": ("Metod", "text", "Metoden eller jämförelsemetoden (baslinjen)."),
    "baseline": ("Metod", "text", "Metoden eller jämförelsemetoden (baslinjen)."),
    "horizon": ("Horisont (år)", "int", "Antal år mellan prognosens startår och utfallet."),
    "origin": ("Startår", "text", "Året prognosen gjordes från."),
    "n_cells": ("Celler", "int", "Antal län × yrkesgrupp-celler i jämförelsen."),
    "cells": ("Celler", "int", "Antal län × yrkesgrupp-celler i jämförelsen."),
    "wape": ("WAPE %", "pct", "Summan av absoluta fel delat med summan av utfall, i procent."),
    "wape_known_totals": ("WAPE, kända länstotaler %", "pct",
                          "WAPE när länens totala sysselsättning är känd."),
    "direction": ("Rätt riktning %", "pct",
                  "Andel celler (förändring minst 5 %) där tecknet på förändringen blev rätt."),
    "faster_than_average": ("Rätt om snabbare än snittet %", "pct",
                            "Andel celler rätt placerade över/under länets tillväxt."),
    "coverage": ("Täckning 80 %-intervall %", "pct",
                 "Andel utfall inom 80 %-intervallet (bör ligga nära 80 %)."),
}


def _as_percent(values: pd.Series) -> bool:
    return bool(values.dropna().between(0, 1).all())


def quality_columns(quality: pd.DataFrame) -> list[Column]:
    columns = []
    for name in quality.columns:
        label, kind, description = KNOWN.get(
            name, (name, "text" if quality[name].dtype == object else "dec", name)
        )
        columns.append(Column(name, label, kind, description))
    return columns


def to_percent_units(quality: pd.DataFrame) -> pd.DataFrame:
    """Shares given as 0–1 become percent, as every other percentage in the brief."""
    out = quality.copy()
    for name, (_label, kind, _d) in KNOWN.items():
        if kind == "pct" and name in out.columns and _as_percent(out[name]):
            out[name] = 100 * out[name]
    return out
