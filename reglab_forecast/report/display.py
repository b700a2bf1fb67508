"""Tables for notebooks: Swedish column names, Swedish number formats and the source below.

    from reglab_forecast.report.display import show, show_table
    show(projection.aggregate(level=3, regions=["18"]), index="ssyk_name")
    show_table(all_tables(context)["lan"])      # a table of the brief, as in the PDF
    with solution():                            # a learning notebook's hidden solution
        display(show(...))
    area = RedrawArea()                         # where a lever's recompute draws
    with area.redraw():
        draw(...)

``show`` returns a pandas ``Styler``, which a notebook displays as an HTML table; the data
itself is left as it is (numbers stay numbers), only their display changes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from .numbers import format_decimal, format_int, format_percent
from .plots import source_note
from .tablespec import Table

LABELS = {
    "region": "Länskod", "region_name": "Län", "ssyk": "SSYK", "ssyk_name": "Yrke",
    "sex": "Kön", "age": "Ålder", "year": "År", "employed": "Anställda",
    "base_employed": "Anställda basår", "lower": "Nedre gräns (80 %)",
    "upper": "Övre gräns (80 %)", "expansion": "Expansion", "replacement": "Pensionsavgångar",
    "recruitment_need": "Rekryteringsbehov", "share_55plus": "Andel 55+",
    "estimated": "Uppskattad", "scenario": "Scenario", "population": "Folkmängd",
    "method": "Metod", "horizon": "Horisont (år)", "wape": "WAPE",
    "wape_totals_known": "WAPE, länstotal känd", "direction": "Rätt riktning",
    "faster": "Snabbare än snittet", "coverage": "Täckning 80 %", "share": "Andel",
    "share_women": "Andel kvinnor", "change": "Förändring", "change_share": "Förändring (%)",
    "ads": "Annonser", "men": "Män", "women": "Kvinnor",
    # datasets()
    "dataset": "Datamängd", "title": "Innehåll", "years": "År", "rows": "Rader",
    "source": "Källa", "table_ids": "Tabell-id", "vintage": "Dataversion", "licence": "Licens",
    "series_breaks": "Seriebrott", "width": "Intervallets bredd",
    # search_occupations()
    "level": "Nivå", "ssyk_name_en": "Yrke (engelska)",
}
# Columns holding shares (0.25 → "25,0 %"), whatever else they are called.
SHARE_COLUMNS = {"share_55plus", "wape", "wape_totals_known", "direction", "faster",
                 "coverage", "coverage_adjusted", "share", "share_women", "change_share"}
# Whole numbers that are not counts: no digit groups ("2024", not "2 024").
PLAIN_COLUMNS = {"year", "horizon", "rank", "from_year", "base_year"}
SEX = {"men": "män", "women": "kvinnor"}
CAPTION_STYLE: list[Any] = [{"selector": "caption",
                             "props": "caption-side: bottom; text-align: left; font-size: 0.8em;"}]


def _plain(value: Any) -> str:
    return "–" if pd.isna(value) else str(int(value))


def _formatter(column: str, shares: set[str], decimals: dict[str, int]) -> Any:
    if column in PLAIN_COLUMNS:
        return _plain
    if column in shares:
        return lambda value: format_percent(value, 1)
    if column in decimals:
        digits = decimals[column]
        return lambda value: format_decimal(value, digits)
    return format_int


def show(frame: pd.DataFrame, index: str | list[str] | None = None,
         shares: Iterable[str] = (), decimals: dict[str, int] | None = None,
         caption: str | None = None, source: str | None = None) -> Styler:
    """``frame`` as a Swedish table: labels, "1 234" and "3,5 %", and "Källa: …" below.

    ``shares`` adds columns to show as per cent; ``decimals`` maps columns to a number of
    decimals (the rest of the numbers are shown as whole numbers). ``source`` replaces the
    source line taken from ``frame.attrs``.
    """
    table = frame.set_index(index) if index is not None else frame
    if "sex" in table.columns:
        table = table.assign(sex=table["sex"].map(SEX).fillna(table["sex"]))
    share_set = SHARE_COLUMNS | set(shares)
    numeric = [c for c in table.columns if pd.api.types.is_numeric_dtype(table[c])
               and not pd.api.types.is_bool_dtype(table[c])]
    formats = {c: _formatter(str(c), share_set, decimals or {}) for c in numeric}
    labelled = table.rename(columns=LABELS)  # the index's values are data, not column names
    for axis in (labelled.index, labelled.columns):
        axis.names = [LABELS.get(str(n), n) for n in axis.names]
    styler = labelled.style.format({LABELS.get(str(c), c): f for c, f in formats.items()})
    note = source if source is not None else (source_note(frame) if frame.attrs else "")
    text = " · ".join(part for part in (caption, note) if part)
    return styler.set_caption(text).set_table_styles(CAPTION_STYLE) if text else styler


def show_table(table: Table) -> Styler:
    """A table of the brief exactly as the PDF shows it: its labels, formats and source.

    Highlighted rows (the region itself and Riket) are set in bold.
    """
    frame = pd.DataFrame(table.cells(), columns=[c.label for c in table.columns])
    bold = set(table.highlight)
    styler = frame.style.hide(axis="index").apply(
        lambda row: ["font-weight: bold" if row.name in bold else "" for _ in row], axis=1)
    text = " · ".join(part for part in (table.title, table.note, table.source) if part)
    return styler.set_caption(text).set_table_styles(CAPTION_STYLE)


def headless() -> bool:
    """True in a run without a widget front end (``REGLAB_NO_FRONTEND=1``, set by
    ``notebooks/build.py``): nothing there would show, or acknowledge, an Output widget."""
    return os.environ.get("REGLAB_NO_FRONTEND") == "1"


class RedrawArea:
    """Where a recompute draws: an Output widget that each ``redraw()`` clears and fills.

    In a run without a widget front end (``headless()``) there is no widget: ``redraw()``
    shows its output in the running cell, so nothing waits for a front end that never answers.
    ``children`` is what to put in the page's widget box (empty without a front end).
    """

    def __init__(self) -> None:
        import ipywidgets as widgets

        self.widget = None if headless() else widgets.Output()

    @property
    def children(self) -> list[Any]:
        return [] if self.widget is None else [self.widget]

    @contextmanager
    def redraw(self) -> Iterator[None]:
        if self.widget is None:
            yield
            return
        with self.widget:
            self.widget.clear_output(wait=True)
            yield


@contextmanager
def solution(title: str = "Visa lösningen") -> Iterator[None]:
    """Show what the block displays inside a closed panel that opens on a click.

    For the learning notebooks' solutions: "Run All" computes them, but they stay hidden
    under the exercise until asked for. An error inside the block is raised as usual (not
    kept inside the panel), so a failing solution fails the notebook run.
    """
    import ipywidgets as widgets
    from IPython.display import display

    if headless():  # no widget front end: shown inline
        yield
        return
    out = widgets.Output()
    panel = widgets.Accordion(children=[out], titles=(title,), selected_index=None)
    display(panel)
    failure: BaseException | None = None
    with out:
        try:
            yield
        except Exception as error:  # re-raised outside the panel
            failure = error
    if failure is not None:
        raise failure
