"""Time the population projection (21 län × 2 sexes × 101 ages, 15 years) and its backtest.

    python benchmarks/bench_population.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

import reglab_forecast as rf
from reglab_forecast.demography import project_population
from reglab_forecast.demography.backtest import backtest


def timed(label: str, function: Callable[[], object], repeat: int = 3) -> object:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<60}{best:8.2f} s (bäst av {repeat})")
    return result


def main() -> None:
    population = timed("load_population() (1968–2025)", rf.load_population)
    deaths = timed("load_deaths()", rf.load_deaths)
    births = timed("load_births()", rf.load_births)
    projection = timed("project_population: 21 län, 2025→2040 (data given)",
                       lambda: project_population(population, deaths, births))
    timed("project_population: loads deaths and births itself",
          lambda: project_population(population))
    timed("table (every target year, with intervals)", lambda: projection.table)  # type: ignore[attr-defined]
    timed("backtest: 5 origins × 21 län, both baselines",
          lambda: backtest(population, deaths, births), repeat=1)


if __name__ == "__main__":
    main()
