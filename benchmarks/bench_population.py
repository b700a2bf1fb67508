"""Time the population projection (21 län × 2 sexes × 101 ages, 15 years) and its backtest.

    python benchmarks/bench_population.py
"""

from __future__ import annotations

from timing import machine, timed

import reglab_forecast as rf
from reglab_forecast.demography import project_population
from reglab_forecast.demography.backtest import backtest


def main() -> None:
    machine()
    population = timed("load_population() (1968–2025)", rf.load_population)
    deaths = timed("load_deaths()", rf.load_deaths)
    births = timed("load_births()", rf.load_births)
    projection = timed("project_population: 21 län, 2025→2040 (data given)",
                       lambda: project_population(population, deaths, births), target=1.0)
    timed("project_population: loads deaths and births itself",
          lambda: project_population(population), target=1.0)
    timed("table (every target year, with intervals)", lambda: projection.table)  # type: ignore[attr-defined]
    timed("backtest: 5 origins × 21 län, both baselines",
          lambda: backtest(population, deaths, births), repeat=1)


if __name__ == "__main__":
    main()
