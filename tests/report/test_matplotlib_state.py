"""The library never changes matplotlib's global state (backend, rcParams).

A notebook that imports the brief code must still show its own ``plt.show()`` figures, so
every report module is imported in a fresh process and the state compared before and after.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import reglab_forecast.report

SCRIPT = """
import importlib, json, sys
import matplotlib
matplotlib.use("module://matplotlib_inline.backend_inline")
before_backend = matplotlib.get_backend()
before = {k: repr(v) for k, v in matplotlib.rcParams.items() if k != "backend"}
for name in sys.argv[1:]:
    importlib.import_module(name)
after = {k: repr(v) for k, v in matplotlib.rcParams.items() if k != "backend"}
changed = sorted(k for k in before if before[k] != after.get(k))
print(json.dumps({"before": before_backend, "after": matplotlib.get_backend(),
                  "changed": changed}))
"""


def _modules() -> list[str]:
    names = [info.name for info in pkgutil.walk_packages(reglab_forecast.report.__path__,
                                                         "reglab_forecast.report.")]
    return names


def test_importing_the_report_code_leaves_matplotlib_alone() -> None:
    modules = _modules()
    assert "reglab_forecast.report.brief" in modules and "reglab_forecast.report.compare" in modules
    done = subprocess.run([sys.executable, "-c", SCRIPT, *modules], capture_output=True,
                          text=True, check=True)
    state = json.loads(done.stdout.strip().splitlines()[-1])
    assert state["after"] == state["before"] == "module://matplotlib_inline.backend_inline"
    assert state["changed"] == []
