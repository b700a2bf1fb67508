"""A run's shared results, kept between processes: the second brief starts where the first ended.

Most of a brief's time goes to what is the same for every län of a run: reading and checking
the snapshot, the projection of every län × SSYK4, the län × SSYK4 cells, the population
projection with labour supply and balance, and the education outlook. :func:`shared_run`
makes them once and keeps them as one file in the cache folder (``REGLAB_CACHE_DIR``, folder
``runs``); the next brief, table package, comparison or occupation profile of the same run
reads that file instead of computing again. The outputs are the same either way (tested).

An entry is found by a key that changes with everything that could change its contents: the
bytes of every file of the package (code, templates, shipped scenarios, embedded snapshot), the
bytes of the snapshot actually read (a fetched one or ``REGLAB_SNAPSHOT_DIR``), the bytes of
the scenario file, ``REGLAB_LANG``, and the versions of Python, numpy, pandas and pyarrow.
Nothing is ever recomputed from a stale entry: a changed input is a new key.

Entries are written atomically with a sha256 of their contents in a header; an entry that is
damaged, cut short or unreadable is computed again and replaced. A cache folder that cannot be
written (read-only, full disk) only costs time: the output is written as usual. The newest
:data:`KEEP` entries are kept; only files named ``run-<key>.pickle`` in that folder that start
with the entries' header (the ones written here) are ever removed. ``REGLAB_RUN_CACHE=0``
turns the cache off.

The entries are Python pickles, read only from the user's own cache folder: point
``REGLAB_CACHE_DIR`` at a folder only you can write.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import platform
import sys
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

import pandas as pd

from ..config import get_settings
from ..errors import OutputWriteError
from ..files import write_bytes_atomic
from .cells import RIKET, build_cells
from .context import BriefContext
from .inputs import ReportInputs, load_inputs

__all__ = ["KEEP", "SharedRun", "cache_folder", "compute", "read_entry", "run_key", "shared_run",
           "write_entry"]

KEEP = 3  # entries kept; one is about 55 MB
MAGIC = b"reglab-forecast run 1\n"


@dataclass(frozen=True)
class SharedRun:
    """The shared results of one run: ``inputs`` (with ``extras`` holding the education outlook
    of every län and the population side), the län × SSYK4 ``cells``, and ``path``, the file
    that holds them (None when the cache is off or could not be written)."""

    inputs: ReportInputs
    cells: pd.DataFrame
    path: Path | None = None


def cache_folder() -> Path | None:
    """``REGLAB_CACHE_DIR/runs``, or None when ``REGLAB_RUN_CACHE=0`` turns the cache off.
    Raises ConfigError for a bad value of either variable."""
    settings = get_settings()
    return settings.cache_dir / "runs" if settings.run_cache else None


def shared_run(scenario: str | Path | None = None) -> SharedRun:
    """The shared results of the run with ``scenario`` (a TOML path or a shipped example's
    name; None: the base scenario), from the cache when it holds them, else computed and
    stored. Raises what ``load_inputs`` raises (``ScenarioError``, ``SnapshotError``)."""
    folder = cache_folder()
    if folder is None:
        inputs, cells = compute(scenario)
        return SharedRun(inputs, cells)
    path = folder / f"run-{run_key(scenario)}.pickle"
    kept = read_entry(path)
    if kept is not None:
        return SharedRun(*kept, path=path)
    inputs, cells = compute(scenario)
    stored = _store(path, inputs, cells)
    return SharedRun(inputs, cells, path if stored else None)


def compute(scenario: str | Path | None) -> tuple[ReportInputs, pd.DataFrame]:
    """Load, project and prepare everything a run shares (what the cache keeps)."""
    from .population_side import run_population_side
    from .sections.utbildning import outlook_for

    inputs = load_inputs(scenario)
    cells = build_cells(inputs)
    outlook_for(BriefContext(inputs, RIKET, cells))  # every län's, kept in inputs.extras
    run_population_side(inputs)
    return inputs, cells


def read_entry(path: Path) -> tuple[ReportInputs, pd.DataFrame] | None:
    """The run kept in ``path``; None when it is missing, damaged or not one of ours."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = len(MAGIC) + 32
    if not data.startswith(MAGIC) or hashlib.sha256(data[header:]).digest() != data[
            len(MAGIC):header]:
        return None
    try:
        inputs, cells = pickle.loads(data[header:])
    except Exception:  # noqa: BLE001  (any unreadable entry is simply computed again)
        return None
    if not isinstance(inputs, ReportInputs) or not isinstance(cells, pd.DataFrame):
        return None
    _touch(path)
    return inputs, cells


def write_entry(path: Path, inputs: ReportInputs, cells: pd.DataFrame) -> Path:
    """Write a run to ``path`` atomically, in the form :func:`read_entry` reads. Raises
    OutputWriteError when the folder cannot be written."""
    payload = pickle.dumps((inputs, cells), protocol=pickle.HIGHEST_PROTOCOL)
    return write_bytes_atomic(path, MAGIC + hashlib.sha256(payload).digest() + payload)


def _store(path: Path, inputs: ReportInputs, cells: pd.DataFrame) -> bool:
    """Write the entry and prune old ones; False when the folder cannot be written."""
    try:
        write_entry(path, inputs, cells)
    except OutputWriteError:
        return False
    _prune(path.parent, keep=path)
    return True


def _touch(path: Path) -> None:
    """Mark an entry as just used, so pruning keeps it (a read-only folder is fine)."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the newest :data:`KEEP` entries written here: files named
    ``run-<64 hex>.pickle`` that start with this module's header. Anything else is left alone."""
    entries = [p for p in folder.glob("run-*.pickle") if _is_entry_name(p.name) and _ours(p)]
    try:
        entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in entries[KEEP:]:
        if old != keep:
            old.unlink(missing_ok=True)


def _ours(path: Path) -> bool:
    """Whether ``path`` is a file that starts with the entries' header (a folder or an
    unreadable file is not)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _is_entry_name(name: str) -> bool:
    key = name.removeprefix("run-").removesuffix(".pickle")
    return len(key) == 64 and all(c in "0123456789abcdef" for c in key)


def run_key(scenario: str | Path | None = None) -> str:
    """The cache key of a run (64 hex digits): see the module docstring for what it covers."""
    from ..projection.scenario import scenario_file
    from ..snapshot import snapshot_location

    digest = hashlib.sha256()
    for part in (package_digest(), _tree_digest(snapshot_location()), _versions(),
                 os.environ.get("REGLAB_LANG", "")):
        digest.update(part.encode() + b"\0")
    scenario_path = scenario_file(scenario)
    digest.update(scenario_path.read_bytes() if scenario_path is not None else b"base")
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def package_digest() -> str:
    """sha256 of the names and bytes of every file of the installed package (code, templates,
    scenarios, embedded snapshot); computed once per process."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _tree_digest(folder: Traversable) -> str:
    """sha256 of the names and bytes of the files in a snapshot folder (and its sub-folders)."""
    digest = hashlib.sha256()
    for name, data in sorted(_files(folder, "")):
        digest.update(name.encode() + b"\0" + data)
    return digest.hexdigest()


def _files(folder: Traversable, prefix: str) -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for item in folder.iterdir():
        if item.is_dir():
            found += _files(item, f"{prefix}{item.name}/")
        elif item.is_file():
            found.append((prefix + item.name, item.read_bytes()))
    return found


def _versions() -> str:
    import numpy
    import pyarrow

    return " ".join((sys.version, platform.machine(), numpy.__version__, pd.__version__,
                     pyarrow.__version__))
