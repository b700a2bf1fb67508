"""Time a full projection (21 län × 429 occupations) and the full backtest.

    python benchmarks/bench_projection.py
"""

from __future__ import annotations

import time

import reglab_forecast as rf
from reglab_forecast.projection import backtest, project


def timed(label: str, function, repeat: int = 3) -> object:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<52}{best:8.2f} s (bäst av {repeat})")
    return result


def main() -> None:
    employment = timed("load_employment(level=4)", lambda: rf.load_employment(level=4))
    ages = timed("load_age_profile(level=4)", lambda: rf.load_age_profile(level=4))
    result = timed("project: 21 län × 429 yrken, 2024→2030/2035",
                   lambda: project(employment, ages))
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
          repeat=1)


if __name__ == "__main__":
    main()
