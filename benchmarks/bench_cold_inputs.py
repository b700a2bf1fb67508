"""Time the cold data path of a run: what a first brief computes before any län is written.

    python benchmarks/bench_cold_inputs.py [REPEAT]

Each repeat is a new process (nothing kept in memory, the run cache off), as for a user's
first ``reglab-forecast brief``: once the first parts of ``load_inputs`` each cold (snapshot
reads, the projection of every län × SSYK4, the population ratios), once ``load_inputs`` whole
followed by what the run cache keeps besides (the education outlook of every län, the
population side). Prints the median and fastest CPU seconds of each stage (CPU varies less
than wall time on a shared machine) and the wall time of the whole path.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from timing import LABEL_WIDTH, machine

PARTS = [
    "load_employment + load_age_profile",
    "run_projection (project, aggregate, intervals)",
    "ratios_over_horizon (standard population projection)",
]
WHOLE = [
    "load_inputs (all of the above, ads, AF, barometer)",
    "education outlook, every län",
    "population side (supply, balance)",
]


def _stage(times: dict[str, float], label: str, function: Callable[[], Any]) -> Any:
    start = time.process_time()
    result = function()
    times[label] = time.process_time() - start
    return result


def parts() -> dict[str, float]:
    """The first parts of ``load_inputs``, each cold, in one new process."""
    import reglab_forecast as rf
    from reglab_forecast.report.demography import ratios_over_horizon
    from reglab_forecast.report.inputs import run_projection

    times: dict[str, float] = {}
    employment, ages = _stage(times, PARTS[0], lambda: (rf.load_employment(level=4),
                                                       rf.load_age_profile(level=4)))
    run = _stage(times, PARTS[1], lambda: run_projection(employment, ages))
    _stage(times, PARTS[2], lambda: ratios_over_horizon(max(run.target_years)))
    return times


def whole() -> dict[str, float]:
    """What the run cache computes on a miss (``run_cache.compute``) but the län × SSYK4
    cells, stage by stage, in one new process; ``wall`` is the wall time of the three."""
    from reglab_forecast.report.cells import RIKET, build_cells
    from reglab_forecast.report.context import BriefContext
    from reglab_forecast.report.inputs import load_inputs
    from reglab_forecast.report.population_side import run_population_side
    from reglab_forecast.report.sections.utbildning import outlook_for

    times: dict[str, float] = {}
    wall = time.perf_counter()
    inputs = _stage(times, WHOLE[0], lambda: load_inputs(None))
    cells_wall = time.perf_counter()
    cells = build_cells(inputs)
    cells_wall = time.perf_counter() - cells_wall
    _stage(times, WHOLE[1], lambda: outlook_for(BriefContext(inputs, RIKET, cells)))
    _stage(times, WHOLE[2], lambda: run_population_side(inputs))
    times["wall"] = time.perf_counter() - wall - cells_wall
    return times


def _runs(mode: str, repeat: int) -> list[dict[str, float]]:
    env = {**os.environ, "REGLAB_RUN_CACHE": "0"}
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, __file__, mode], check=True,
                              capture_output=True, text=True, env=env)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return runs


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    machine()
    for mode, labels in (("--parts", PARTS), ("--whole", [*WHOLE, "wall"])):
        runs = _runs(mode, repeat)
        for label in labels:
            values = [run[label] for run in runs]
            what = "vägg" if label == "wall" else "cpu"
            print(f"{label:<{LABEL_WIDTH}}{statistics.median(values):7.2f} s  {what}, median "
                  f"av {len(values)}, snabbast {min(values):.2f} s")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--parts"]:
        print(json.dumps(parts()))
    elif sys.argv[1:2] == ["--whole"]:
        print(json.dumps(whole()))
    else:
        main()
