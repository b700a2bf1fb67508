"""Reading the data snapshot: tidy parquet files plus ``MANIFEST.json``.

Where the snapshot is read from, first match wins:

1. ``REGLAB_SNAPSHOT_DIR`` (``get_settings().snapshot_dir``), which must hold a MANIFEST.json;
2. a refreshed snapshot in ``get_settings().data_dir / "snapshot"`` if it has a MANIFEST.json;
3. the snapshot packaged inside the wheel, ``reglab_forecast/_snapshot``;
4. the repository's ``data/snapshot`` (editable installs and source checkouts).

Every dataset is validated against the data contract and against its MANIFEST.json entry
(rows, years) when it is first read and then kept in memory; callers get a copy, so changing
it never changes what the next caller sees. Before the refreshed snapshot is looked for, a swap
that ``fetch`` did not finish (it was killed) is completed or undone (``recover_swap``).
"""

from __future__ import annotations

import copy
import difflib
import functools
import hashlib
import io
import json
import os
import re
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import pandas as pd

from .config import ConfigError, get_settings
from .errors import SnapshotError
from .frames import validate

MANIFEST = "MANIFEST.json"
MARKER = ".reglab-forecast.json"  # written by fetch into every snapshot it builds
NEW_PREFIX, OLD_PREFIX = ".snapshot-new-", ".snapshot-old-"
_LEFTOVER = re.compile(r"^\.snapshot-(new|old)-(\d+)$")
_REPO_SNAPSHOT = Path(__file__).resolve().parent.parent / "data" / "snapshot"
# Traversables are not typed as hashable, so the caches below are keyed by str(location).
_LOCATIONS: dict[str, Traversable] = {}
# Lookup tables built from snapshot data elsewhere (regions, occupations) register their
# cache_clear here, so clear_cache() forgets them too.
_DEPENDENT_CACHES: list[Callable[[], None]] = []


# "(uttag i some-repo, commit 1a2b3c4)": where a file was taken from, not what it is; the
# command `reglab-forecast data` shows it, outputs leave it out.
_FETCH_NOTE = re.compile(r"\s*\([^()]*\bcommit [0-9a-f]{7,40}[^()]*\)")


def plain_vintage(text: str) -> str:
    """A manifest vintage without the repository and commit it was copied from."""
    return _FETCH_NOTE.sub("", text).strip()


def _has_manifest(folder: Traversable) -> bool:
    return folder.joinpath(MANIFEST).is_file()


def snapshot_location() -> Traversable:
    """The folder the snapshot is read from (see the module docstring for the order)."""
    location = _find_location()
    _LOCATIONS[str(location)] = location
    return location


class SnapshotSettingError(SnapshotError, ConfigError):
    """``REGLAB_SNAPSHOT_DIR`` names a folder without a snapshot: a bad setting (an
    ``InputError``, exit code 2 in the CLI) as well as a missing snapshot."""


def _find_location() -> Traversable:
    settings = get_settings()
    if settings.snapshot_dir is not None:
        if not _has_manifest(settings.snapshot_dir):
            raise SnapshotSettingError(
                f"REGLAB_SNAPSHOT_DIR={settings.snapshot_dir} har ingen {MANIFEST}; "
                "peka på en mapp byggd av data/build_snapshot.py eller ta bort variabeln"
            )
        return settings.snapshot_dir
    refreshed = settings.data_dir / "snapshot"
    recover_swap(refreshed)
    if _has_manifest(refreshed):
        return refreshed
    packaged = resources.files("reglab_forecast").joinpath("_snapshot")
    if _has_manifest(packaged):
        return packaged
    if _has_manifest(_REPO_SNAPSHOT):
        return _REPO_SNAPSHOT
    raise SnapshotError(
        "hittar ingen dataögonblicksbild: paketet saknar reglab_forecast/_snapshot och "
        f"{_REPO_SNAPSHOT} finns inte; installera om paketet eller sätt REGLAB_SNAPSHOT_DIR"
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def written_here(folder: Path) -> bool:
    """True when ``folder`` is a snapshot that ``fetch`` wrote (its marker, or the manifest
    note older versions left)."""
    if (folder / MARKER).is_file():
        return True
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("refreshed_by") == "reglab-forecast fetch"


def recover_swap(target: Path) -> None:
    """Finish or undo a snapshot swap that a killed ``fetch`` left half done, and remove the
    scratch folders of processes that are no longer running (only ``.snapshot-new-<pid>`` and
    ``.snapshot-old-<pid>`` beside ``target``, only dead pids).

    With ``target`` missing, a complete new folder (its MANIFEST.json is written last) takes
    its place, else the old one goes back."""
    parent = Path(target).parent
    if not parent.is_dir():
        return
    dead: dict[str, list[Path]] = {"new": [], "old": []}
    for entry in parent.iterdir():
        match = _LEFTOVER.match(entry.name)
        if match and entry.is_dir() and not _alive(int(match.group(2))):
            dead[match.group(1)].append(entry)
    if not Path(target).exists():
        complete = [p for p in dead["new"] + dead["old"] if _has_manifest(p)]
        if complete:
            os.replace(complete[0], target)
    for leftover in dead["new"] + dead["old"]:
        shutil.rmtree(leftover, ignore_errors=True)


@functools.lru_cache(maxsize=8)
def _read_manifest(key: str) -> dict[str, Any]:
    location = _LOCATIONS[key]
    try:
        with location.joinpath(MANIFEST).open("r", encoding="utf-8") as handle:
            manifest: dict[str, Any] = json.load(handle)
    except (OSError, ValueError) as error:
        raise SnapshotError(f"kan inte läsa {MANIFEST} i {location}: {error}") from error
    if "datasets" not in manifest:
        raise SnapshotError(f"{MANIFEST} i {location} saknar 'datasets'")
    return manifest


def manifest() -> dict[str, Any]:
    """The parsed MANIFEST.json of the snapshot in use (a fresh copy)."""
    copied: dict[str, Any] = json.loads(json.dumps(_read_manifest(str(snapshot_location()))))
    return copied


def dataset_info(name: str) -> dict[str, Any]:
    """The manifest entry of one dataset; SnapshotError names the datasets that exist."""
    entries = _read_manifest(str(snapshot_location()))["datasets"]
    if name not in entries:
        close = difflib.get_close_matches(str(name), sorted(entries), n=1, cutoff=0.6)
        hint = f"; menade du '{close[0]}'?" if close else ""
        raise SnapshotError(f"ögonblicksbilden har ingen datamängd '{name}'{hint} "
                            f"(finns: {', '.join(sorted(entries))})")
    entry: dict[str, Any] = copy.deepcopy(entries[name])  # the caller's own copy
    return entry


def validate_dataset(frame: pd.DataFrame, name: str, entry: dict[str, Any]) -> None:
    """Check a dataset against its manifest entry: keys unique, cube complete where it should be."""
    keys: list[str] = list(entry["keys"])
    by = entry.get("complete_by")
    if entry.get("complete") and by:
        validate(frame, keys, name=name)
        for value, group in frame.groupby(by):
            validate(group, [k for k in keys if k != by], name=f"{name} ({by}={value})",
                     complete=True)
    else:
        validate(frame, keys, name=name, complete=bool(entry.get("complete")))


def _attrs(name: str, entry: dict[str, Any], location: Traversable) -> dict[str, Any]:
    return {
        "dataset": name,
        "source": entry.get("source", ""),
        "table_id": ", ".join(entry.get("table_ids", [])),
        "vintage": entry.get("vintage", ""),
        "licence": entry.get("licence", ""),
        "estimated": False,
        "snapshot": str(location),
    }


def as_built(key: str, entry: dict[str, Any], data: bytes) -> bool:
    """Whether ``data`` is byte for byte the file that data/build_snapshot.py validated against
    the data contract and recorded (``sha256`` in its MANIFEST.json entry), in a snapshot that
    ``fetch`` did not write. Such a file is not validated again on load (the tests validate
    every embedded dataset in full); any other file is."""
    recorded = entry.get("sha256")
    if not recorded or _read_manifest(key).get("refreshed_by"):
        return False
    if _LOCATIONS[key].joinpath(MARKER).is_file():
        return False
    return hashlib.sha256(data).hexdigest() == recorded


@functools.lru_cache(maxsize=32)
def _load(key: str, name: str) -> pd.DataFrame:
    location = _LOCATIONS[key]
    entry = _read_manifest(key)["datasets"].get(name)
    if entry is None:
        raise SnapshotError(f"ögonblicksbilden i {location} har ingen datamängd '{name}'")
    try:
        with location.joinpath(entry["file"]).open("rb") as handle:
            data = handle.read()
        frame = pd.read_parquet(io.BytesIO(data))
    except (OSError, ValueError) as error:
        raise SnapshotError(f"kan inte läsa {entry['file']} i {location}: {error}") from error
    if not as_built(key, entry, data):
        validate_dataset(frame, name, entry)
    _check_manifest(frame, name, entry, location)
    frame.attrs.update(_attrs(name, entry, location))
    return frame


def _check_manifest(frame: pd.DataFrame, name: str, entry: dict[str, Any],
                    location: Traversable) -> None:
    """SnapshotError when a dataset's file disagrees with its MANIFEST.json entry."""
    problems = []
    rows = entry.get("rows")
    if rows is not None and int(rows) != len(frame):
        problems.append(f"{len(frame)} rader men MANIFEST.json säger {rows}")
    years = entry.get("years")
    if years and "year" in frame.columns:
        found = sorted(int(y) for y in frame["year"].unique())
        if found != sorted(int(y) for y in years):
            problems.append(f"åren {_span(found)} men MANIFEST.json säger {_span(years)}")
    if problems:
        raise SnapshotError(
            f"ögonblicksbilden i {location} stämmer inte: {entry['file']} har "
            f"{' och '.join(problems)}. Bygg om den (data/build_snapshot.py eller "
            "`reglab-forecast fetch`) eller ta bort den hämtade ögonblicksbilden")


def _span(years: list[int]) -> str:
    ordered = sorted(int(y) for y in years)
    return f"{ordered[0]}–{ordered[-1]} ({len(ordered)} år)" if ordered else "inga"


def read_dataset(name: str) -> pd.DataFrame:
    """One snapshot dataset as a validated DataFrame with provenance in ``attrs``."""
    location = snapshot_location()
    dataset_info(name)  # a clear error for unknown names
    return _load(str(location), name).copy(deep=False)


def clear_cache() -> None:
    """Forget the datasets kept in memory (after the snapshot on disk has changed)."""
    _load.cache_clear()
    _read_manifest.cache_clear()
    for clear in _DEPENDENT_CACHES:
        clear()


def register_cache(clear: Callable[[], None]) -> None:
    """Have ``clear_cache()`` also call ``clear`` (a derived lookup's ``cache_clear``)."""
    _DEPENDENT_CACHES.append(clear)


def _hashable(value: Any) -> Any:
    """``value`` as a cache key: lists and tuples become tuples of keys; TypeError when a part
    cannot be hashed."""
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_hashable(v) for v in value))
    hash(value)
    return value


def keep_frames(function: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    """Decorate a loader so that each snapshot and argument list is made once per process.

    Callers get a copy (pandas copy-on-write: changing it never changes what the next caller
    sees, ``attrs`` included); ``clear_cache()`` forgets the kept frames. Arguments that cannot
    be hashed bypass the store."""
    kept: dict[Any, pd.DataFrame] = {}
    lock = threading.RLock()  # the dialog's threads may load at the same time

    @functools.wraps(function)
    def loader(*args: Any, **kwargs: Any) -> pd.DataFrame:
        try:
            key = (str(snapshot_location()), _hashable(args), _hashable(sorted(kwargs.items())))
        except TypeError:
            return function(*args, **kwargs)
        with lock:
            if key not in kept:
                if len(kept) >= 16:
                    kept.pop(next(iter(kept)))
                kept[key] = function(*args, **kwargs)
            return kept[key].copy(deep=False)

    def forget() -> None:
        with lock:
            kept.clear()

    register_cache(forget)
    return loader


@dataclass(frozen=True)
class SeriesBreak:
    """A series break in a snapshot dataset: the change from ``year - 1`` to ``year`` is partly
    a change of measurement. ``ssyk`` lists the occupations (SSYK4 codes) a partial break
    touches; empty means every occupation. ``text`` is the Swedish note."""

    year: int
    text: str
    ssyk: tuple[str, ...] = ()

    @property
    def partial(self) -> bool:
        return bool(self.ssyk)

    def applies_to(self, code: str) -> bool:
        """Whether the break touches SSYK ``code`` (any level: a group holding one touched)."""
        return not self.ssyk or any(s.startswith(code) or code.startswith(s) for s in self.ssyk)


def series_breaks(dataset: str = "employment") -> tuple[SeriesBreak, ...]:
    """The series breaks of ``dataset`` as MANIFEST.json records them, sorted by year.

    The one reader of the break years: the projection, the briefs, the CLI and the notebooks
    all take them from here. Raises ``SnapshotError`` for an unknown dataset.
    Source: the snapshot's MANIFEST.json (written by data/build_snapshot.py).
    """
    listed = dataset_info(dataset).get("series_breaks", [])
    breaks = [SeriesBreak(int(item["year"]), str(item.get("sv", "")),
                          tuple(str(code) for code in item.get("ssyk", [])))
              for item in listed]
    return tuple(sorted(breaks, key=lambda b: b.year))


def break_years(dataset: str = "employment", partial: bool = False) -> tuple[int, ...]:
    """Years of the breaks that touch every occupation (with ``partial``, all break years)."""
    return tuple(b.year for b in series_breaks(dataset) if partial or not b.partial)
