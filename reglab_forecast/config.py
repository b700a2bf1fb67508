"""One Settings object for the whole toolkit, read from ``REGLAB_*`` environment variables.

``REGLAB_CACHE_DIR``     where fetched API responses are kept (default: the user cache dir)
``REGLAB_DATA_DIR``      where ``fetch`` writes a refreshed snapshot (default: the user data dir)
``REGLAB_SNAPSHOT_DIR``  read the snapshot from this folder instead of the embedded one
``REGLAB_OFFLINE``       ``1``/``true``: never touch the network, serve from the cache only
``REGLAB_TIMEOUT``       HTTP timeout in seconds (default 60)
``REGLAB_LANG``          language of SCB labels, ``sv`` or ``en`` (default ``sv``)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "reglab_forecast"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else default


@dataclass(frozen=True)
class Settings:
    cache_dir: Path = field(default_factory=lambda: Path(platformdirs.user_cache_dir(APP_NAME)))
    data_dir: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME)))
    snapshot_dir: Path | None = None
    offline: bool = False
    timeout: float = 60.0
    lang: str = "sv"


def get_settings() -> Settings:
    """Read the settings from the environment now (not at import, so tests can change it)."""
    defaults = Settings()
    snapshot = os.environ.get("REGLAB_SNAPSHOT_DIR")
    return Settings(
        cache_dir=_env_path("REGLAB_CACHE_DIR", defaults.cache_dir),
        data_dir=_env_path("REGLAB_DATA_DIR", defaults.data_dir),
        snapshot_dir=Path(snapshot).expanduser() if snapshot else None,
        offline=_env_flag("REGLAB_OFFLINE"),
        timeout=float(os.environ.get("REGLAB_TIMEOUT", defaults.timeout)),
        lang=os.environ.get("REGLAB_LANG", defaults.lang),
    )
