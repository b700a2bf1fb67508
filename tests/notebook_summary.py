"""pytest plugin: each executed notebook's run time at the end of the run.

A plugin (listed in tests/conftest.py) rather than a hook in tests/notebooks/conftest.py,
because under pytest-xdist the controller process, which prints the summary, does not load
the conftest files of sub-folders. The times reach it as the tests' user properties.
"""

from __future__ import annotations

import pytest

TIME_KEY = "notebook_seconds"  # recorded by tests/notebooks/test_notebooks.py


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The budget (the whole set under 10 minutes on two cores) stays visible in every run."""
    times = {report.nodeid.split("[")[-1].rstrip("]"): float(value)
             for report in terminalreporter.stats.get("passed", [])
             for key, value in getattr(report, "user_properties", []) if key == TIME_KEY}
    if not times:
        return
    terminalreporter.section("notebook run times")
    for name, seconds in sorted(times.items()):
        terminalreporter.write_line(f"{seconds:6.1f} s  {name}")
    terminalreporter.write_line(f"{sum(times.values()):6.1f} s  total")
