"""Where the backtest's results live: next to the snapshot they were computed from.

The package ships ``calibration.json`` and ``quality_declaration.json`` for the embedded
snapshot (in this folder). A refreshed snapshot (``reglab-forecast fetch`` into the data
folder, or ``REGLAB_SNAPSHOT_DIR``) gets its own, written next to it by
``reglab-forecast backtest --save``; until then the packaged ones are used.
"""

from __future__ import annotations

from pathlib import Path

from ..config import get_settings

PACKAGE_DIR = Path(__file__).parent
CALIBRATION = "calibration.json"
DECLARATION = "quality_declaration.json"


def _own_snapshot_dir() -> Path | None:
    """The refreshed or user-chosen snapshot folder, or None for the embedded snapshot."""
    settings = get_settings()
    if settings.snapshot_dir is not None:
        return Path(settings.snapshot_dir)
    refreshed = Path(settings.data_dir) / "snapshot"
    return refreshed if (refreshed / "MANIFEST.json").is_file() else None


def read_path(name: str) -> Path:
    """The stored file to read: next to a refreshed snapshot if there is one, else packaged."""
    folder = _own_snapshot_dir()
    if folder is not None and (folder / name).is_file():
        return folder / name
    return PACKAGE_DIR / name


def save_path(name: str) -> Path:
    """Where ``backtest --save`` writes: next to the snapshot in use."""
    folder = _own_snapshot_dir()
    return PACKAGE_DIR / name if folder is None else folder / name
