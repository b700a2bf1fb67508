"""Writing the standard brief: one region, or all 21 län in parallel.

``write_brief`` loads the data, runs the projection, builds the sections of the brief
(``sections.BRIEF``) and renders the PDF; the file appears only when everything
succeeded. ``write_all_briefs`` starts two worker processes, which import the report while
the parent loads and projects once; each worker reads that data once and renders its län.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import pandas as pd

from .. import __version__
from ..errors import OutputWriteError
from ..files import check_marked_dir, mark_output_dir, write_output
from .context import BriefContext
from .document import build_document, document_meta, figures_of
from .inputs import ReportInputs
from .render import check_writable, check_writable_dir, compile_pdf, production_time
from .run_cache import read_entry, shared_run, write_entry
from .section import Section
from .sections import BRIEF, PACKAGE, build_all, tables_of

__all__ = ["BriefResult", "brief_filename", "brief_meta", "render_brief", "render_sections",
           "write_all_briefs", "write_brief", "write_tables"]


@dataclass(frozen=True)
class BriefResult:
    region: str
    path: Path
    pages: int | None = None


def brief_meta(ctx: BriefContext, title: str, region: str, subtitle: str) -> dict:
    """Page 1's title block and the PDF metadata: production date, version, data version."""
    produced = production_time().date().isoformat()
    return document_meta(title, region, subtitle, ctx.scenario, ctx.inputs.vintage, produced,
                         __version__)


def render_sections(ctx: BriefContext, sections: list[Section], meta: dict) -> bytes:
    """A PDF of ``sections`` in the brief's template."""
    return compile_pdf("brief.typ", build_document(sections, meta), figures_of(sections))


def render_brief(inputs: ReportInputs, region: str,
                 cells_all: pd.DataFrame | None = None) -> bytes:
    """The PDF of one region's brief as bytes."""
    ctx = BriefContext.create(inputs, region, cells_all)
    subtitle = (f"Anställda, prognos och rekryteringsbehov per yrke {ctx.t0}–{ctx.horizon}. "
                f"Metod: Reglab standard.")
    meta = brief_meta(ctx, f"Regional kompetensbild: {ctx.region_name}", ctx.region_name,
                      subtitle)
    return render_sections(ctx, build_all(ctx, BRIEF), meta)


def resolve(region: str) -> str:
    import reglab_forecast as rf

    return str(rf.resolve_region(region, ("lan",)))


def write_brief(region: str, out: Path, scenario: str | Path | None = None) -> BriefResult:
    """Write the brief of ``region`` (code or name) to ``out`` atomically."""
    out = Path(out)
    check_writable(out, (".pdf",))
    code = resolve(region)
    run = shared_run(scenario)
    write_output(out, render_brief(run.inputs, code, run.cells))
    return BriefResult(code, out)


def write_tables(region: str, out: Path | None = None, csv_dir: Path | None = None,
                 scenario: str | Path | None = None) -> str:
    """The table package of ``region`` as Excel (``out``) and/or CSV files (``csv_dir``)."""
    from .tablepackage import write_csv_dir, write_xlsx

    if out is not None:
        check_writable(Path(out), (".xlsx",))
    if csv_dir is not None:
        check_writable_dir(Path(csv_dir))
    code = resolve(region)
    run = shared_run(scenario)
    inputs = run.inputs
    tables = tables_of(build_all(BriefContext.create(inputs, code, run.cells), PACKAGE))
    if out is not None:
        write_xlsx(tables, Path(out), inputs.vintage)
    if csv_dir is not None:
        write_csv_dir(tables, Path(csv_dir), inputs.vintage)
    return code


def brief_filename(name: str) -> str:
    """'Örebro län' → 'kompetensbild-orebro-lan.pdf' (ASCII, safe everywhere)."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", " ": "-"})
    return f"kompetensbild-{name.lower().translate(table)}.pdf"


# Worker state: the run's data, read once per process from the file the parent wrote.
_WORKER: dict[str, object] = {}


def _init_worker(parent: int) -> None:
    """Tie the worker to its parent and import what a brief needs while the parent loads the
    data (the worker starts before the data exists)."""
    from ..lifeline import exit_with_parent

    exit_with_parent(parent)
    import typst  # noqa: F401

    from . import figures  # noqa: F401  (matplotlib)
    from .sections import BRIEF

    for key in BRIEF:
        import_module(f"{__package__}.sections.{key}")


def _ready() -> None:
    """A task that does nothing: submitting it starts a worker."""


def _shared(data: str) -> tuple[ReportInputs, pd.DataFrame]:
    """The run's inputs and cells, unpickled from ``data`` on this worker's first brief."""
    if _WORKER.get("data") != data:
        kept = read_entry(Path(data))
        if kept is None:
            raise RuntimeError(f"kunde inte läsa körningens data i {data}")
        # This process renders many län: sections make their shared results for every län
        # once (e.g. the education outlook) instead of once per län.
        kept[0].extras["many_regions"] = True
        _WORKER.update(data=data, run=kept)
    run = _WORKER["run"]
    assert isinstance(run, tuple)
    return run


def _render_one(region: str, out: Path, data: str) -> BriefResult:
    inputs, cells = _shared(data)
    write_output(out, render_brief(inputs, region, cells), "--out-dir")
    return BriefResult(region, out)


def write_all_briefs(out_dir: Path, scenario: str | Path | None = None, workers: int = 2,
                     regions: list[str] | None = None) -> list[BriefResult]:
    """All 21 briefs (or ``regions``) into ``out_dir`` (new, empty or already marked as the
    toolkit's; ``files.check_marked_dir``), on ``workers`` processes. The workers start first
    and import while the data is loaded and projected, once; each worker then reads the data
    once."""
    out_dir = Path(out_dir)
    check_marked_dir(out_dir, "--out-dir", _expected_names(regions))  # before any work
    workers = max(1, min(workers, os.cpu_count() or 1))
    # "spawn", not fork: the parent has run pyarrow/typst threads, and a forked child can
    # inherit one of their locks held and hang. Workers exit when the parent dies.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(os.getpid(),))
    finished = False
    try:
        for _ in range(workers):
            pool.submit(_ready)  # each submit starts a worker now, not at the first brief
        results = _write_all(pool, out_dir, scenario, regions)
        finished = True
        return results
    finally:
        pool.shutdown(wait=finished, cancel_futures=True)


def _expected_names(regions: list[str] | None) -> list[str]:
    """The file names of the briefs by the snapshot's region list (the data's own names are
    checked again once it is loaded)."""
    from ..regions import region_names

    names = region_names()
    codes = regions or [code for code in names if code != "00" and len(code) == 2]
    return [brief_filename(names.get(code, code)) for code in codes]


def _write_all(pool: ProcessPoolExecutor, out_dir: Path, scenario: str | Path | None,
               regions: list[str] | None) -> list[BriefResult]:
    run = shared_run(scenario)
    inputs = run.inputs
    regions = regions or sorted(set(inputs.employment["region"]) - {"00"})
    names = {r: brief_filename(inputs.region_names.get(r, r)) for r in regions}
    check_marked_dir(out_dir, "--out-dir", names.values())  # before any brief is rendered
    mark_output_dir(out_dir)
    with tempfile.TemporaryDirectory(prefix="reglab-briefs-") as tmp:
        # The workers read the run from its cache entry, or from a file of their own when the
        # cache is off or could not be written.
        data = run.path or write_entry(Path(tmp) / "data.pickle", inputs, run.cells)
        futures = [pool.submit(_render_one, region, out_dir / names[region], str(data))
                   for region in regions]
        results = _collect(futures, out_dir)
    mark_output_dir(out_dir, names.values())
    return results


def _collect(futures: list[Future[BriefResult]], out_dir: Path) -> list[BriefResult]:
    """The results in order; a failed write says how many briefs were written before it."""
    results: list[BriefResult] = []
    for future in futures:
        try:
            results.append(future.result())
        except OutputWriteError as error:
            for other in futures:
                other.cancel()
            done = sum(1 for f in futures if f.done() and not f.cancelled()
                       and f.exception() is None)
            raise OutputWriteError(f"{error}; {done} av {len(futures)} underlag skrevs till "
                                   f"{out_dir} innan felet") from error
    return results
