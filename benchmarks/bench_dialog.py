"""Time the dialogue app: a lever change (recompute all län + redraw) and the first view.

    python benchmarks/bench_dialog.py      # targets: lever change ≤ 300 ms, first view ≤ 5 s

A lever change is what the page does after a move: ``DialogModel.compute`` for all 21 län,
then the figure (SVG) and the table of the view. A demographic lever change adds the
population side (``PeopleModel.compute``: cohort-component run and labour supply, all län)
and draws the population view; the education view spreads the need over the education mix.
Each change sets a new value, so nothing is served from a cache that a real session would
not have. Wall-clock and CPU time are printed:
on a shared machine the wall clock also counts the other processes' turns.

The first view is timed as the kernel does it in a new process (imports, data, model, the
first figure) and, with Voilà's warm kernel, as a page load in the browser test
(``tests/browser``, written to ``test-artefacts/dialog/timings.json``).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import reglab_forecast as rf
from reglab_forecast.dialog.education import EducationView
from reglab_forecast.dialog.engine import DialogModel, Levers
from reglab_forecast.dialog.panels import PeopleFigure, education_parts, people_parts
from reglab_forecast.dialog.people import PeopleModel
from reglab_forecast.dialog.view import ViewChoice, ViewFigure, table_html

CHANGES = 30
FIRST_VIEW = """
import time
start = time.perf_counter()
from reglab_forecast.dialog.app import start as start_app
app = start_app("25")
print(time.perf_counter() - start)
"""


def lever_changes(model: DialogModel) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``CHANGES`` lever moves over the three kinds of view."""
    views = [ViewChoice("25"), ViewChoice("25", "01", "8121"), ViewChoice("25", areas=True)]
    wall, cpu = [], []
    drawing = ViewFigure()  # kept between redraws, as the page keeps it
    for i in range(CHANGES):
        levers = Levers(national_growth=0.3 + i / 100, regional_growth=1.0 + i / 50,
                        retirement_age_shift=i % 4, shock_ssyk="8121",
                        shock_persons=100 + 10 * i)
        choice = views[i % len(views)]
        start, start_cpu = time.perf_counter(), time.process_time()
        cube = model.compute(levers, "25", "Norrbottens län")
        drawing.image(model, model.base, cube, choice)
        table_html(model, model.base, cube, choice)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def people_changes(model: DialogModel, people: PeopleModel) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``CHANGES`` demographic lever moves in the population view."""
    wall, cpu = [], []
    drawing = PeopleFigure()
    choice = ViewChoice("25")
    for i in range(CHANGES):
        levers = Levers(net_migration=100 * (i + 1), migration_percent=100 - i,
                        rate_points=i % 7)
        start, start_cpu = time.perf_counter(), time.process_time()
        cube = model.compute(levers, "25", "Norrbottens län")
        scenario = people.scenario(levers.demography("25"))
        people_parts(model, people, (model.base, people.base), (cube, people.compute(scenario)),
                     choice, drawing)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def education_changes(model: DialogModel) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``CHANGES`` lever moves in the education view."""
    wall, cpu = [], []
    view = EducationView(model)
    for i in range(CHANGES):
        levers = Levers(regional_growth=1.0 + i / 50, shock_ssyk="5321",
                        shock_persons=100 + 10 * i)
        start, start_cpu = time.perf_counter(), time.process_time()
        cube = model.compute(levers, "25", "Norrbottens län")
        education_parts(model, view, model.base, cube, ViewChoice("25"),
                        ("level", "field")[i % 2])
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def _print(label: str, wall: list[float], cpu: list[float]) -> None:
    for kind, values in (("väggklocka", wall), ("CPU-tid", cpu)):
        print(f"{f'{label}, {kind} (median av {CHANGES})':<60}"
              f"{statistics.median(values) * 1000:7.0f} ms   (största {max(values) * 1000:.0f} ms)")


def main() -> None:
    start = time.perf_counter()
    model = DialogModel(rf.load_employment(level=4), rf.load_age_profile(level=4))
    print(f"{'modellen byggd (data redan inläst)':<52}{time.perf_counter() - start:7.2f} s")
    lever_changes(model)  # warm-up: fonts, locale data
    _print("spakändring", *lever_changes(model))
    start = time.perf_counter()
    people = PeopleModel(model.base_year)
    print(f"{'befolkningssidan byggd':<52}{time.perf_counter() - start:7.2f} s")
    people_changes(model, people)  # warm-up
    _print("befolkningsspak", *people_changes(model, people))
    education_changes(model)  # warm-up: the education mixes
    _print("spakändring i utbildningsvyn", *education_changes(model))
    done = subprocess.run([sys.executable, "-c", FIRST_VIEW], capture_output=True, text=True,
                          check=True)
    print(f"{'första vyn i en ny kärna (import, data, modell, figur)':<52}"
          f"{float(done.stdout.strip().splitlines()[-1]):7.2f} s")


if __name__ == "__main__":
    main()
