"""Time the briefs: the command as a user runs it, its parts, and all 21 län.

    python benchmarks/bench_report.py            # targets: one brief ≤ 3 s, all 21 ≤ 20 s

The commands run as new processes (imports count); the parts run in this process, in the
order a brief makes them, so the first call of each pays what a new process pays.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from timing import machine, timed, timed_command

from reglab_forecast.report.brief import render_brief, write_all_briefs
from reglab_forecast.report.cells import build_cells
from reglab_forecast.report.inputs import load_inputs


def main() -> None:
    machine()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        timed_command("kommandot brief --region 18 (ny process, med import)",
                      ["brief", "--region", "18", "--out", str(out / "kommando.pdf")],
                      repeat=5, target=3.0)
        timed_command("kommandot brief --all (21 län, ny process)",
                      ["brief", "--all", "--out-dir", str(out / "kommando-alla")], target=20.0)
        inputs = timed("  varav: läs data och kör prognosen (första gången)", load_inputs,
                       repeat=1)
        cells = timed("  varav: länsceller för alla län", lambda: build_cells(inputs))
        timed("  varav: avsnitt, tabeller, diagram och PDF, Örebro (första)",
              lambda: render_brief(inputs, "18", cells), repeat=1)
        timed("  varav: avsnitt, tabeller, diagram och PDF, Gotland",
              lambda: render_brief(inputs, "09", cells))
        timed("alla 21 län i denna process, 2 arbetsprocesser",
              lambda: write_all_briefs(out / "alla", workers=2), repeat=1)
        size = sum(p.stat().st_size for p in (out / "alla").glob("*.pdf")) / 21 / 1024
        print(f"{'medelstorlek per PDF':<60}{size:7.0f} kB")


if __name__ == "__main__":
    main()
