"""``DialogApp``: the dialogue page, the widgets of one browser tab around a ``DialogModel``.

Voilà runs ``dashboard.ipynb`` in a kernel of its own for every tab, so two browsers each get
their own state. Every change (län, comparison, view, a lever) recomputes after a short pause
(debounced); the page says how long the last recompute took.
"""

from __future__ import annotations

import os
import time
from typing import Any

import ipywidgets as widgets

from ..errors import ReglabError
from ..projection.panel import RIKET
from .education import KINDS, EducationView
from .engine import Cube, DialogModel, Levers
from .panels import PeopleFigure, ViewParts, education_parts, people_parts
from .people import PeopleModel
from .view import ViewChoice, ViewFigure, figure_caption, table_html
from .widgets import Debouncer, LeverPanel

REGION_ENV = "REGLAB_DIALOG_REGION"
VIEWS = (("Alla yrken", "total"), ("Yrkesområden", "areas"), ("Ett yrke", "occupation"),
         ("Utbildning", "education"), ("Befolkning", "people"))
CSS = """<style>
.reglab-dialog-table {border-collapse: collapse; font-size: 13px; margin-top: 6px}
.reglab-dialog-table th, .reglab-dialog-table td {padding: 3px 10px;
  border-bottom: 1px solid #ddd}
.reglab-dialog-table caption, .reglab-dialog-caption {caption-side: bottom; font-size: 11px;
  color: #666; text-align: left; padding-top: 4px}
.reglab-dialog-links a {color: #0b5d75; text-decoration: underline; margin-right: 12px}
</style>"""


class DialogApp:
    """The page for one tab: ``box`` to display, ``refresh()`` to recompute at once."""

    def __init__(self, model: DialogModel, region: str, compare: str = RIKET) -> None:
        self.model = model
        self.levers = LeverPanel(self._occupations(), model.base_year, max(model.target_years),
                                 people=True)
        self.region = widgets.Dropdown(description="Län", options=self._places(False),
                                       value=region)
        self.compare = widgets.Dropdown(description="Jämför med", options=self._places(True),
                                        value=compare)
        self.view = widgets.ToggleButtons(options=VIEWS, value="total", description="Vy")
        self.occupation = widgets.Dropdown(description="Yrke", options=self._occupations(),
                                           disabled=True, layout=widgets.Layout(width="520px"))
        self.education_by = widgets.Dropdown(description="Utbildning", options=KINDS,
                                             value="level", disabled=True)
        self.figure = widgets.Image(format="svg+xml", layout=widgets.Layout(width="100%"))
        self.caption = widgets.HTML()
        self.table = widgets.HTML()
        self.status = widgets.HTML()
        self.download = widgets.Button(description="Ladda ner underlaget", icon="download",
                                       button_style="primary",
                                       layout=widgets.Layout(width="220px"))
        self.links = widgets.HTML()
        self.timings: list[float] = []
        self._drawing = ViewFigure()
        self._education = EducationView(model)
        self._people_drawing = PeopleFigure()
        self._people: PeopleModel | None = None  # made when the population view is first asked
        self._debounced = Debouncer(self.refresh)
        self._wire()
        self.box = self._layout()
        self.refresh()

    def _places(self, with_riket: bool) -> list[tuple[str, str]]:
        places = [(self.model.region_name(code), code) for code in self.model.regions]
        return [("Riket", RIKET), *places] if with_riket else places

    def _occupations(self) -> list[tuple[str, str]]:
        codes = sorted(c for c in self.model.names.get("ssyk4", {}) if len(c) == 4
                       and c in set(self.model.panel.ssyk.astype(str)))
        return [(f"{code} {self.model.ssyk_name(code)}", code) for code in codes]

    def _wire(self) -> None:
        for control in (self.region, self.compare, self.view, self.occupation,
                        self.education_by):
            control.observe(self._changed, "value")
        self.levers.on_change(self._changed)
        self.download.on_click(self._download)

    def _changed(self, _change: Any = None) -> None:
        self.occupation.disabled = self.view.value != "occupation"
        self.education_by.disabled = self.view.value != "education"
        self._debounced.trigger()

    def _layout(self) -> widgets.Widget:
        places = widgets.HBox([self.region, self.compare])
        head = widgets.HTML(CSS + "<h2>Regional kompetensbild – dialog</h2>"
                            "<p>Välj län och vy, dra i spakarna: prognosen räknas om för alla "
                            "21 län och figuren ritas om.</p>")
        levers = widgets.VBox([widgets.HTML("<b>Scenariots spakar</b>"), self.levers.box])
        files = widgets.VBox([self.download, self.links])
        return widgets.VBox([head, places, widgets.HBox([self.view]),
                             widgets.HBox([self.occupation, self.education_by]), levers,
                             self.status, self.figure, self.caption, self.table, files])

    def choice(self) -> ViewChoice:
        view = self.view.value
        ssyk = str(self.occupation.value or "") if view == "occupation" else ""
        return ViewChoice(self.region.value, self.compare.value, ssyk, view == "areas",
                          max(self.model.target_years))

    def refresh(self) -> None:
        """Recompute the scenario for all län and redraw the figure and the table."""
        start = time.perf_counter()
        try:
            levers = self.levers.levers()
            cube = self.model.compute(levers, self.region.value,
                                      self.model.region_name(self.region.value))
            parts = self._parts(levers, cube)
        except ReglabError as error:
            self.status.value = f"<span style='color:#b00'>{error}</span>"
            return
        self.figure.value, self.caption.value = parts.image, parts.caption
        self.table.value = parts.table
        seconds = time.perf_counter() - start
        self.timings.append(seconds)
        self.status.value = (f"<small>Scenario: {cube.scenario.description}. Omräknat på "
                             f"{round(seconds * 1000)} ms.</small>")
        self.links.value = ""  # files of an older scenario are not offered

    def people_model(self) -> PeopleModel:
        """The population side, made on first use (it takes a few seconds)."""
        if self._people is None:
            self._people = PeopleModel(self.model.base_year)
        return self._people

    def _parts(self, levers: Levers, cube: Cube) -> ViewParts:
        """The figure, caption and table of the chosen view."""
        choice, model = self.choice(), self.model
        if self.view.value == "education":
            return education_parts(model, self._education, model.base, cube, choice,
                                   str(self.education_by.value))
        if self.view.value == "people":
            people = self.people_model()
            scenario = people.scenario(levers.demography(choice.region))
            return people_parts(model, people, (model.base, people.base),
                                (cube, people.compute(scenario)), choice, self._people_drawing)
        return ViewParts(self._drawing.image(model, model.base, cube, choice),
                         figure_caption(model, cube, choice),
                         table_html(model, model.base, cube, choice))

    def _download(self, _button: Any = None) -> None:
        from .downloads import session_files

        self._debounced.flush()
        region = self.region.value
        raw = self.levers.levers().as_dict(region, label=self.model.region_name(region))
        self.download.disabled = True
        self.links.value = "Skapar underlaget (PDF och tabeller) …"
        try:
            files = session_files(region, raw, self.model.region_name(region))
        finally:
            self.download.disabled = False
        labels = ("Underlag (PDF)", "Tabellpaket (Excel)", "Scenariofil (TOML)")
        self.links.value = ('<div class="reglab-dialog-links">' + "".join(
            f.link(label) for f, label in zip(files, labels, strict=True)) + "</div>")


def start(region: str | None = None) -> DialogApp:
    """The page for ``region`` (default: ``REGLAB_DIALOG_REGION`` or the first län)."""
    import reglab_forecast as rf

    model = DialogModel(rf.load_employment(level=4), rf.load_age_profile(level=4))
    wanted = region or os.environ.get(REGION_ENV) or model.regions[0]
    return DialogApp(model, rf.resolve_region(wanted, ("lan",)))
