"""The benchmarks' one timing helper: repeat a step, print its median and fastest time.

    from timing import machine, timed, timed_command

``timed`` runs a call in this process; ``timed_command`` runs ``reglab-forecast ARGS`` as a
new process (imports count, as for a user) and also reports the CPU seconds it used, which
vary less than wall time on a busy machine. ``machine`` prints the cores, the load average and
two reference timings so a reader can judge how quiet and how fast the machine was. Targets
are printed beside the figures, never asserted: the benchmarks measure, the tests check
behaviour.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

LABEL_WIDTH = 60


def machine() -> None:
    """Cores and load average now (a load above the cores means the figures are inflated), and
    the time of a fixed pure-Python loop and of touching fresh memory: a shared host can be
    twice as slow at a low load, so compare these lines between runs before their figures."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{'maskin: kärnor / belastning (1, 5, 15 min)':<{LABEL_WIDTH}}{os.cpu_count()} / "
          f"{load}")
    loop = min(_loop() for _ in range(3))
    print(f"{'maskin: referensloop (summa av 10 miljoner tal)':<{LABEL_WIDTH}}{loop:7.2f} s")
    memory = min(_new_memory() for _ in range(3))
    print(f"{'maskin: nytt minne (300 MB, en byte per sida)':<{LABEL_WIDTH}}{memory:7.2f} s")


def _loop() -> float:
    start = time.perf_counter()
    sum(range(10_000_000))
    return time.perf_counter() - start


def _new_memory() -> float:
    """Fresh memory touched once per page: what imports and data loads pay for page faults,
    which a busy or reclaiming host makes slow while pure-Python loops stay fast."""
    start = time.perf_counter()
    block = bytearray(300_000_000)
    block[::4096] = b"x" * len(range(0, len(block), 4096))
    return time.perf_counter() - start


def _line(label: str, times: list[float], target: float | None, extra: str = "") -> None:
    goal = f"  mål ≤ {target:g} s" if target is not None else ""
    repeat = f"median av {len(times)}, snabbast {min(times):.2f} s" if len(times) > 1 else ""
    print(f"{label:<{LABEL_WIDTH}}{statistics.median(times):7.2f} s  {repeat}{extra}{goal}")


def timed(label: str, function: Callable[[], Any], repeat: int = 3,
          target: float | None = None) -> Any:
    """Run ``function`` ``repeat`` times; print the median and fastest; return the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    _line(label, times, target)
    return result


def timed_command(label: str, args: Sequence[str], repeat: int = 3,
                  target: float | None = None, env: dict[str, str] | None = None) -> None:
    """Run ``python -m reglab_forecast ARGS`` (as the installed command runs) as a new process
    ``repeat`` times, with ``env`` added to the environment; print the wall time (median,
    fastest) and the median CPU seconds (user + system) of the process."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reglab_forecast", *args], check=True,
                       capture_output=True, env={**os.environ, **(env or {})})
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    _line(label, walls, target, f", cpu {statistics.median(cpus):.2f} s")
