"""Figures for notebooks: history, projection with its 80 % interval, scenarios side by side.

The brief's figures (``figures.py``) are fixed-size SVG for the PDF; these draw on a matplotlib
``Axes`` a notebook can show, change and redraw (the scenario widgets call them on every
move of a slider). Every figure carries its source and data vintage in a caption line.

    from reglab_forecast.report.plots import plot_history, plot_projection, plot_scenarios
    ax = plot_history(employment, region="18", ssyk="532")
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..errors import InputError
from ..snapshot import dataset_info
from .numbers import format_int

RIKET = "00"
_INT = FuncFormatter(lambda value, _pos: format_int(value))


def source_note(frame: pd.DataFrame, extra: str = "") -> str:
    """"Källa: <source> (<table>); <vintage>" from a frame's provenance in ``attrs``."""
    attrs = frame.attrs
    source = str(attrs.get("source") or "okänd källa")
    table = str(attrs.get("table_id") or "")
    parts = [f"Källa: {source}" + (f", tabell {table}" if table else "")]
    if attrs.get("vintage"):
        parts.append(str(attrs["vintage"]))
    if attrs.get("estimated"):
        parts.append("delvis uppskattat")
    if extra:
        parts.append(extra)
    return "; ".join(parts)


def series_breaks(frame: pd.DataFrame) -> list[tuple[int, str]]:
    """(year, Swedish explanation) of every series break recorded for the frame's dataset."""
    name = frame.attrs.get("dataset")
    if not name:
        return []
    breaks = dataset_info(str(name)).get("series_breaks", [])
    return [(int(b["year"]), str(b.get("sv", ""))) for b in breaks]


def _select(frame: pd.DataFrame, region: str, ssyk: str | None) -> pd.DataFrame:
    rows = frame[frame["region"] == region]
    if rows.empty:
        known = ", ".join(sorted(frame["region"].unique()))
        raise InputError(f"region {region!r} finns inte i tabellen; finns: {known}")
    if ssyk is not None:
        rows = rows[rows["ssyk"].str.startswith(ssyk)]
        if rows.empty:
            raise InputError(f"yrke {ssyk!r} finns inte i tabellen för region {region}")
    return rows


def employment_history(employment: pd.DataFrame, region: str, ssyk: str | None = None
                       ) -> pd.Series:
    """Employed per year in ``region`` (all occupations, or those under SSYK ``ssyk``)."""
    rows = _select(employment, region, ssyk)
    return rows.groupby("year")["employed"].sum().astype(float)


def _new_axes(ax: Axes | None) -> Axes:
    if ax is not None:
        return ax
    _fig, new = plt.subplots(figsize=(8, 4.2), layout="constrained")
    return new


def _caption(ax: Axes, text: str) -> None:
    ax.annotate(text, xy=(0, 0), xycoords="figure fraction", xytext=(4, 3),
                textcoords="offset points", fontsize=7, color="0.35", va="bottom")


def _style(ax: Axes, title: str) -> None:
    ax.set_title(title, loc="left", fontsize=11)
    ax.yaxis.set_major_formatter(_INT)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", color="0.9")
    ax.spines[["top", "right"]].set_visible(False)


def _place(employment: pd.DataFrame, region: str, ssyk: str | None) -> str:
    rows = _select(employment, region, ssyk)
    place = str(rows["region_name"].iloc[0]) if "region_name" in rows else region
    if ssyk is None:
        return place
    exact = rows[rows["ssyk"] == ssyk]
    label = str(exact["ssyk_name"].iloc[0]) if "ssyk_name" in rows and len(exact) else \
        f"SSYK {ssyk}"
    return f"{label}, {place}"


def plot_history(employment: pd.DataFrame, region: str, ssyk: str | None = None,
                 ax: Axes | None = None, mark_breaks: bool = True) -> Axes:
    """Employed per year, with the dataset's series breaks marked as dotted lines."""
    ax = _new_axes(ax)
    history = employment_history(employment, region, ssyk)
    ax.plot(history.index, history.to_numpy(), marker="o", markersize=3, color="#1f4e79",
            label="Utfall")
    if mark_breaks:
        for year, _text in series_breaks(employment):
            ax.axvline(year - 0.5, color="0.6", linestyle=":", linewidth=1)
            ax.annotate(f"seriebrott {year}", (year - 0.45, 1), xycoords=("data", "axes fraction"),
                        fontsize=7, color="0.4", va="top")
    _style(ax, f"Anställda: {_place(employment, region, ssyk)}")
    _caption(ax, source_note(employment))
    return ax
