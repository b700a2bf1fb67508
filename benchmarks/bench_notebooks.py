"""Run every notebook offline, as the test suite does, and print each one's wall time.

    python benchmarks/bench_notebooks.py

The budget is the whole set in under 10 minutes on two cores (the test suite runs them with
``pytest -n 2``; this script runs them one after the other, so its total is the upper bound).
"""

from __future__ import annotations

import importlib.util
import tempfile
import time
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("notebook_build", NOTEBOOKS / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    build = _build_module()
    total = 0.0
    for source in build.sources():
        with tempfile.TemporaryDirectory(prefix="reglab-nb-") as tmp:
            start = time.perf_counter()
            build.execute(source, Path(tmp))
            seconds = time.perf_counter() - start
        total += seconds
        print(f"{seconds:6.1f} s  {source.relative_to(NOTEBOOKS)}", flush=True)
    print(f"{total:6.1f} s  total, one after the other (budget: 600 s on two cores)")


if __name__ == "__main__":
    main()
