"""One Settings object for the whole toolkit, read from ``REGLAB_*`` environment variables.

``REGLAB_CACHE_DIR``     where fetched API responses and the shared results of a run (folder
                         ``runs``, see ``report.run_cache``) are kept (default: the user cache
                         dir)
``REGLAB_RUN_CACHE``     ``0`` (or ``false``/``no``/``off``): compute every brief from scratch
                         instead of reusing the shared results of an earlier run (default on)
``REGLAB_DATA_DIR``      where ``fetch`` writes a refreshed snapshot (default: the user data dir)
``REGLAB_SNAPSHOT_DIR``  read the snapshot from this folder instead of the embedded one
``REGLAB_OFFLINE``       ``1``/``true``/``yes``/``on`` (or ``0``/``false``/``no``/``off``):
                         never touch the network, serve from the cache only
``REGLAB_TIMEOUT``       seconds one HTTP try may take in total (default 60; over 0, at most
                         3600)
``REGLAB_LANG``          language of SCB labels, ``sv`` or ``en`` (default ``sv``)
``REGLAB_SCB_URL``, ``REGLAB_JOBTECH_URL``  other base addresses (``http://`` or ``https://``)

Every variable is checked by one rule in ``_RULES`` when a command first uses it, not before:
a bad ``REGLAB_TIMEOUT`` stops ``fetch`` but not ``regions``. A bad value raises
``ConfigError`` (an ``InputError``, so exit code 2 in the CLI) naming the variable, its value
and what it may be.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from .errors import InputError

APP_NAME = "reglab_forecast"

__all__ = ["ConfigError", "Settings", "env_setting", "get_settings"]


class ConfigError(InputError):
    """A ``REGLAB_*`` environment variable with a value the toolkit cannot use."""


_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"", "0", "false", "no", "off", "nej"}


def _flag(text: str) -> bool:
    folded = text.strip().lower()
    if folded in _TRUE | _FALSE:
        return folded in _TRUE
    raise ValueError("ska vara 1 eller 0 (eller true/false, yes/no, on/off)")


def _timeout(text: str) -> float:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise ValueError("ska vara ett antal sekunder, t.ex. 60") from None
    if not math.isfinite(value) or not 0 < value <= 3600:
        raise ValueError("ska vara ett antal sekunder över 0 och högst 3600, t.ex. 60")
    return value


def _lang(text: str) -> str:
    folded = text.strip().lower()
    if folded not in {"sv", "en"}:
        raise ValueError("ska vara sv eller en")
    return folded


def _folder(text: str) -> Path:
    path = Path(text).expanduser()
    if path.exists() and not path.is_dir():
        raise ValueError("är en fil; ange en mapp")
    return path


def _url(text: str) -> str:
    value = text.strip().rstrip("/")
    if not value.startswith(("http://", "https://")) or len(value.split("://", 1)[1]) < 1:
        raise ValueError("ska vara en adress som börjar med http:// eller https://")
    return value


def _text(text: str) -> str:
    return text


# One line per setting: the variable → how its text is read and checked.
_RULES: dict[str, Callable[[str], Any]] = {
    "REGLAB_CACHE_DIR": _folder,
    "REGLAB_DATA_DIR": _folder,
    "REGLAB_SNAPSHOT_DIR": _folder,
    "REGLAB_OFFLINE": _flag,
    "REGLAB_RUN_CACHE": _flag,
    "REGLAB_TIMEOUT": _timeout,
    "REGLAB_LANG": _lang,
    "REGLAB_SCB_URL": _url,
    "REGLAB_JOBTECH_URL": _url,
    "REGLAB_JOBTECH_API_KEY": _text,
}


def env_setting(name: str, default: Any = None) -> Any:
    """The checked value of ``REGLAB_…`` variable ``name``, or ``default`` when unset or empty.

    Raises ``ConfigError`` naming the variable when its value breaks the rule in ``_RULES``.
    """
    raw = os.environ.get(name)
    if raw is None or (raw.strip() == "" and name != "REGLAB_OFFLINE"):
        return default
    try:
        return _RULES[name](raw)
    except ValueError as error:
        raise ConfigError(f"miljövariabeln {name}={raw!r} {error}") from None


@dataclass(frozen=True)
class Settings:
    """The settings, each read and checked from the environment when it is used."""

    @property
    def cache_dir(self) -> Path:
        value: Path = env_setting("REGLAB_CACHE_DIR",
                                  Path(platformdirs.user_cache_dir(APP_NAME)))
        return value

    @property
    def data_dir(self) -> Path:
        value: Path = env_setting("REGLAB_DATA_DIR", Path(platformdirs.user_data_dir(APP_NAME)))
        return value

    @property
    def snapshot_dir(self) -> Path | None:
        value: Path | None = env_setting("REGLAB_SNAPSHOT_DIR")
        return value

    @property
    def offline(self) -> bool:
        return bool(env_setting("REGLAB_OFFLINE", False))

    @property
    def run_cache(self) -> bool:
        return bool(env_setting("REGLAB_RUN_CACHE", True))

    @property
    def timeout(self) -> float:
        return float(env_setting("REGLAB_TIMEOUT", 60.0))

    @property
    def lang(self) -> str:
        return str(env_setting("REGLAB_LANG", "sv"))


def get_settings() -> Settings:
    """The settings; each is read from the environment when used (tests can change it)."""
    return Settings()
