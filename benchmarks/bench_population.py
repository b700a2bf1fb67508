"""Time the population projection (21 län × 2 sexes × 101 ages, 15 years) and its backtest.

    python benchmarks/bench_population.py
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from timing import machine, timed

import reglab_forecast as rf
from reglab_forecast import snapshot
from reglab_forecast.demography import project_population
from reglab_forecast.demography.backtest import backtest


def _cold(loader: Callable[[], Any]) -> Callable[[], Any]:
    """``loader`` as a first call: the snapshot read from disk (and checked), nothing kept."""
    def call() -> Any:
        snapshot.clear_cache()
        return loader()
    return call


def main() -> None:
    machine()
    timed("load_population() (1968–2025), first call", _cold(rf.load_population))
    population = timed("load_population() again (kept in memory)", rf.load_population)
    timed("load_deaths(), first call", _cold(rf.load_deaths))
    deaths = timed("load_deaths() again", rf.load_deaths)
    timed("load_births(), first call", _cold(rf.load_births))
    births = timed("load_births() again", rf.load_births)
    projection = timed("project_population: 21 län, 2025→2040 (data given)",
                       lambda: project_population(population, deaths, births), target=1.0)
    timed("project_population: loads deaths and births itself",
          lambda: project_population(population), target=1.0)
    timed("table (every target year, with intervals), first call",
          lambda: project_population(population, deaths, births).table)
    timed("table again (made once per projection)", lambda: projection.table)
    timed("backtest: 5 origins × 21 län, both baselines",
          lambda: backtest(population, deaths, births), repeat=1)


if __name__ == "__main__":
    main()
