"""Mutation testing: how many small faults seeded into a module the test suite catches.

Runs mutmut (``pip install ".[mutation]"``) on chosen modules, one at a time, each in a scratch
copy of the repository with the tests that exercise it, and prints per module the share of
mutants killed (a test failed), survived, timed out or not reached by any test::

    python benchmarks/mutation.py                      # the default modules, 10 min each
    python benchmarks/mutation.py --budget 300 reglab_forecast/sources/jsonstat.py
    python benchmarks/mutation.py --list-survivors     # also name the surviving mutants

A module's run stops at its time budget; the figures then cover the mutants tried so far
("tried" below). Slow: not part of .ci/run. ``mutmut show <name>`` in the printed scratch
folder shows a surviving mutant's diff.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Module → the tests that exercise it (the whole suite would take hours per module).
MODULES: dict[str, list[str]] = {
    "reglab_forecast/projection/intervals.py": [
        "tests/projection/test_parts.py", "tests/projection/test_method_steps.py",
        "tests/projection/test_intervals_hand.py"],
    "reglab_forecast/sources/jsonstat.py": [
        "tests/test_sources_jsonstat.py", "tests/test_sources_jsonstat_order.py",
        "tests/test_sources_jsonstat_edges.py"],
    # The worked 21-län case, not the real-data tests (a projection run per mutant).
    "reglab_forecast/report/narrative.py": [
        "tests/report/test_report_narrative.py", "tests/report/test_report_faults.py",
        "-k", "(hand_case and not pdf) or claims or names or lists or position"],
}
COPIED = ("reglab_forecast", "tests", "data", "pyproject.toml", "README.md")


@dataclass(frozen=True)
class Outcome:
    module: str
    killed: int
    survived: int
    timeout: int
    no_tests: int
    total: int
    seconds: float
    scratch: Path
    survivors: list[str]

    @property
    def tried(self) -> int:
        return self.killed + self.survived + self.timeout

    def line(self) -> str:
        share = 100 * (self.killed + self.timeout) / self.tried if self.tried else float("nan")
        return (f"{self.module:45s} killed {share:5.1f} %  ({self.killed} killed, "
                f"{self.timeout} timeout, {self.survived} survived, {self.no_tests} no test; "
                f"{self.tried} of {self.total} tried, {self.seconds:.0f} s)")


def _scratch_copy(module: str, tests: list[str]) -> Path:
    scratch = Path(tempfile.mkdtemp(prefix="reglab-mutation-"))
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, scratch / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, scratch / name)
    config = {"source_paths": ["reglab_forecast"], "only_mutate": [module],
              "also_copy": ["data"], "pytest_add_cli_args_test_selection": tests,
              "pytest_add_cli_args": ["-p", "no:cacheprovider", "-p", "no:xdist"]}
    lines = ["", "[tool.mutmut]"] + [f"{key} = {json.dumps(value)}"
                                     for key, value in config.items()]
    with (scratch / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return scratch


def _mutmut(scratch: Path, *args: str, timeout: float | None = None) -> str:
    command = [sys.executable, "-m", "mutmut", *args]
    with subprocess.Popen(command, cwd=scratch, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, start_new_session=True) as proc:
        try:
            output, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGINT)  # mutmut saves what it has on an interrupt
            try:
                output, _ = proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                output, _ = proc.communicate()
    return output or ""


def _stats(scratch: Path) -> dict[str, int]:
    _mutmut(scratch, "export-cicd-stats")
    path = scratch / "mutants" / "mutmut-cicd-stats.json"
    if not path.is_file():
        return {}
    return {k: int(v) for k, v in json.loads(path.read_text()).items()}


def _survivors(scratch: Path) -> list[str]:
    text = _mutmut(scratch, "results")
    return [line.split(":")[0].strip() for line in text.splitlines() if "survived" in line]


def run_module(module: str, budget: float, workers: int) -> Outcome:
    scratch = _scratch_copy(module, MODULES.get(module, ["tests"]))
    start = time.perf_counter()
    output = _mutmut(scratch, "run", "--max-children", str(workers), timeout=budget)
    seconds = time.perf_counter() - start
    stats = _stats(scratch)
    if not stats:
        print(output[-3000:], file=sys.stderr)
    return Outcome(module, stats.get("killed", 0), stats.get("survived", 0),
                   stats.get("timeout", 0), stats.get("no_tests", 0), stats.get("total", 0),
                   seconds, scratch, _survivors(scratch))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(MODULES),
                        help="module files relative to the repository (default: %(default)s)")
    parser.add_argument("--budget", type=float, default=600, help="seconds per module (600)")
    parser.add_argument("--workers", type=int, default=2, help="mutants run at once (2)")
    parser.add_argument("--list-survivors", action="store_true",
                        help="print the names of the surviving mutants")
    args = parser.parse_args(argv)
    if shutil.which("mutmut") is None and not _has_mutmut():
        print("mutmut saknas: pip install '.[mutation]'", file=sys.stderr)
        return 2
    for module in args.modules:
        outcome = run_module(module, args.budget, args.workers)
        print(outcome.line(), flush=True)
        if args.list_survivors:
            for name in outcome.survivors:
                print(f"    survived: {name}")
            print(f"    (mutmut show <name> in {outcome.scratch})")
    return 0


def _has_mutmut() -> bool:
    try:
        import mutmut  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
