"""Time the snapshot loaders: the first (cold) call reads and validates parquet, later calls
are served from memory.

    python benchmarks/bench_loaders.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

import reglab_forecast as rf
from reglab_forecast import snapshot


def cold_and_warm(label: str, function: Callable[[], object], repeat: int = 5) -> None:
    snapshot.clear_cache()
    start = time.perf_counter()
    function()
    cold = time.perf_counter() - start
    warm = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        warm = min(warm, time.perf_counter() - start)
    print(f"{label:<56}{cold:7.3f} s kall {warm:7.3f} s varm")


def main() -> None:
    start = time.perf_counter()
    rf.resolve_region("Örebro län")
    print(f"{'första resolve_region':<56}{time.perf_counter() - start:7.3f} s")
    cold_and_warm("load_employment(level=4)", lambda: rf.load_employment(level=4))
    cold_and_warm("load_employment(level=2, regions='18', years=2024)",
                  lambda: rf.load_employment(level=2, regions="18", years=2024))
    cold_and_warm("load_age_profile(level=4)", lambda: rf.load_age_profile(level=4))
    cold_and_warm("load_population()", lambda: rf.load_population())
    cold_and_warm("load_population(age_bands=5, by_sex=False)",
                  lambda: rf.load_population(age_bands=5, by_sex=False))
    cold_and_warm("load_ads()", lambda: rf.load_ads())
    cold_and_warm("datasets()", rf.datasets)


if __name__ == "__main__":
    main()
