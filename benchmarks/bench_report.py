"""Time the briefs: one region end to end, its parts, and all 21 län on two processes.

    python benchmarks/bench_report.py            # targets: one brief ≤ 3 s, all 21 ≤ 20 s
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reglab_forecast.report.brief import render_brief, write_all_briefs, write_brief
from reglab_forecast.report.cells import build_cells
from reglab_forecast.report.inputs import load_inputs


def timed(label: str, function, repeat: int = 1) -> object:  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    suffix = f" (bäst av {repeat})" if repeat > 1 else ""
    print(f"{label:<58}{best:7.2f} s{suffix}")
    return result


def command(out: Path) -> None:
    """The command as a user runs it: a new process, so imports count too."""
    subprocess.run([sys.executable, "-m", "reglab_forecast.cli", "brief", "--region", "18",
                    "--out", str(out)], check=True, capture_output=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        timed("kommandot brief --region 18 (ny process, med import)",
              lambda: command(out / "kommando.pdf"), repeat=3)
        timed("en rapport, Örebro län (läs data, prognos, PDF)",
              lambda: write_brief("18", out / "orebro.pdf"))
        inputs = timed("  varav: läs data och kör prognosen", load_inputs)
        cells = timed("  varav: länsceller för alla län", lambda: build_cells(inputs))
        timed("  varav: tabeller, text, diagram och PDF för ett län",
              lambda: render_brief(inputs, "09", cells), repeat=3)
        timed("alla 21 län, 2 processer", lambda: write_all_briefs(out / "alla", workers=2))
        size = sum(p.stat().st_size for p in (out / "alla").glob("*.pdf")) / 21 / 1024
        print(f"{'medelstorlek per PDF':<58}{size:7.0f} kB")


if __name__ == "__main__":
    main()
