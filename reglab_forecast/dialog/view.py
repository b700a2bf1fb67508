"""What the dialogue page shows for one view: a figure (SVG bytes) and a short table (HTML).

The figure is drawn on its own ``matplotlib.figure.Figure`` inside the house style's
``rc_context``: no pyplot, nothing global changed. Numbers are Swedish ("1 234"); every
figure and table says what is observed and what is projected, and carries the source line.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..numbers import fmt_int, fmt_signed
from ..projection.panel import RIKET
from ..report.plots import source_note
from ..report.style import COLORS, RC_PARAMS, int_formatter
from .engine import Cube, DialogModel, ViewPath

FORMAT = "svg"  # text stays text: no glyphs to rasterise, so a redraw is quick
COUNTED = "Anställda 16–64 år (16–69 från 2023), egenföretagare ingår inte"


@dataclass(frozen=True)
class ViewChoice:
    """Which view: ``region`` and ``compare`` (a län or "00"), ``ssyk`` prefix ("" = all),
    ``areas`` for the yrkesområden view, ``year`` the target year of the table."""

    region: str
    compare: str = RIKET
    ssyk: str = ""
    areas: bool = False
    year: int = 2035


def view_label(model: DialogModel, choice: ViewChoice) -> str:
    if choice.areas:
        return "yrkesområden"
    return f"yrke {choice.ssyk} {model.ssyk_name(choice.ssyk)}" if choice.ssyk else "alla yrken"


def source_line(model: DialogModel, cube: Cube) -> str:
    """The source line of every figure and table of the page."""
    return (source_note(model.employment, f"egen prognos med standardmetoden, basår "
                                          f"{model.base_year}, scenario: {cube.scenario.name} "
                                          f"({cube.scenario.description})") + f". {COUNTED}.")


@dataclass
class _PathArtists:
    """The artists of one place's panel, kept so a redraw only changes their data."""

    ax: Axes
    history: Any
    base: Any
    alt: Any
    fan: Any = None

    def update(self, base: ViewPath, alt: ViewPath, title: str) -> None:
        self.history.set_data(base.history_years, base.history)
        self.base.set_data(base.years, base.employed)
        self.alt.set_data(alt.years, alt.employed)
        if self.fan is not None:
            self.fan.remove()
        self.fan = self.ax.fill_between(alt.years, alt.lower, alt.upper, color=COLORS["fan"],
                                        alpha=0.6, lw=0, zorder=1)
        top = max(base.history.max(), alt.upper.max(), base.employed.max())
        self.ax.set_ylim(0, top * 1.06 if top > 0 else 1)
        self.ax.set_xlim(base.history_years[0] - 0.5, alt.years[-1] + 0.5)
        self.ax.set_title(title)


def _path_panel(ax: Axes) -> _PathArtists:
    history = ax.plot([], [], color=COLORS["text"], lw=1.4, label="Observerat", zorder=3)[0]
    ax.fill_between([], [], [], color=COLORS["fan"], alpha=0.6, lw=0,
                    label="80 %-intervall (scenario)")
    base = ax.plot([], [], color=COLORS["muted"], lw=1.2, ls="--", label="Grundscenario",
                   zorder=2)[0]
    alt = ax.plot([], [], color=COLORS["projection"], lw=1.8, label="Scenario", zorder=3)[0]
    ax.yaxis.set_major_formatter(int_formatter)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not "2022.5"
    return _PathArtists(ax, history, base, alt)


class ViewFigure:
    """The page's figure, kept between redraws (about half the cost of a new one).

    ``image(...)`` returns SVG bytes (``FORMAT``): both places side by side, or the areas as
    bars. Drawn on its own ``Figure`` in the house style; nothing global is changed.
    """

    def __init__(self) -> None:
        self._paths: tuple[Figure, list[_PathArtists]] | None = None

    def image(self, model: DialogModel, base: Cube, alt: Cube, choice: ViewChoice) -> bytes:
        with rc_context({**RC_PARAMS, "font.size": 9}):
            fig = (_areas_figure(model, base, alt, choice) if choice.areas
                   else self._path_figure(model, base, alt, choice))
            buffer = io.BytesIO()
            fig.savefig(buffer, format=FORMAT)
        return buffer.getvalue()

    def _path_figure(self, model: DialogModel, base: Cube, alt: Cube, choice: ViewChoice
                     ) -> Figure:
        if self._paths is None:
            fig = Figure(figsize=(10, 4.4), dpi=96)
            fig.subplots_adjust(left=0.08, right=0.99, top=0.92, bottom=0.1, wspace=0.2)
            panels = [_path_panel(ax) for ax in fig.subplots(1, 2)]
            panels[0].ax.legend(loc="lower left", fontsize=7)
            self._paths = (fig, panels)
        fig, panels = self._paths
        for panel, place in zip(panels, (choice.region, choice.compare), strict=True):
            panel.update(model.path(base, place, choice.ssyk), model.path(alt, place, choice.ssyk),
                         f"{model.region_name(place)}: anställda, {view_label(model, choice)}")
        return fig


def _areas_figure(model: DialogModel, base: Cube, alt: Cube, choice: ViewChoice) -> Figure:
    fig = Figure(figsize=(10, 4.4), dpi=96)
    fig.subplots_adjust(left=0.3, right=0.98, top=0.92, bottom=0.12)
    ax = fig.subplots()
    before = model.areas(base, choice.region, choice.year)
    after = model.areas(alt, choice.region, choice.year)
    y = np.arange(len(before))
    ax.barh(y + 0.2, before["need"], height=0.4, color=COLORS["context"], label="Grundscenario")
    ax.barh(y - 0.2, after["need"], height=0.4, color=COLORS["projection"], label="Scenario")
    ax.set_yticks(y, [f"{c} {n}"[:38] for c, n in zip(before["ssyk"], before["ssyk_name"],
                                                         strict=True)])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(int_formatter)
    ax.set_title(f"{model.region_name(choice.region)}: rekryteringsbehov "
                 f"{model.base_year + 1}–{choice.year} per yrkesområde")
    ax.legend(loc="lower right", fontsize=7)
    return fig


def figure_image(model: DialogModel, base: Cube, alt: Cube, choice: ViewChoice) -> bytes:
    """The view's figure as SVG bytes, drawn anew (``ViewFigure`` keeps it between redraws)."""
    return ViewFigure().image(model, base, alt, choice)


def figure_caption(model: DialogModel, alt: Cube, choice: ViewChoice) -> str:
    """The caption under the figure (HTML): what is observed, what is projected, the source.

    Set as text beside the image rather than drawn into it: drawing the glyphs took a third of
    the redraw time.
    """
    what = ("Rekryteringsbehov (prognos) per yrkesområde" if choice.areas else
            "Svart: observerat; streckat: grundscenario; blått: scenariot med 80 %-intervall")
    return (f'<div class="reglab-dialog-caption">{html.escape(what)}. '
            f"{html.escape(source_line(model, alt))}</div>")


def table_rows(model: DialogModel, base: Cube, alt: Cube, choice: ViewChoice
               ) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the short table (text, Swedish formats)."""
    if choice.areas:
        return _area_rows(model, base, alt, choice)
    places = [choice.region, choice.compare]
    year, first = choice.year, model.base_year + 1
    header = ["", *(model.region_name(p) for p in places)]
    paths = [(model.path(base, p, choice.ssyk), model.path(alt, p, choice.ssyk)) for p in places]
    rows = [
        [f"Anställda {model.base_year} (observerat)", *(fmt_int(b.employed[0]) for b, _ in paths)],
        [f"Anställda {year}, grundscenario (prognos)", *(fmt_int(b.at(year)["employed"])
                                                         for b, _ in paths)],
        [f"Anställda {year}, scenario (prognos)", *(fmt_int(a.at(year)["employed"])
                                                    for _, a in paths)],
        [f"80 %-intervall {year}, scenario", *(f"{fmt_int(a.at(year)['lower'])}–"
                                              f"{fmt_int(a.at(year)['upper'])}" for _, a in paths)],
        [f"Rekryteringsbehov {first}–{year}, grundscenario", *(fmt_int(b.at(year)["need"])
                                                              for b, _ in paths)],
        [f"Rekryteringsbehov {first}–{year}, scenario", *(fmt_int(a.at(year)["need"])
                                                          for _, a in paths)],
        ["  därav pensionsavgångar, scenario", *(fmt_int(a.at(year)["replacement"])
                                                 for _, a in paths)],
    ]
    return header, rows


def _area_rows(model: DialogModel, base: Cube, alt: Cube, choice: ViewChoice
               ) -> tuple[list[str], list[list[str]]]:
    before = model.areas(base, choice.region, choice.year)
    after = model.areas(alt, choice.region, choice.year)
    year, first = choice.year, model.base_year + 1
    header = ["Yrkesområde", f"Anställda {model.base_year} (observerat)",
              f"Anställda {year}, scenario", f"Behov {first}–{year}, grund",
              f"Behov {first}–{year}, scenario", "Skillnad"]
    rows = [[f"{b['ssyk']} {b['ssyk_name']}", fmt_int(b["base_employed"]),
             fmt_int(a["employed"]), fmt_int(b["need"]), fmt_int(a["need"]),
             fmt_signed(round(a["need"]) - round(b["need"]))]
            for b, a in zip(before.to_dict("records"), after.to_dict("records"), strict=True)]
    return header, rows


def _cell(text: str, number: bool) -> str:
    style = ' style="text-align:right"' if number else ""
    return f"<td{style}>{html.escape(text)}</td>"


def table_html(model: DialogModel, base: Cube, alt: Cube, choice: ViewChoice) -> str:
    """The short table as an HTML table with the source line as its caption."""
    header, rows = table_rows(model, base, alt, choice)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(_cell(cell, i > 0) for i, cell in enumerate(row)) + "</tr>"
                   for row in rows)
    caption = html.escape(source_line(model, alt))
    return (f'<table class="reglab-dialog-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody><caption>{caption}</caption></table>")
