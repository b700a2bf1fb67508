"""The on-disk store of fetched responses: the recorder that lets everything run offline.

Layout: ``<root>/<source>/<table>/<lang>/<sha256>.json`` holds the response body exactly as the
server sent it, and ``<sha256>.meta.json`` next to it holds the sidecar (url, request body,
fetch time, the table's ``updated``). The key is the sha256 of the canonical (sorted, compact)
JSON of the request, so the same selection always finds the same file.

Both files are written to a temporary file first and then renamed into place, so a reader
never sees half a file. An entry whose body or sidecar does not parse is removed and counts as
a miss: the caller fetches it again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import write_bytes_atomic

_UNSAFE = re.compile(r"[^0-9A-Za-z_.\-åäöÅÄÖ]")


def canonical_json(value: Any) -> str:
    """The one text form of a request: sorted keys, no spaces, non-ASCII kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def cache_key(request: Any) -> str:
    return hashlib.sha256(canonical_json(request).encode("utf-8")).hexdigest()


def _safe(part: str) -> str:
    return _UNSAFE.sub("_", part) or "_"


@dataclass(frozen=True)
class CacheEntry:
    body: Any
    raw: bytes
    meta: dict[str, Any]

    @property
    def age_seconds(self) -> float:
        return time.time() - float(self.meta.get("fetched_at_epoch", 0.0))


class DiskCache:
    """Responses on disk, keyed by source, table, language and the canonical request."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, source: str, table: str, lang: str, key: str) -> Path:
        return self.root / _safe(source) / _safe(table) / _safe(lang) / f"{key}.json"

    @staticmethod
    def _meta_path(path: Path) -> Path:
        return path.with_suffix(".meta.json")

    def get(self, path: Path) -> CacheEntry | None:
        """The entry at ``path``, or None when missing or broken (a broken one is removed)."""
        meta_path = self._meta_path(path)
        if not path.exists() or not meta_path.exists():
            return None
        try:
            raw = path.read_bytes()
            body = json.loads(raw)
            meta = json.loads(meta_path.read_bytes())
            if not isinstance(meta, dict):
                raise ValueError("sidecar is not an object")
        except (OSError, ValueError):
            self.discard(path)
            return None
        return CacheEntry(body=body, raw=raw, meta=meta)

    def put(self, path: Path, raw: bytes, meta: dict[str, Any]) -> None:
        """Store a body and its sidecar; the sidecar goes last so a reader never pairs a new
        sidecar with an old body."""
        stamped = {
            **meta,
            "fetched_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "fetched_at_epoch": time.time(),
        }
        write_bytes_atomic(path, raw)
        write_bytes_atomic(self._meta_path(path), canonical_json(stamped).encode("utf-8"))

    def discard(self, path: Path) -> None:
        for candidate in (path, self._meta_path(path)):
            with contextlib.suppress(OSError):
                candidate.unlink()
