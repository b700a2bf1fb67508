"""Time the briefs: the command as a user runs it, its parts, and all 21 län.

    python benchmarks/bench_report.py            # targets: one brief ≤ 3 s, all 21 ≤ 20 s

The commands run as new processes (imports count) with a cache folder of their own: first
with the run cache off (everything computed, as on the first run after an install or a change
of data, code or scenario), then once to fill the cache, then reusing it (every later run).
The parts run in this process, in the order a brief makes them, so the first call of each
pays what a new process pays.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from timing import machine, timed, timed_command

from reglab_forecast.report.brief import render_brief, write_all_briefs
from reglab_forecast.report.cells import build_cells
from reglab_forecast.report.inputs import load_inputs
from reglab_forecast.report.run_cache import read_entry, shared_run


def commands(out: Path) -> None:
    cache = {"REGLAB_CACHE_DIR": str(out / "cache")}
    cold = {**cache, "REGLAB_RUN_CACHE": "0"}
    brief = ["brief", "--region", "18", "--out", str(out / "kommando.pdf")]
    every = ["brief", "--all", "--out-dir", str(out / "kommando-alla")]
    timed_command("brief --region 18, ny process, allt räknas (utan cache)", brief,
                  env=cold, target=3.0)
    timed_command("brief --all (21 län), ny process, allt räknas (utan cache)", every,
                  repeat=1, env=cold, target=20.0)
    timed_command("brief --region 18, första körningen (räknar och sparar)", brief, repeat=1,
                  env=cache)
    timed_command("brief --region 18, ny process, körningen ur cachen", brief, repeat=5,
                  env=cache, target=3.0)
    timed_command("brief --region 09, ny process, körningen ur cachen", [
        "brief", "--region", "09", "--out", str(out / "gotland.pdf")], env=cache, target=3.0)
    timed_command("brief --all (21 län), ny process, körningen ur cachen", every, repeat=1,
                  env=cache, target=20.0)


def parts(out: Path) -> None:
    inputs = timed("  varav: läs data och kör prognosen (första gången)", load_inputs,
                   repeat=1)
    cells = timed("  varav: länsceller för alla län", lambda: build_cells(inputs))
    entry = shared_run().path
    if entry is not None:
        timed("  varav: läs körningen ur cachen", lambda: read_entry(entry))
    timed("  varav: avsnitt, tabeller, diagram och PDF, Örebro (första)",
          lambda: render_brief(inputs, "18", cells), repeat=1)
    timed("  varav: avsnitt, tabeller, diagram och PDF, Gotland",
          lambda: render_brief(inputs, "09", cells))
    timed("alla 21 län i denna process, 2 arbetsprocesser",
          lambda: write_all_briefs(out / "alla", workers=2), repeat=1)
    size = sum(p.stat().st_size for p in (out / "alla").glob("*.pdf")) / 21 / 1024
    print(f"{'medelstorlek per PDF':<60}{size:7.0f} kB")


def main() -> None:
    machine()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REGLAB_CACHE_DIR"] = str(Path(tmp) / "cache")  # not the user's cache
        commands(Path(tmp))
        parts(Path(tmp))


if __name__ == "__main__":
    main()
