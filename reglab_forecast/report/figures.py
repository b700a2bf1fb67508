"""The brief's charts in the house style, as deterministic SVG text with alt text.

Each ``figure_*`` function returns a :class:`Figure`; the brief writes ``<name>.svg`` next to the
Typst file. Text stays text in the SVG (searchable in the PDF) and every chart carries its
source and data vintage in a caption line of its own.
"""

from __future__ import annotations

import io
import pickle
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib import rc_context, rcParams
from matplotlib.figure import Figure as MplFigure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .numbers import fmt_dec, fmt_int, fmt_pct, fmt_signed_pct
from .style import COLORS, RC_PARAMS, int_formatter

__all__ = ["Figure", "WIDTH_CM", "render_svg", "figure_total", "figure_major_groups"]

WIDTH_CM = 17.0
CM = 1 / 2.54


CAPTION_LINE_INCHES = 6 * 1.25 / 72  # 6 pt caption text, 1.25 line spacing
CAPTION_PAD_INCHES = 0.08


@dataclass(frozen=True)
class Figure:
    name: str  # file stem, ASCII
    svg: str
    alt: str  # what a screen reader says: the chart's message, in Swedish
    height_cm: float


# Blank figures of the layouts made more than once in this process, pickled (see new_figure);
# a brief has five layouts, a long notebook session may make many more.
_BLANK: dict[tuple[float, int, int, float, int], bytes | None] = {}
MAX_LAYOUTS = 32


def new_figure(height_cm: float, ncols: int = 1, nrows: int = 1,  # type: ignore[no-untyped-def]
               width_cm: float = WIDTH_CM, **kwargs) -> tuple:
    """A blank figure in the house style and its axes, as ``Figure.subplots`` returns them.

    A process that draws the same layout again (a worker of ``brief --all``) unpickles a
    blank copy kept from the second time: four times faster than making the axes, same SVG.
    The copy is of the same layout under the same matplotlib settings (a notebook may change
    ``rcParams`` between two figures).
    """
    key = (height_cm, ncols, nrows, width_cm, hash(repr(sorted(dict.items(rcParams)))))
    blank = None if kwargs else _BLANK.get(key)
    if blank is not None:
        fig = pickle.loads(blank)
        grid = np.array(fig.axes, dtype=object).reshape(nrows, ncols)
        return fig, grid.item() if grid.size == 1 else grid.squeeze()
    # A bare Figure, not pyplot: no figure manager to keep, and pyplot's import is the slowest
    # part of matplotlib's. savefig finds the SVG backend from the format.
    with rc_context(RC_PARAMS):
        fig = MplFigure(figsize=(width_cm * CM, height_cm * CM))
        axes = fig.subplots(nrows, ncols, **kwargs)
    if not kwargs and (key in _BLANK or len(_BLANK) < MAX_LAYOUTS):
        # Seen once before: keep a blank copy; the first time: remember the layout.
        _BLANK[key] = pickle.dumps(fig) if key in _BLANK else None
    return fig, axes


def render_svg(fig: MplFigure, caption: str) -> str:
    """SVG text of a figure, with the caption at its foot; identical bytes on every run."""
    width_cm = fig.get_figwidth() / CM
    # About 0.12 cm per character at 6 pt: wrap so a narrow figure keeps its whole caption.
    caption = textwrap.fill(caption, width=int(width_cm / 0.12))
    _add_strip_below(fig, caption.count("\n") + 1)
    _skip_empty_labels(fig)
    with rc_context(RC_PARAMS):
        fig.text(0.005, 0.01, caption, fontsize=6, color=COLORS["muted"], ha="left", va="bottom")
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def _skip_empty_labels(fig: MplFigure) -> None:
    """An axis without a label has nothing to place: fixing its (empty) label's position spares
    matplotlib measuring every tick label again to place it on each draw."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if not axis.label.get_text():
                axis.set_label_coords(0.5, 0.0)


def _add_strip_below(fig: MplFigure, lines: int) -> None:
    """Make the figure taller by room for ``lines`` caption lines, keeping every axes' size.

    The layouts leave a bottom margin for their tick labels only; a caption that wraps onto a
    second line would otherwise run into them.
    """
    strip = lines * CAPTION_LINE_INCHES + CAPTION_PAD_INCHES
    width, height = fig.get_size_inches()
    positions = [(ax, ax.get_position()) for ax in fig.axes]
    fig.set_size_inches(width, height + strip)
    total = height + strip
    for ax, box in positions:
        ax.set_position((box.x0, (box.y0 * height + strip) / total, box.width,
                         box.height * height / total))


def _fan(ax, years: list[int], mid: list[float], low: list[float], high: list[float]) -> None:  # type: ignore[no-untyped-def]
    ax.fill_between(years, low, high, color=COLORS["fan"], alpha=0.8, linewidth=0,
                    label="80 %-intervall")
    ax.plot(years, mid, color=COLORS["projection"], linestyle=(0, (3, 2)), linewidth=1.4,
            label="Prognos")


def _break_lines(ax, breaks: tuple[int, ...], label: bool) -> None:  # type: ignore[no-untyped-def]
    """Thin dotted lines where the register's series breaks (the jump happens between the year
    before and the break year); the last one labelled 'Seriebrott' when ``label``."""
    for year in breaks:
        ax.axvline(year - 0.5, color=COLORS["muted"], linewidth=0.6, linestyle=(0, (1, 1.5)),
                   zorder=0)
    if label and breaks:
        ax.annotate("Seriebrott", (max(breaks) - 0.4, 0.04), xycoords=("data", "axes fraction"),
                    fontsize=6, color=COLORS["muted"], ha="left", va="bottom")


def _history_and_projection(ax, history: pd.Series, proj: pd.DataFrame,  # type: ignore[no-untyped-def]
                            breaks: tuple[int, ...] = (), label: bool = False) -> None:
    """history: employed by year; proj: index year, columns proj/lower/upper."""
    t0 = int(history.index.max())
    _break_lines(ax, breaks, label)
    ax.plot(history.index, history.values, color=COLORS["region"], linewidth=1.6, label="Utfall")
    e0 = float(history.loc[t0])
    years = [t0, *proj.index.astype(int)]
    _fan(ax, years, [e0, *proj["proj"]], [e0, *proj["lower"]], [e0, *proj["upper"]])
    ax.axvline(t0, color=COLORS["grid"], linewidth=0.8, zorder=0)
    ax.set_xlim(history.index.min() - 0.3, years[-1] + 0.3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    ax.yaxis.set_major_formatter(int_formatter)


def figure_total(history: pd.Series, proj: pd.DataFrame, region_name: str, caption: str,
                 breaks: tuple[int, ...] = ()) -> Figure:
    """Employed in the region: outcome and projection with its 80 % interval; series breaks
    marked so that a jump of the register is not read as growth."""
    fig, ax = new_figure(6.0)
    with rc_context(RC_PARAMS):
        _history_and_projection(ax, history, proj, breaks, label=True)
        ax.set_title(f"Anställda i {region_name}, utfall och prognos", y=1.0)  # as placed
        ax.legend(loc="upper left", ncols=3)
        fig.subplots_adjust(left=0.09, right=0.98, top=0.88, bottom=0.17)
    last = proj.index.max()
    row = proj.loc[last]
    alt = (f"Linjediagram: anställda i {region_name} {history.index.min()}–{history.index.max()}"
           f" och prognos till {last}: {fmt_int(row['proj'])} "
           f"(80 %-intervall {fmt_int(row['lower'])}–{fmt_int(row['upper'])})."
           + (f" Seriebrott i registret {', '.join(map(str, breaks))} är markerade." if breaks
              else ""))
    return Figure("total", render_svg(fig, caption), alt, 6.0)


def figure_major_groups(history: pd.DataFrame, proj: pd.DataFrame, names: dict[str, str],
                        region_name: str, caption: str, breaks: tuple[int, ...] = ()) -> Figure:
    """Small multiples: one panel per SSYK level 1 group, own scale each.

    history: index year, one column per group; proj: rows (group, year) with proj/lower/upper.
    """
    groups = list(history.columns)
    ncols = 5
    nrows = -(-len(groups) // ncols)
    height = 4.2 * nrows + 0.8
    fig, axes = new_figure(height, ncols=ncols, nrows=nrows)
    with rc_context(RC_PARAMS):
        for ax, group in zip(axes.flat, groups, strict=False):
            _history_and_projection(ax, history[group], pd.DataFrame(proj.loc[group]), breaks)
            # y=1 fixes the title where matplotlib would place it anyway (nothing sits above
            # these axes) and spares it measuring every artist of the axes on each draw.
            ax.set_title(_wrap(f"{group} {names.get(group, '')}"), fontsize=6.5, loc="left",
                         pad=4, y=1.0)
            t0, last = int(history.index.max()), int(proj.loc[group].index.max())
            ax.set_xticks([t for t in (t0 - 8, t0, t0 + 8) if history.index.min() <= t <= last])
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
            ax.tick_params(labelsize=5.5)
        for ax in list(axes.flat)[len(groups):]:
            ax.set_visible(False)
        fig.subplots_adjust(left=0.06, right=0.99, top=0.9, bottom=0.1, wspace=0.45, hspace=0.75)
    changes = [
        f"{names.get(g, g)} "
        f"{fmt_signed_pct(100 * (proj.loc[g]['proj'].iloc[-1] / history[g].iloc[-1] - 1))}"
        for g in groups
    ]
    alt = (f"Små diagram per yrkesområde i {region_name} med utfall och prognos. Förändring "
           f"till sista prognosåret: " + "; ".join(changes) + ".")
    return Figure("yrkesomraden", render_svg(fig, caption), alt, height)


def _wrap(text: str, width: int = 18) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:3])


_VALUE_FORMATS = {"pct": fmt_pct, "signed_pct": fmt_signed_pct, "dec2": lambda v: fmt_dec(v, 2)}


def _axis_formatter(kind: str, spread: float) -> FuncFormatter:
    if kind == "dec2":
        return FuncFormatter(lambda v, _p: fmt_dec(v, 2 if spread < 0.5 else 1))
    digits = 1 if spread < 5 else 0
    if kind == "signed_pct":
        return FuncFormatter(lambda v, _p: fmt_signed_pct(v, digits))
    return FuncFormatter(lambda v, _p: fmt_pct(v, digits))


def _dots(ax, lan: pd.DataFrame, value: str, region_name: str) -> None:  # type: ignore[no-untyped-def]
    """One dot per län on a thin guide line; the region in focus larger, coloured and bold."""
    mine = lan["region_name"] == region_name
    ax.hlines(lan["region_name"], 0.0, lan[value], color=COLORS["grid"],
              linewidth=0.6, zorder=1)
    ax.scatter(lan.loc[~mine, value], lan.loc[~mine, "region_name"], s=14,
               color=COLORS["context"], zorder=2)
    if mine.any():
        ax.scatter(lan.loc[mine, value], lan.loc[mine, "region_name"], s=30,
                   color=COLORS["region"], zorder=3, label=region_name)
    for tick in ax.get_yticklabels():
        if tick.get_text() == region_name:
            tick.set_fontweight("bold")
            tick.set_color(COLORS["region"])


def _whiskers(ax, lan: pd.DataFrame, value: str) -> None:  # type: ignore[no-untyped-def]
    """The 80 % interval of each län as a thin line through its dot."""
    ax.hlines(lan["region_name"], lan[f"{value}_lower"], lan[f"{value}_upper"],
              color=COLORS["fan"], linewidth=2.2, zorder=1.5, label="80 %-intervall")


def _zero_based(ax, lan: pd.DataFrame, value: str, interval: bool) -> None:  # type: ignore[no-untyped-def]
    """The axis includes zero, so a one-point spread does not look dramatic."""
    columns = [value, f"{value}_lower", f"{value}_upper"] if interval else [value]
    low = min(0.0, float(lan[columns].min().min()))
    high = max(0.0, float(lan[columns].max().max()))
    pad = 0.04 * (high - low or 1)
    ax.set_xlim(low - (pad if low < 0 else 0), high + pad)


def figure_regions(frame: pd.DataFrame, region_name: str, value: str, label: str,
                   caption: str, name: str = "lan", kind: str = "pct",
                   width_cm: float = WIDTH_CM, height_cm: float = 8.0,
                   interval: bool = False) -> Figure:
    """Dot plot of one indicator for the 21 län, the region highlighted, Riket as a line.

    The axis starts at zero (or spans it), so small gaps between län look small; with
    ``interval`` the columns ``<value>_lower``/``_upper`` are drawn as the 80 % interval.
    ``kind`` is how values are written ("pct", "signed_pct" or "dec2").
    """
    show = _VALUE_FORMATS[kind]
    riket = frame[frame["region"] == "00"][value].iloc[0]
    lan = frame[frame["region"] != "00"].sort_values(value)
    fig, ax = new_figure(height_cm, width_cm=width_cm)
    with rc_context(RC_PARAMS):
        if interval:
            _whiskers(ax, lan, value)
        _dots(ax, lan, value, region_name)
        _zero_based(ax, lan, value, interval)
        ax.axvline(riket, color=COLORS["riket"], linewidth=1.2, label=f"Riket {show(riket)}")
        spread = float(lan[value].max() - lan[value].min())
        ax.xaxis.set_major_formatter(_axis_formatter(kind, spread))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=3 if width_cm < 12 else 8))
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=6.5)
        # The title starts at the figure's edge, not the axes', so long län names leave it room.
        fig.text(0.01, 0.985, textwrap.fill(label, width=int(width_cm * 4.5)), va="top",
                 ha="left", fontsize=8.5, fontweight="bold", color=COLORS["text"])
        left = 0.22 * WIDTH_CM / width_cm
        narrow = width_cm < 12
        # The legend sits between the title and the axes, never over a län's dot or interval.
        entries = len(ax.get_legend_handles_labels()[1])
        columns = min(entries, 2 if narrow else 3)
        rows = -(-entries // columns)
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=columns, frameon=False,
                  fontsize=7, borderaxespad=0.2, handlelength=1.5)
        fig.subplots_adjust(left=min(left, 0.45), right=0.96,
                            top=(0.86 if narrow else 0.92) - 0.42 * rows / height_cm,
                            bottom=0.16 if narrow else 0.1)
    return Figure(name, render_svg(fig, caption), _regions_alt(lan, region_name, value, label,
                                                                riket, show), height_cm)


def _regions_alt(lan: pd.DataFrame, region_name: str, value: str, label: str, riket: float,
                 show: Callable[[float], str]) -> str:
    mine = lan[lan["region_name"] == region_name][value]
    highest = lan.iloc[-1]
    text = (f"Punktdiagram: {label.lower()} per län; högst i {highest['region_name']} "
            f"({show(highest[value])}), riket {show(riket)}.")
    if len(mine):
        rank = 1 + int((lan[value] > mine.iloc[0]).sum())
        text += f" {region_name} har {show(mine.iloc[0])}, plats {rank} av {len(lan)}."
    return text


def figure_gender(frame: pd.DataFrame, region_name: str, caption: str) -> Figure:
    """100 % bars of women and men in the largest occupations, with the 40–60 % 'even' band."""
    rows = frame.iloc[::-1]  # largest at the top
    labels = [textwrap.fill(n, 40) for n in rows["ssyk_name"]]  # wrapped, never cut
    height = 1.2 + 0.58 * len(rows)
    fig, ax = new_figure(height)
    with rc_context(RC_PARAMS):
        ax.barh(labels, rows["women_share"], color=COLORS["women"], height=0.62, label="Kvinnor")
        ax.barh(labels, 100 - rows["women_share"], left=rows["women_share"], color=COLORS["men"],
                height=0.62, label="Män")
        for edge in (40, 60):
            ax.axvline(edge, color="white", linewidth=0.9, linestyle=(0, (2, 2)))
        ax.set_xlim(0, 100)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt_pct(v, 0)))
        ax.grid(axis="both", visible=False)
        ax.tick_params(axis="y", labelsize=6.5, length=0)
        ax.legend(loc="lower right", ncols=2, bbox_to_anchor=(1.0, 1.0))
        fig.subplots_adjust(left=0.36, right=0.98, top=1 - 0.7 / height, bottom=0.9 / height)
    first = frame.iloc[0]
    alt = (f"Stapeldiagram: andel kvinnor och män i de största yrkena i {region_name}. Störst är "
           f"{first['ssyk_name']} med {fmt_pct(first['women_share'])} kvinnor. Streckade linjer "
           f"vid 40 och 60 % visar gränserna för en jämn fördelning.")
    return Figure("kon", render_svg(fig, caption), alt, height)
