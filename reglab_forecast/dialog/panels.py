"""The page's education and population views: figure (SVG bytes), short table (HTML), source.

- Education: the recruitment need by education level or field in the chosen län, base and
  scenario (``education.EducationView``). National link, estimated.
- Population: residents 20–64 and the labour supply against the projected employment in the
  chosen län, base and scenario (``people.PeopleModel``), with 80 % intervals. Estimated.

Drawn on their own ``Figure`` in the house style; nothing global is changed.
"""

from __future__ import annotations

import html
import io
import textwrap
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..numbers import fmt_int, fmt_pct, fmt_signed
from ..report.style import COLORS, RC_PARAMS, int_formatter
from .education import OTHER_FIELDS, UNKNOWN, EducationView
from .engine import Cube, DialogModel
from .people import PeopleCube, PeopleModel, PeoplePath, gap_interval
from .view import FORMAT, ViewChoice, source_line

SUPPLY_NOTE = ("Arbetskraftsutbud: länets invånare 16–69 år gånger anställda per invånare "
               "(dagens andelar, ändrade av scenariot); anställda räknas där de arbetar, så "
               "andelen bär nettopendlingen. Befolkningen framskriven med kohort-komponentmetoden "
               "(SCB:s befolkningsstatistik), skattning")


def _svg(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=FORMAT)
    return buffer.getvalue()


def _html_table(header: list[str], rows: list[list[str]], caption: str) -> str:
    def cell(text: str, number: bool) -> str:
        style = ' style="text-align:right"' if number else ""
        return f"<td{style}>{html.escape(text)}</td>"

    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(cell(c, i > 0) for i, c in enumerate(row)) + "</tr>"
                   for row in rows)
    return (f'<table class="reglab-dialog-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody><caption>{html.escape(caption)}</caption></table>")


# --- education -----------------------------------------------------------------------------

def education_image(frame: pd.DataFrame, title: str) -> bytes:
    """Bars of the need per education group, base and scenario (SVG); the rows that are no
    group (other fields together, unknown field) stay in the table only."""
    frame = frame[~frame["education"].isin((OTHER_FIELDS, UNKNOWN))]
    with rc_context({**RC_PARAMS, "font.size": 9}):
        fig = Figure(figsize=(10, 0.9 + 0.36 * len(frame)), dpi=96)
        fig.subplots_adjust(left=0.34, right=0.98, top=1 - 0.5 / (0.9 + 0.36 * len(frame)),
                            bottom=0.08)
        ax = fig.subplots()
        y = np.arange(len(frame))
        ax.barh(y + 0.2, frame["need_base"], height=0.4, color=COLORS["context"],
                label="Grundscenario")
        ax.barh(y - 0.2, frame["need"], height=0.4, color=COLORS["projection"],
                label="Scenario")
        ax.set_yticks(y, ["\n".join(textwrap.wrap(str(e), 46)) for e in frame["education"]],
                      fontsize=8)
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(int_formatter)
        ax.set_title(title)
        ax.legend(loc="best", fontsize=7)
        return _svg(fig)


def education_table(frame: pd.DataFrame, year: int, first: int, caption: str) -> str:
    header = ["Utbildning", f"Behov {first}–{year}, grund", f"Behov {first}–{year}, scenario",
              "Skillnad", "Andel av behovet"]
    rows = [[str(r["education"]), fmt_int(r["need_base"]), fmt_int(r["need"]),
             fmt_signed(round(r["need"]) - round(r["need_base"])), fmt_pct(100 * r["share"], 0)]
            for r in frame.to_dict("records")]
    return _html_table(header, rows, caption)


@dataclass(frozen=True)
class ViewParts:
    """What the page shows for one view: figure (SVG), caption (HTML) and table (HTML)."""

    image: bytes
    caption: str
    table: str


def education_parts(model: DialogModel, view: EducationView, base: Cube, alt: Cube,
                    choice: ViewChoice, by: str) -> ViewParts:
    """The education view of ``choice.region`` for the need from the base year to
    ``choice.year``; ``by`` "level" or "field"."""
    frame = view.frame(base, alt, choice.region, choice.year, by)
    first = model.base_year + 1
    kind = "utbildningsnivå" if by == "level" else "utbildningsinriktning"
    title = (f"{model.region_name(choice.region)}: rekryteringsbehov {first}–{choice.year} "
             f"per {kind}")
    source = f"{source_line(model, alt)} {view.source(by)}."
    what = ("Grått: grundscenario; blått: scenariot. Behovet per yrke fördelat på yrkets "
            "utbildning i riket (prognos och skattning)")
    caption = (f'<div class="reglab-dialog-caption">{html.escape(what)}. '
               f"{html.escape(source)}</div>")
    return ViewParts(education_image(frame, title), caption,
                     education_table(frame, choice.year, first, source))


# --- population ----------------------------------------------------------------------------

@dataclass
class _Panel:
    """One panel's lines (by name) and its fan, kept so a redraw only changes their data."""

    ax: Axes
    lines: dict[str, Any]
    fan: Any = None

    def update(self, series: dict[str, tuple[np.ndarray, np.ndarray]],
               fan: tuple[np.ndarray, np.ndarray, np.ndarray], title: str,
               xlim: tuple[float, float]) -> None:
        for name, (x, y) in series.items():
            self.lines[name].set_data(x, y)
        if self.fan is not None:
            self.fan.remove()
        self.fan = self.ax.fill_between(*fan, color=COLORS["fan"], alpha=0.6, lw=0, zorder=1)
        top = max(float(np.max(y)) for _, y in series.values())
        self.ax.set_ylim(0, max(top, float(np.max(fan[2]))) * 1.06 or 1)
        self.ax.set_xlim(*xlim)
        self.ax.set_title(title)


LINES = {  # name: (label, colour, width, style)
    "history": ("Registret (2020–2024 skattat)", "text", 1.4, "-"),
    "employed": ("Anställda (prognos)", "riket", 1.8, "-"),
    "base": ("Grundscenario", "muted", 1.2, "--"),
    "alt": ("Scenario", "projection", 1.8, "-"),
}


def _panel(ax: Axes, names: tuple[str, ...], labels: dict[str, str]) -> _Panel:
    lines = {}
    for name in names:
        label, colour, width, style = LINES[name]
        lines[name] = ax.plot([], [], color=COLORS[colour], lw=width, ls=style,
                              label=labels.get(name, label), zorder=3)[0]
    ax.yaxis.set_major_formatter(int_formatter)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower left", fontsize=7)
    return _Panel(ax, lines)


class PeopleFigure:
    """The population view's figure, kept between redraws (about half the cost of a new
    one): residents 20–64, and the employment against the labour supply. SVG bytes."""

    def __init__(self) -> None:
        self._parts: tuple[Figure, _Panel, _Panel] | None = None

    def _make(self) -> tuple[Figure, _Panel, _Panel]:
        fig = Figure(figsize=(10, 4.4), dpi=96)
        fig.subplots_adjust(left=0.08, right=0.99, top=0.92, bottom=0.1, wspace=0.2)
        left, right = fig.subplots(1, 2)
        return (fig, _panel(left, ("history", "base", "alt"), {}),
                _panel(right, ("employed", "base", "alt"),
                       {"base": "Utbud, grundscenario", "alt": "Utbud, scenario"}))

    def image(self, start: int, last: int, base: PeoplePath, alt: PeoplePath,
              employed: tuple, name: str) -> bytes:
        with rc_context({**RC_PARAMS, "font.size": 9}):
            if self._parts is None:
                self._parts = self._make()
            fig, left, right = self._parts
            keep = (alt.years >= start) & (alt.years <= last)
            years = alt.years[keep]
            left.update({"history": (alt.history_years, alt.history),
                         "base": (years, base.working_age[keep]),
                         "alt": (years, alt.working_age[keep])},
                        (years, alt.working_age_lower[keep], alt.working_age_upper[keep]),
                        f"{name}: invånare 20–64 år", (alt.history_years[0] - 0.5, last + 0.5))
            x, values, low, high = employed
            right.update({"employed": (x, values), "base": (years, base.supply[keep]),
                          "alt": (years, alt.supply[keep])}, (x, low, high),
                         f"{name}: anställda (prognos) och arbetskraftsutbud",
                         (start - 0.5, last + 0.5))
            return _svg(fig)


def people_rows(model: DialogModel, people: PeopleModel, base: tuple[Cube, PeopleCube],
                alt: tuple[Cube, PeopleCube], choice: ViewChoice
                ) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the population table for the chosen län and the comparison."""
    places = [choice.region, choice.compare]
    year, t0 = choice.year, model.base_year
    header = ["", *(model.region_name(p) for p in places)]
    rows: list[list[str]] = [[label] for label in (
        f"Invånare 20–64 år {t0} (skattat)", f"Invånare 20–64 år {year}, grundscenario",
        f"Invånare 20–64 år {year}, scenario", f"80 %-intervall {year}, scenario",
        f"Arbetskraftsutbud {t0}", f"Arbetskraftsutbud {year}, grundscenario",
        f"Arbetskraftsutbud {year}, scenario", f"Anställda {year}, scenario (prognos)",
        f"Anställda − utbud {year}, scenario", "  80 %-intervall för skillnaden")]
    for place in places:
        before, after = people.path(base[1], place), people.path(alt[1], place)
        now, then, was = after.at(t0), after.at(year), before.at(year)
        work = model.path(alt[0], place).at(year)
        gap = gap_interval((work["employed"], work["lower"], work["upper"]),
                           (then["supply"], then["supply_lower"], then["supply_upper"]))
        values = [fmt_int(now["working_age"]), fmt_int(was["working_age"]),
                  fmt_int(then["working_age"]),
                  f"{fmt_int(then['working_age_lower'])}–{fmt_int(then['working_age_upper'])}",
                  fmt_int(now["supply"]), fmt_int(was["supply"]), fmt_int(then["supply"]),
                  fmt_int(work["employed"]), fmt_signed(gap[0]),
                  f"{fmt_signed(gap[1])} till {fmt_signed(gap[2])}"]
        for row, value in zip(rows, values, strict=True):
            row.append(value)
    return header, rows


def people_parts(model: DialogModel, people: PeopleModel, base: tuple[Cube, PeopleCube],
                 alt: tuple[Cube, PeopleCube], choice: ViewChoice,
                 drawing: PeopleFigure | None = None) -> ViewParts:
    """The population view: the chosen län's figure, and the table beside the comparison."""
    region = choice.region
    path = model.path(alt[0], region)
    employed = (path.years, path.employed, path.lower, path.upper)
    image = (drawing or PeopleFigure()).image(
        model.base_year, choice.year, people.path(base[1], region), people.path(alt[1], region),
        employed, model.region_name(region))
    source = f"{source_line(model, alt[0])} {SUPPLY_NOTE}."
    what = ("Svart: registret; streckat: grundscenario; blått: scenariot; orange: "
            "anställda enligt prognosen; skuggat: 80 %-intervall")
    caption = (f'<div class="reglab-dialog-caption">{html.escape(what)}. '
               f"{html.escape(source)}</div>")
    header, rows = people_rows(model, people, base, alt, choice)
    return ViewParts(image, caption, _html_table(header, rows, source))
