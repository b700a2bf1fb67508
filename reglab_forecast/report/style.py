"""The house style shared by figures and the PDF: one palette, one typeface, Swedish axes.

The typeface is DejaVu Sans, which matplotlib ships in ``mpl-data/fonts/ttf``. Typst is pointed
at the same folder (system fonts ignored), so charts and text use one face and a brief renders
the same on every machine.

Nothing here changes matplotlib's global state (backend, ``rcParams``): the brief draws on its
own ``Figure`` objects inside ``rc_context(RC_PARAMS)``, so a notebook's ``plt.show()`` keeps
working after the report code is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.ticker import FuncFormatter

from .numbers import fmt_int, fmt_pct

__all__ = [
    "COLORS",
    "FONT_FAMILY",
    "RC_PARAMS",
    "font_dir",
    "int_formatter",
    "pct_formatter",
]

FONT_FAMILY = "DejaVu Sans"

# One palette, colour-blind safe (Okabe–Ito based), with a muted grey for context series.
COLORS: dict[str, str] = {
    "region": "#0b5d75",  # the region in focus
    "projection": "#0b5d75",
    "fan": "#9cc9d6",  # 80 % interval
    "riket": "#d55e00",  # Riket, the reference
    "context": "#b7b7b7",  # other län
    "women": "#cc79a7",
    "men": "#0072b2",
    "expansion": "#e69f00",
    "replacement": "#0b5d75",
    "grid": "#e6e6e6",
    "text": "#222222",
    "muted": "#666666",
}

RC_PARAMS: dict[Any, Any] = {
    "font.family": FONT_FAMILY,
    "font.size": 8,
    "axes.titlesize": 8.5,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 8,
    "axes.edgecolor": "#888888",
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": COLORS["grid"],
    "grid.linewidth": 0.6,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "xtick.color": COLORS["muted"],
    "ytick.color": COLORS["muted"],
    "legend.fontsize": 7,
    "legend.frameon": False,
    "axes.formatter.use_locale": False,
    # Text stays text in the SVG (searchable in the PDF, set in Typst's DejaVu Sans).
    "svg.fonttype": "none",
    # A fixed salt makes SVG ids, and so the PDF bytes, the same on every run.
    "svg.hashsalt": "reglab-forecast",
    "figure.dpi": 100,
}


def font_dir() -> Path:
    """The folder of TTF fonts matplotlib ships (DejaVu Sans), also used by Typst."""
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


int_formatter = FuncFormatter(lambda value, _pos: fmt_int(value))
pct_formatter = FuncFormatter(lambda value, _pos: fmt_pct(value, 0))
