"""Figures for notebooks: history, projection with its 80 % interval, scenarios side by side.

The brief's figures (``figures.py``) are fixed-size SVG for the PDF; these draw on a matplotlib
``Axes`` a notebook can show, change and redraw (the scenario widgets call them on every
move of a slider). Every figure carries its source and data vintage in a caption line.

    from reglab_forecast.report.plots import plot_history, plot_projection, plot_scenarios
    ax = plot_history(employment, region="18", ssyk="532")
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..errors import InputError, ReglabError
from ..occupations import occupation_name
from ..projection.model import add_intervals
from ..snapshot import plain_vintage
from ..snapshot import series_breaks as snapshot_breaks
from .numbers import format_decimal, format_int, format_percent

if TYPE_CHECKING:
    from ..projection import Projection

RIKET = "00"
SCENARIO_COLOURS = ("#c55a11", "#548235", "#7030a0", "#2e75b6")
_INT = FuncFormatter(lambda value, _pos: format_int(value))


def source_note(frame: pd.DataFrame, extra: str = "") -> str:
    """"Källa: <source> (<table>); <vintage>" from a frame's provenance in ``attrs``."""
    attrs = frame.attrs
    source = str(attrs.get("source") or "okänd källa")
    table = str(attrs.get("table_id") or "")
    parts = [f"Källa: {source}" + (f", tabell {table}" if table else "")]
    if attrs.get("vintage"):
        parts.append(plain_vintage(str(attrs["vintage"])))
    if attrs.get("estimated"):
        parts.append("delvis uppskattat")
    if extra:
        parts.append(extra)
    return "; ".join(parts)


def projection_note(employment: pd.DataFrame, projection: Projection,
                    scenarios: list[str] | None = None) -> str:
    """The source line of a projected table or figure: data, method, base year, scenario(s)."""
    names = scenarios or [projection.scenario.name]
    label = "scenario" if len(names) == 1 else "scenarier"
    return source_note(employment, f"egen prognos med standardmetoden, basår "
                                   f"{projection.base_year}, {label}: {', '.join(names)}")


def series_breaks(frame: pd.DataFrame) -> list[tuple[int, str]]:
    """(year, Swedish explanation) of every series break recorded for the frame's dataset."""
    name = frame.attrs.get("dataset")
    if not name:
        return []
    return [(b.year, b.text) for b in snapshot_breaks(str(name))]


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


def _new_axes(ax: Axes | None, height: float = 4.2) -> Axes:
    if ax is not None:
        return ax
    _fig, new = plt.subplots(figsize=(8, height), layout="constrained")
    return new


def _caption(ax: Axes, text: str) -> None:
    # A figure-level label, so constrained layout keeps room for it below the axes.
    ax.figure.supxlabel(text, x=0.01, ha="left", fontsize=7, color="0.35", wrap=True)


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
    try:
        label = occupation_name(ssyk)
    except ReglabError:  # a code outside SSYK 2012: show the code
        label = f"SSYK {ssyk}"
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
            ax.annotate(f"seriebrott {year}", (year - 0.45, 0.03), rotation=90, fontsize=7,
                        xycoords=("data", "axes fraction"), color="0.4", va="bottom")
    _style(ax, f"Anställda: {_place(employment, region, ssyk)}")
    _caption(ax, source_note(employment))
    return ax


def projection_path(projection: Projection, region: str, ssyk: str | None = None
                    ) -> pd.DataFrame:
    """Projected employed with its 80 % interval, base year to the last target year.

    Columns: year, employed, lower, upper. For a whole region the interval is that of the
    region's total (intervals do not add up), from the projection's own calibration.
    """
    level = len(ssyk) if ssyk else 1
    years = range(projection.base_year, max(projection.target_years) + 1)
    rows = projection.aggregate(level=level, regions=[region], years=years)
    if ssyk is not None:
        rows = rows[rows["ssyk"] == ssyk]
        if rows.empty:
            raise InputError(f"yrke {ssyk!r} finns inte i prognosen")
        return rows[["year", "employed", "lower", "upper"]].reset_index(drop=True)
    total = rows.groupby("year", as_index=False)[["employed", "base_employed"]].sum()
    total = add_intervals(total, projection.calibration, projection.base_year)
    return total[["year", "employed", "lower", "upper"]]


def plot_projection(employment: pd.DataFrame, projection: Projection, region: str,
                    ssyk: str | None = None, ax: Axes | None = None, label: str | None = None,
                    color: str | None = None, history: bool = True) -> Axes:
    """Outcome (from ``employment``) and the projection with its 80 % interval as a fan."""
    ax = _new_axes(ax)
    if history:
        past = employment_history(employment, region, ssyk)
        ax.plot(past.index, past.to_numpy(), color="#1f4e79", label="Utfall")
    path = projection_path(projection, region, ssyk)
    colour = color or "#c55a11"
    name = label or projection.scenario.name
    ax.fill_between(path["year"], path["lower"], path["upper"], color=colour, alpha=0.15,
                    linewidth=0, label=f"80 %-intervall ({name})")
    ax.plot(path["year"], path["employed"], color=colour, linestyle="--", label=name)
    _style(ax, f"Anställda: {_place(employment, region, ssyk)}, utfall och prognos")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    if history:
        _caption(ax, projection_note(employment, projection))
    return ax


def plot_scenarios(employment: pd.DataFrame, projections: Mapping[str, Projection],
                   region: str, ssyk: str | None = None, ax: Axes | None = None) -> Axes:
    """Several scenarios' projections over the same history, one colour each."""
    ax = _new_axes(ax)
    for number, (label, projection) in enumerate(projections.items()):
        plot_projection(employment, projection, region, ssyk, ax=ax, label=label,
                        color=SCENARIO_COLOURS[number % len(SCENARIO_COLOURS)],
                        history=number == 0)
    if not projections:
        raise InputError("plot_scenarios: inga prognoser att rita")
    names = [p.scenario.name for p in projections.values()]
    _caption(ax, projection_note(employment, next(iter(projections.values())), names))
    return ax


def plot_regions(frame: pd.DataFrame, column: str, region: str, title: str,
                 source: str = "", ax: Axes | None = None) -> Axes:
    """One indicator for every län as bars, ``region`` marked, Riket ("00") as a line."""
    ax = _new_axes(ax, height=6)
    lan = frame[frame["region"] != RIKET].sort_values(column)
    colours = ["#c55a11" if code == region else "#9dc3e6" for code in lan["region"]]
    ax.barh(lan["region_name"], lan[column], color=colours)
    riket = frame.loc[frame["region"] == RIKET, column]
    if len(riket):
        ax.axvline(float(riket.iloc[0]), color="0.3", linestyle="--", linewidth=1,
                   label="Riket")
        ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.set_title(title, loc="left", fontsize=11)
    ax.tick_params(axis="y", labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    _caption(ax, source)
    return ax


def plot_series(frame: pd.DataFrame, base_year: int | None = None, percent: bool = False,
                source: str = "") -> Figure:
    """One panel per column of ``frame`` (index: year); after ``base_year`` the line is dashed.

    For ratios and shares along a projection (``percent`` shows 0.035 as "3,5 %").
    """
    fig, axes = plt.subplots(len(frame.columns), 1, figsize=(8, 2.2 * len(frame.columns)),
                             sharex=True, layout="constrained", squeeze=False)
    axis_format = FuncFormatter(lambda value, _pos: format_percent(value, 2) if percent
                                else format_decimal(value, 2))
    for ax, column in zip(axes[:, 0], frame.columns, strict=True):
        series = frame[column].dropna()
        past = series[series.index <= base_year] if base_year is not None else series
        ax.plot(past.index, past.to_numpy(), color="#1f4e79", marker=".", label="Utfall")
        if base_year is not None:
            ahead = series[series.index >= base_year]
            ax.plot(ahead.index, ahead.to_numpy(), color="#c55a11", linestyle="--",
                    label="Prognos")
        _style(ax, str(column))
        ax.yaxis.set_major_formatter(axis_format)
    axes[0, 0].legend(loc="upper right", fontsize=8, frameon=False)
    _caption(axes[-1, 0], source)
    return fig
