"""The cross-region comparison: the 21 län side by side on the standard indicators.

``reglab-forecast compare --out FILE.pdf`` (or ``.xlsx``): the sections ``sections.COMPARE``
for Riket ("00"). The indicator table is built by ``regional.regions_frame`` as in every brief,
so the figures agree with the briefs.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..files import write_output
from .brief import brief_meta, render_sections
from .cells import RIKET
from .context import BriefContext
from .inputs import ReportInputs
from .render import check_writable
from .run_cache import shared_run
from .sections import COMPARE, build_all, tables_of
from .tablespec import Table

__all__ = ["compare_tables", "render_compare", "write_compare"]


def compare_tables(ctx: BriefContext) -> dict[str, Table]:
    """Every table of the comparison by key."""
    return tables_of(build_all(ctx, COMPARE))


def render_compare(inputs: ReportInputs, cells: pd.DataFrame | None = None) -> bytes:
    ctx = BriefContext.create(inputs, RIKET, cells)
    subtitle = (f"De 21 länen på standardindikatorerna {ctx.t0}–{ctx.horizon}. "
                f"Metod: Reglab standard.")
    meta = brief_meta(ctx, "Regional kompetensbild: länsjämförelse", "Länsjämförelse", subtitle)
    return render_sections(ctx, build_all(ctx, COMPARE), meta)


def write_compare(out: Path, scenario: str | Path | None = None) -> None:
    """The comparison as PDF (``.pdf``) or as an Excel table package (``.xlsx``)."""
    out = Path(out)
    suffix = out.suffix.lower()
    check_writable(out, (".pdf", ".xlsx"))
    run = shared_run(scenario)
    if suffix == ".pdf":
        write_output(out, render_compare(run.inputs, run.cells))
        return
    from .tablepackage import write_xlsx

    write_xlsx(compare_tables(BriefContext.create(run.inputs, RIKET, run.cells)), out,
               run.inputs.vintage)
