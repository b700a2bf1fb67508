"""The lever widgets: Swedish decimal input, sliders that are off with their checkbox, and a
debounced callback so that a lever's moves recompute once, after it stops.

    panel = LeverPanel(occupations=[("8121 Maskinoperatörer, ytbehandling", "8121")])
    panel.on_change(lambda levers: ...)      # called with a ``Levers`` after each change
    display(panel.box)
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from ..errors import InputError
from ..numbers import fmt_dec
from .engine import Levers

DEBOUNCE_SECONDS = 0.25
STYLE = {"description_width": "170px"}
_DECIMAL = re.compile(r"^[+\-\u2212]?\d+(?:[.,]\d+)?$")


def parse_decimal(text: str, name: str = "värdet") -> float:
    """ "1,5" or "1.5" → 1.5 (also "−0,5" with a typographic minus); ``InputError`` if not a
    number, with a Swedish hint."""
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if not _DECIMAL.match(cleaned):
        raise InputError(f"{name}: {text!r} är inget tal; skriv t.ex. 1,5")
    return float(cleaned.replace("\u2212", "-").replace(",", "."))


class Debouncer:
    """Call ``callback`` once, ``delay`` seconds after the last ``trigger()``.

    Without a running event loop (a script, a test) it calls at once.
    """

    def __init__(self, callback: Callable[[], None], delay: float = DEBOUNCE_SECONDS) -> None:
        self.callback = callback
        self.delay = delay
        self._handle: asyncio.TimerHandle | None = None

    def trigger(self, *_args: Any) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        try:
            loop = asyncio.get_running_loop()  # the kernel's loop, when a widget calls
        except RuntimeError:
            self.callback()  # no loop running in this thread: a script or a test
            return
        self._handle = loop.call_later(self.delay, self._fire)

    def _fire(self) -> None:
        self._handle = None
        self.callback()

    def flush(self) -> None:
        """Run a pending call now (the page's "Räkna om" button, scripts and tests)."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self.callback()


class DecimalLever:
    """A checkbox, a slider and a text box for a rate in % per year (Swedish decimals).

    Off, the slider and the box are disabled and ``value`` is ``None``. Typing "1,5" in the box
    moves the slider; moving the slider writes "1,5" in the box.
    """

    def __init__(self, label: str, low: float, high: float, start: float) -> None:
        self.enabled = widgets.Checkbox(description=label, value=False, indent=False,
                                        layout=widgets.Layout(width="190px"))
        self.slider = widgets.FloatSlider(min=low, max=high, step=0.1, value=start,
                                          readout=False, continuous_update=False,
                                          disabled=True, layout=widgets.Layout(width="220px"))
        self.text = widgets.Text(value=fmt_dec(start, 1), disabled=True, continuous_update=False,
                                 layout=widgets.Layout(width="70px"))
        self.unit = widgets.Label("% per år")
        self.error = widgets.Label("")
        self.enabled.observe(self._toggle, "value")
        self.slider.observe(self._from_slider, "value")
        self.text.observe(self._from_text, "value")
        self.box = widgets.HBox([self.enabled, self.slider, self.text, self.unit, self.error])

    @property
    def value(self) -> float | None:
        return round(float(self.slider.value), 2) if self.enabled.value else None

    def _toggle(self, change: dict[str, Any]) -> None:
        self.slider.disabled = self.text.disabled = not change["new"]

    def _from_slider(self, change: dict[str, Any]) -> None:
        text = fmt_dec(change["new"], 1)
        if parse_decimal(self.text.value or "0") != round(change["new"], 1):
            self.text.value = text

    def _from_text(self, change: dict[str, Any]) -> None:
        try:
            number = parse_decimal(change["new"], self.enabled.description)
        except InputError as error:
            self.error.value = str(error)
            return
        clipped = min(max(number, self.slider.min), self.slider.max)
        self.slider.value = clipped  # writes the clipped value back into the box
        self.error.value = "" if clipped == number else (
            f"{fmt_dec(number, 1)} ligger utanför {fmt_dec(self.slider.min, 1)}–"
            f"{fmt_dec(self.slider.max, 1)}")


class LeverPanel:
    """The scenario's levers as widgets; ``levers()`` reads them, ``on_change`` observes them.

    ``occupations``: (label, code) pairs for the shock's occupation list, as ipywidgets
    takes options.
    """

    def __init__(self, occupations: Sequence[tuple[str, str]], base_year: int = 2024,
                 last_year: int = 2035, people: bool = False) -> None:
        self.national = DecimalLever("Rikets tillväxt", -1.0, 2.0, 0.5)
        self.regional = DecimalLever("Länets tillväxt", -1.0, 3.0, 1.0)
        self.shift = widgets.IntSlider(description="Pension senare (år)", min=-2, max=5,
                                       value=0, style=STYLE, continuous_update=False)
        self.ssyk = widgets.Dropdown(description="Chock i yrke", style=STYLE,
                                     options=list(occupations),
                                     layout=widgets.Layout(width="520px"))
        self.persons = widgets.IntSlider(description="Chock, anställda", min=-2000, max=2000,
                                         step=50, value=0, style=STYLE, continuous_update=False)
        self.from_year = widgets.IntSlider(description="Chocken från år", min=base_year + 1,
                                           max=last_year, value=min(base_year + 3, last_year),
                                           style=STYLE, continuous_update=False)
        self.box = widgets.VBox([self.national.box, self.regional.box, self.shift, self.ssyk,
                                 self.persons, self.from_year])
        self._sync_shock()
        self.persons.observe(lambda _change: self._sync_shock(), "value")
        self.people = PeopleLevers() if people else None
        if self.people is not None:
            self.box.children = (*self.box.children, self.people.box)

    def _sync_shock(self) -> None:
        """The shock's occupation and year are off while the shock is zero."""
        self.ssyk.disabled = self.from_year.disabled = self.persons.value == 0

    def _controls(self) -> list[widgets.Widget]:
        people = self.people.controls() if self.people is not None else []
        return [self.national.enabled, self.national.slider, self.regional.enabled,
                self.regional.slider, self.shift, self.ssyk, self.persons, self.from_year,
                *people]

    def on_change(self, callback: Callable[[dict[str, Any]], None]) -> None:
        for control in self._controls():
            control.observe(callback, "value")

    def levers(self) -> Levers:
        return Levers(national_growth=self.national.value, regional_growth=self.regional.value,
                      retirement_age_shift=int(self.shift.value),
                      shock_ssyk=str(self.ssyk.value or ""),
                      shock_persons=int(self.persons.value),
                      shock_from_year=int(self.from_year.value),
                      **(self.people.values() if self.people is not None else {}))


RATE_BANDS = (("16–24 år", "16-24"), ("25–54 år", "25-54"), ("55–64 år", "55-64"),
              ("60–69 år", "60-69"), ("65–69 år", "65-69"))


class PeopleLevers:
    """The demographic levers of the scenario file's ``[demography]`` table: extra net
    migration to the chosen län, net migration in every län (per cent of the projection) and
    employees per resident in one age group (percentage points by the last year)."""

    def __init__(self) -> None:
        self.migration = widgets.IntSlider(description="Nettoinflyttning, extra", min=-3000,
                                           max=3000, step=100, value=0, style=STYLE,
                                           continuous_update=False)
        self.factor = widgets.IntSlider(description="Flyttningar, alla län (%)", min=0,
                                        max=200, step=10, value=100, style=STYLE,
                                        continuous_update=False)
        self.band = widgets.Dropdown(description="Anställda per invånare", style=STYLE,
                                     options=list(RATE_BANDS), value="60-69", disabled=True)
        self.points = widgets.IntSlider(description="Ändring (%-enheter)", min=-10,
                                        max=10, value=0, style=STYLE, continuous_update=False)
        self.points.observe(lambda _change: self._sync(), "value")
        self.box = widgets.VBox([
            widgets.HTML("<b>Befolkningens spakar</b> (personer per år till länet; "
                         "flyttningarna i alla län i procent av prognosen)"),
            self.migration, self.factor, self.band, self.points])

    def _sync(self) -> None:
        """The age group is off while its change is zero."""
        self.band.disabled = self.points.value == 0

    def controls(self) -> list[widgets.Widget]:
        return [self.migration, self.factor, self.band, self.points]

    def values(self) -> dict[str, Any]:
        """The ``Levers`` fields these widgets set."""
        return {"net_migration": int(self.migration.value),
                "migration_percent": int(self.factor.value),
                "rate_band": str(self.band.value), "rate_points": int(self.points.value)}
