"""The shared context of one brief: one region, one scenario, and what every section reads.

A section module reads only this object: the run's inputs (data and one projection run), the
region, and the wide län × SSYK4 frame of the run (``cells.build_cells``). Sections that need
another section's tables ask :func:`reglab_forecast.report.sections.get` for it; a section is
built once per context and kept in :attr:`BriefContext.built`.

What is the same for every region of a run (the sums per län, the standard indicators of every
län) is made once per run and shared by the contexts of that run (:meth:`BriefContext.shared`),
so the 21 briefs of ``brief --all`` do not each make it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import pandas as pd

from .cells import PAST_YEARS, RIKET, build_cells, region_sums
from .inputs import ReportInputs
from .regional import regions_frame
from .tablespec import Column, Table, round_frame

if TYPE_CHECKING:
    from .section import Section

__all__ = ["BriefContext", "FLAG_COLUMN", "RIKET", "make_table", "occupation_columns",
           "pct_change"]

FLAG_COLUMN = Column("flag", "Avvikelse", "text",
                     "Där prognosen och Arbetsförmedlingens bild skiljer sig.")

T = TypeVar("T")

# The values shared by the contexts of the latest run, as one (inputs, cells, values) entry:
# the run is known by the identity of its inputs and cells. One run at a time; a new run
# replaces the entry (a context that holds the old one goes on using it).
_RUN: dict[str, tuple[ReportInputs, pd.DataFrame, dict[str, Any]]] = {}


@dataclass
class BriefContext:
    """One region of one run: the inputs plus the prepared cell frame.

    ``cells_all`` is ``build_cells(inputs)``: one row per län × SSYK4 (see ``cells``), shared
    between the regions of a run. ``region`` is a län code, or "00" for the comparison.
    """

    inputs: ReportInputs
    region: str
    cells_all: pd.DataFrame
    built: dict[str, Section] = field(default_factory=dict)  # sections built so far

    @classmethod
    def create(cls, inputs: ReportInputs, region: str,
               cells_all: pd.DataFrame | None = None) -> BriefContext:
        return cls(inputs, region, build_cells(inputs) if cells_all is None else cells_all)

    @property
    def t0(self) -> int:
        return self.inputs.base_year

    @property
    def past(self) -> int:
        return self.t0 - PAST_YEARS

    @property
    def targets(self) -> tuple[int, ...]:
        return self.inputs.target_years

    @property
    def horizon(self) -> int:
        """The last target year: needs and retirements are counted from T0 up to it."""
        return max(self.targets)

    @property
    def scenario(self) -> str:
        return self.inputs.projection.scenario

    @property
    def region_name(self) -> str:
        return self.inputs.region_names.get(self.region, self.region)

    def shared(self, key: str, make: Callable[[], T]) -> T:
        """The value ``key`` of this run (the same for every region), made by ``make`` on first
        use and kept for the other regions of the run (same inputs and cells)."""
        run = _RUN.get("latest")
        if run is None or run[0] is not self.inputs or run[1] is not self.cells_all:
            run = _RUN["latest"] = (self.inputs, self.cells_all, {})
        values = run[2]
        if key not in values:
            values[key] = make()
        return values[key]  # type: ignore[no-any-return]

    @cached_property
    def cells(self) -> pd.DataFrame:
        return self.cells_all[self.cells_all["region"] == self.region].copy()

    @cached_property
    def employment(self) -> pd.DataFrame:
        """The region's rows of ``inputs.employment`` (every SSYK4, sex and year)."""
        emp = self.inputs.employment
        return emp[emp["region"] == self.region]

    @property
    def sums(self) -> pd.DataFrame:
        """Sums per län and Riket, indexed by region (``cells.region_sums``); shared by the run."""
        return self.shared("sums", lambda: region_sums(self.cells_all, self.inputs)
                           .set_index("region"))

    @property
    def regions(self) -> pd.DataFrame:
        """The standard indicators of every län and Riket to the horizon, ranked by need
        (``regional.regions_frame``); shared by the run. Read it, do not change it."""
        return self.shared("regions", lambda: regions_frame(self.sums, self.inputs,
                                                            self.horizon))

    @cached_property
    def need_cells(self) -> pd.DataFrame:
        """The region's cells plus need_rate, ads_per_100, change with change_lower and
        change_upper (to the horizon, percent), outlook (verbal category against the region's
        average, see ``outlook``), volatile (bool) and flag (where Arbetsförmedlingen's view
        and the projection disagree)."""
        from .afview import disagreement
        from .breaks import break_years
        from .outlook import category, volatile_codes

        t = self.horizon
        cells = self.cells.copy()
        employed = cells["employed"].where(cells["employed"] > 0)
        cells["need_rate"] = 100 * cells[f"need_{t}"] / employed
        cells["ads_per_100"] = 100 * cells["ads"] / employed
        cells["change"] = pct_change(cells[f"proj_{t}"], employed)
        cells["change_lower"] = pct_change(cells[f"lower_{t}"], employed)
        cells["change_upper"] = pct_change(cells[f"upper_{t}"], employed)
        average = float(pct_change(cells[f"proj_{t}"].sum(), cells["employed"].sum()))
        cells["outlook"] = [category(lo, up, average) for lo, up in
                            zip(cells["change_lower"], cells["change_upper"], strict=True)]
        jumps = volatile_codes(self.employment, self.region, self.past, self.t0,
                               break_years(self.inputs.employment))
        cells["volatile"] = cells["ssyk"].isin(jumps)
        cells["flag"] = disagreement(cells, self)
        return cells

    def source(self, *what: str) -> str:
        parts = ", ".join(what) if what else "SCB, yrkesregistret (YREG)"
        return f"Källa: {parts}; data t.o.m. {self.t0}; scenario: {self.scenario}."


def make_table(key: str, title: str, columns: list[Column] | tuple[Column, ...],
               frame: pd.DataFrame, source: str, note: str = "",
               highlight: tuple[int, ...] = ()) -> Table:
    """A :class:`Table` whose frame is rounded to what each column shows."""
    cols = tuple(columns)
    frame = frame.reset_index(drop=True)
    return Table(key, title, cols, round_frame(frame, cols), source, note, highlight,
                 exact=frame)


def pct_change(new: Any, old: Any) -> Any:
    """Percent change from ``old`` to ``new`` (floats or Series)."""
    return 100 * (new - old) / old


def occupation_columns(ctx: BriefContext) -> list[Column]:
    return [
        Column("ssyk", "SSYK", "text", "Yrkesgrupp enligt SSYK 2012, fyrsiffrig kod."),
        Column("ssyk_name", "Yrke", "text", "Yrkesgruppens namn enligt SCB."),
        Column("employed", f"Anst. {ctx.t0}", "int", f"Anställda i länet {ctx.t0}."),
    ]
