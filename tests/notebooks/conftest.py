"""Notebook tests: the notebook sources as parameters, and each one's run time at the end."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
TIME_KEY = "notebook_seconds"  # user property; it reaches the summary from xdist workers too


def load_build() -> ModuleType:
    """notebooks/build.py as a module (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location("notebook_build", NOTEBOOKS / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``source``: every notebook; ``learning_source``: the learning-project ones."""
    sources = load_build().sources(NOTEBOOKS)
    if "source" in metafunc.fixturenames:
        metafunc.parametrize("source", sources,
                             ids=[str(p.relative_to(NOTEBOOKS)) for p in sources])
    if "learning_source" in metafunc.fixturenames:
        learning = [p for p in sources if p.parent.name == "larprojekt"]
        metafunc.parametrize("learning_source", learning, ids=[p.stem for p in learning])


@pytest.fixture(scope="session")
def build() -> ModuleType:
    return load_build()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Each executed notebook's run time, so the budget (10 min on 2 cores) stays visible."""
    times = {report.nodeid.split("[")[-1].rstrip("]"): float(value)
             for report in terminalreporter.stats.get("passed", [])
             for key, value in getattr(report, "user_properties", []) if key == TIME_KEY}
    if not times:
        return
    terminalreporter.section("notebook run times")
    for name, seconds in sorted(times.items()):
        terminalreporter.write_line(f"{seconds:6.1f} s  {name}")
    terminalreporter.write_line(f"{sum(times.values()):6.1f} s  total")
