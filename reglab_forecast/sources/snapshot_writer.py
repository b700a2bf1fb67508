"""Write a refreshed snapshot: merge fetched datasets into the current one, swap folders.

The new snapshot is written to a scratch folder ``.snapshot-new-<pid>`` beside the target,
MANIFEST.json last, and then swapped in by two renames: the old folder to
``.snapshot-old-<pid>``, the new one into place. A kill at any point leaves a usable snapshot
on disk: ``snapshot.recover_swap`` (run by every reader and writer) puts a complete new folder
or the old one back in place, and removes the leftovers of processes that are no longer
running (only these names, only dead pids). A target folder that is not a snapshot this
toolkit wrote is never touched.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import snapshot
from ..errors import OutputPathError, SnapshotError
from ..files import atomic_path, write_bytes_atomic

if TYPE_CHECKING:
    from .refresh import Fetched

MANIFEST = "MANIFEST.json"


def _base_location(target: Path) -> Traversable:
    if (target / MANIFEST).is_file():
        return target
    return snapshot.snapshot_location()


def _read_manifest(base: Traversable) -> dict[str, Any]:
    try:
        with base.joinpath(MANIFEST).open("r", encoding="utf-8") as handle:
            manifest: dict[str, Any] = json.load(handle)
    except (OSError, ValueError) as error:
        raise SnapshotError(f"kan inte läsa {MANIFEST} i {base}: {error}") from error
    return manifest


def _read_frame(base: Traversable, entry: dict[str, Any]) -> pd.DataFrame:
    with base.joinpath(entry["file"]).open("rb") as handle:
        return pd.read_parquet(handle)


def merge(old: pd.DataFrame | None, new: pd.DataFrame, how: str, keys: list[str]) -> pd.DataFrame:
    """``replace``: the new frame. ``replace_years``: new years from ``new``, the rest old."""
    if old is None or how == "replace":
        return new
    if how != "replace_years":
        raise SnapshotError(f"okänt sätt att slå ihop: {how!r}")
    kept = old[~old["year"].isin(set(new["year"]))]
    kept = kept[[c for c in new.columns if c in kept.columns]]
    merged = pd.concat([kept, new[kept.columns]], ignore_index=True)
    return merged.sort_values(keys, ignore_index=True)


def _entry(old: dict[str, Any], fetched: Fetched, frame: pd.DataFrame) -> dict[str, Any]:
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    new_years = sorted(int(y) for y in fetched.frame["year"].unique()) \
        if "year" in fetched.frame.columns else []
    updated = (fetched.updated or "")[:10]
    vintage = f"{fetched.table_id} ({fetched.label}), " + (
        f"uppdaterad {updated}, " if updated else "") + f"hämtad {now[:10]}"
    entry = dict(old)
    entry.pop("sha256", None)  # the build's record of its own file; this one is fetched
    if fetched.spec.merge == "replace_years" and old.get("vintage") and new_years:
        vintage += f"; år före {new_years[0]}: {old['vintage']}"
        entry["table_ids"] = [*old.get("table_ids", []), fetched.table_id]
    else:
        entry["table_ids"] = [fetched.table_id]
    entry.update({
        "file": old.get("file", f"{fetched.spec.dataset}.parquet"),
        "vintage": vintage,
        "rows": len(frame),
        "columns": {c: str(frame[c].dtype) for c in frame.columns},
        "dimensions": {k: int(frame[k].nunique()) for k in entry.get("keys", [])},
        "refreshed": {"at": now, "url": fetched.url, "table_id": fetched.table_id,
                      "table_updated": fetched.updated, "years": new_years},
        "origins": [*old.get("origins", []), {"url": fetched.url, "fetched_at": now}],
    })
    if "year" in frame.columns:
        entry["years"] = sorted(int(y) for y in frame["year"].unique())
    return entry


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    with atomic_path(path) as temporary:
        frame.to_parquet(temporary, index=False, compression="zstd")


def _write_all(base: Traversable, manifest: dict[str, Any], fetched: list[Fetched],
               scratch: Path) -> dict[str, Any]:
    by_dataset = {f.spec.dataset: f for f in fetched}
    entries = dict(manifest["datasets"])
    for name, entry in manifest["datasets"].items():
        if name in by_dataset:
            continue
        with base.joinpath(entry["file"]).open("rb") as source, \
                (scratch / entry["file"]).open("wb") as target:
            shutil.copyfileobj(source, target)
    for name, item in by_dataset.items():
        old_entry = entries.get(name, {"keys": [c for c in item.frame.columns
                                                if c not in ("employed", "population", "ads")]})
        old = _read_frame(base, old_entry) if "file" in old_entry else None
        frame = merge(old, item.frame, item.spec.merge, list(old_entry["keys"]))
        snapshot.validate_dataset(frame, name, old_entry)
        entry = _entry(old_entry, item, frame)
        _write_parquet(frame, scratch / entry["file"])
        entries[name] = entry
    return {**manifest, "datasets": entries, "refreshed_at": time.strftime(
        "%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "refreshed_by": "reglab-forecast fetch"}


def check_target(target: Path, option: str = "--data-dir") -> None:
    """``OutputPathError`` unless ``target`` is missing or a snapshot this toolkit wrote."""
    snapshot.recover_swap(target)
    if not target.exists() or snapshot.written_here(target):
        return
    if target.is_dir() and not any(target.iterdir()):
        return
    raise OutputPathError(
        f"{option} {target.parent}: {target} finns redan och är inte en ögonblicksbild som "
        "reglab-forecast skrev; flytta mappen eller ange en annan --data-dir")


def rebuild(fetched: list[Fetched], target: Path) -> Path:
    """Write the refreshed snapshot to ``target`` (replacing it whole) and return it."""
    check_target(target)
    base = _base_location(target)
    manifest = _read_manifest(base)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.parent / f"{snapshot.NEW_PREFIX}{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    try:
        new_manifest = _write_all(base, manifest, fetched, scratch)
        _mark(scratch)
        write_bytes_atomic(scratch / MANIFEST, (json.dumps(new_manifest, ensure_ascii=False,
                                                     indent=2) + "\n").encode("utf-8"))
        _swap(scratch, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    with contextlib.suppress(AttributeError):
        snapshot.clear_cache()
    return target


def _mark(folder: Path) -> None:
    """The marker that says this folder is a snapshot written by ``fetch``."""
    write_bytes_atomic(folder / snapshot.MARKER, b'{"written_by": "reglab-forecast fetch"}\n')


def _swap(new: Path, target: Path) -> None:
    """Two renames; ``snapshot.recover_swap`` finishes or undoes them after a kill."""
    old = target.parent / f"{snapshot.OLD_PREFIX}{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
