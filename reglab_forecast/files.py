"""Writing files so that a failure never leaves a half-written file behind.

Everything the toolkit writes (cache entries, snapshots, PDFs, tables, calibrations) goes to a
temporary file in the target's own folder first and is renamed into place only when complete:
a rename within one file system is atomic, so readers see the old file or the new one, never
a torn one. A full disk, a cut connection or an exception midway removes the temporary file.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(path: str | os.PathLike[str], mode: int = 0o644) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it onto ``path`` when the block succeeds."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, mode)  # mkstemp makes 0600 files; outputs are for people to read
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)
    return Path(path)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_json_atomic(path: str | os.PathLike[str], data: object) -> Path:
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return write_text_atomic(path, text)


def build_dir_atomic(path: str | os.PathLike[str], fill: Callable[[Path], object]) -> Path:
    """Build a folder in a temporary sibling with ``fill(folder)``, then move it into place."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        fill(temporary)
        os.chmod(temporary, 0o755)  # mkdtemp makes 0700 folders; outputs are for people to read
        if target.exists():
            shutil.rmtree(target)
        os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return target
