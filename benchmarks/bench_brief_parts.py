"""Time the per-region part of a brief: the län cells, each section, the document and Typst.

    python benchmarks/bench_brief_parts.py            # Örebro first, then five more län
    python benchmarks/bench_brief_parts.py 18 01 25   # these län

The run's shared results (data, projection, cells, education outlook, population side) come
from the run cache as in a brief (``run_cache.shared_run``; computed and stored first when the
cache lacks them), timed once. The first region is timed as a new process meets it; the others
as a worker of ``brief --all`` meets them (``many_regions``, after the first). Each section is
timed on its own: the sections it reads are built before it, as the summary builds them.
Charts are part of their section's time. The times are CPU seconds of this process (all its
threads): on a shared machine they vary far less than wall time.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from timing import LABEL_WIDTH, machine, timed

from reglab_forecast.report.brief import brief_meta, render_sections
from reglab_forecast.report.context import BriefContext
from reglab_forecast.report.run_cache import shared_run
from reglab_forecast.report.sections import BRIEF, build_all, get

REGIONS = ("18", "01", "25", "09", "13", "22")


def _clock(function: Callable[[], Any]) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def brief_parts(inputs: Any, cells: Any, region: str) -> dict[str, float]:
    """Seconds per part of one region's brief."""
    parts: dict[str, float] = {}
    ctx = BriefContext.create(inputs, region, cells)
    parts["celler för länet (ctx.cells)"] = _clock(lambda: ctx.cells)
    for key in reversed(BRIEF):  # the summary reads the others: build them first
        parts[f"avsnitt {key}"] = _clock(lambda key=key: get(ctx, key))
    meta = brief_meta(ctx, "x", ctx.region_name, "y")
    parts["dokument och Typst"] = _clock(
        lambda: render_sections(ctx, build_all(ctx, BRIEF), meta))
    parts["hela länet"] = sum(parts.values())
    return parts


def _print(title: str, runs: list[dict[str, float]]) -> None:
    print(title)
    for part in runs[0]:
        values = [run[part] for run in runs]
        print(f"  {part:<{LABEL_WIDTH - 2}}{statistics.median(values):7.3f} s cpu"
              + (f"  (snabbast {min(values):.3f})" if len(values) > 1 else ""))


def main(regions: tuple[str, ...]) -> None:
    machine()
    run = timed("körningens gemensamma resultat (run_cache.shared_run)", shared_run, repeat=1)
    inputs, cells = run.inputs, run.cells
    _print(f"första länet ({regions[0]}), som en ny process", [brief_parts(inputs, cells,
                                                                              regions[0])])
    inputs.extras["many_regions"] = True
    runs: defaultdict[str, list[float]] = defaultdict(list)
    for region in regions[1:]:
        for part, seconds in brief_parts(inputs, cells, region).items():
            runs[part].append(seconds)
    _print(f"följande län ({', '.join(regions[1:])}), som i brief --all: median",
           [{part: values[i] for part, values in runs.items()}
            for i in range(len(regions) - 1)])


if __name__ == "__main__":
    main(tuple(sys.argv[1:]) or REGIONS)
