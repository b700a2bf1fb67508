"""Time a full projection (21 län × 429 occupations) and the full backtest.

    python benchmarks/bench_projection.py
"""

from __future__ import annotations

from timing import machine, timed, timed_command

import reglab_forecast as rf
from reglab_forecast.projection import backtest, project


def main() -> None:
    machine()
    employment = timed("load_employment(level=4)", lambda: rf.load_employment(level=4))
    ages = timed("load_age_profile(level=4)", lambda: rf.load_age_profile(level=4))
    result = timed("project: 21 län × 429 yrken, 2024→2030/2035",
                   lambda: project(employment, ages), target=1.0)
    timed("project from 2019 (intervals from the input, first run)",
          lambda: project(employment, ages, base_year=2019, target_years=(2024, 2030)), repeat=1)
    timed("aggregate(level=3, regions='all')", lambda: result.aggregate(3, "all"))
    timed("project with scenario (batterifabrik-norrbotten)",
          lambda: project(employment, ages, scenario="batterifabrik-norrbotten"))
    national = result.aggregate(level=4, regions="riket", years=range(2024, 2036))
    timed("project with a given national path per occupation",
          lambda: project(employment, ages, national_path=national[["ssyk", "year", "employed"]],
                          national_source="egen bana"))
    timed("backtest: origins 2016–2023, 7 paths, SSYK levels 0–4", lambda: backtest(employment),
          target=60.0)
    timed_command("kommandot backtest (ny process, med import)", ["backtest"], target=60.0)


if __name__ == "__main__":
    main()
