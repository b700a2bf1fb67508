"""Shared pieces of the snapshot build: raw-file provenance, json-stat2 parsing, writing."""

from __future__ import annotations

import itertools
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class Origin:
    """Where a raw file came from: the public repository, commit and path it was copied from."""

    local: str  # path relative to the raw folder
    repository: str
    commit: str
    path: str
    licence: str

    def as_dict(self) -> dict[str, str]:
        return {
            "file": self.local,
            "repository": f"https://github.com/{self.repository}",
            "commit": self.commit,
            "path": self.path,
            "licence": self.licence,
        }


@dataclass
class Dataset:
    """One snapshot dataset: the frame plus everything the manifest says about it."""

    name: str
    frame: pd.DataFrame
    title: str
    description: str
    keys: list[str]
    origins: list[Origin]
    table_ids: list[str]
    licence: str
    vintage: str
    complete: bool = False
    complete_by: str | None = None  # complete within each value of this column only
    source: str = "SCB"
    breaks: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checks: dict[str, Any] = field(default_factory=dict)

    def manifest_entry(self) -> dict[str, Any]:
        frame = self.frame
        entry: dict[str, Any] = {
            "file": f"{self.name}.parquet",
            "title": self.title,
            "description": self.description,
            "columns": {c: str(frame[c].dtype) for c in frame.columns},
            "keys": self.keys,
            "complete": self.complete,
            "complete_by": self.complete_by,
            "source": self.source,
            "rows": len(frame),
            "dimensions": {k: int(frame[k].nunique()) for k in self.keys},
            "table_ids": self.table_ids,
            "origins": [o.as_dict() for o in self.origins],
            "licence": self.licence,
            "vintage": self.vintage,
            "series_breaks": self.breaks,
            "notes": self.notes,
            "checks": self.checks,
        }
        if "year" in frame.columns:
            entry["years"] = sorted(int(y) for y in frame["year"].unique())
        return entry


def read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def jsonstat_frame(doc: dict[str, Any], value_name: str = "value") -> pd.DataFrame:
    """Flatten a json-stat2 dataset into a long frame with one code column per dimension."""
    ids: list[str] = doc["id"]
    codes = []
    for dim in ids:
        index = doc["dimension"][dim]["category"]["index"]
        ordered = sorted(index, key=index.__getitem__) if isinstance(index, dict) else index
        codes.append(ordered)
    rows = list(itertools.product(*codes))
    frame = pd.DataFrame(rows, columns=ids)
    values = doc["value"]
    if isinstance(values, dict):  # sparse form: {"position": value}
        dense: list[Any] = [None] * len(rows)
        for position, value in values.items():
            dense[int(position)] = value
        values = dense
    frame[value_name] = pd.array(values, dtype="Float64")
    return frame


def jsonstat_labels(doc: dict[str, Any], dim: str) -> dict[str, str]:
    return dict(doc["dimension"][dim]["category"]["label"])


def write_parquet(frame: pd.DataFrame, target: Path) -> None:
    """Write atomically so a failed build never leaves a half-written file behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(handle)
    try:
        frame.to_parquet(temp, index=False, compression="zstd")
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def write_json(doc: Any, target: Path) -> None:
    handle, temp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(doc, out, ensure_ascii=False, indent=2, sort_keys=False)
        out.write("\n")
    os.chmod(temp, 0o644)
    os.replace(temp, target)


def require(condition: bool, message: str) -> None:
    """A build-time check against the raw files: stop the build when it fails."""
    if not condition:
        raise SystemExit(f"build_snapshot: check failed: {message}")
