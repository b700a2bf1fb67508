"""The source catalogue (``catalogue.toml``): URLs, limits, citations and the tables used.

    from reglab_forecast.sources.catalogue import load_catalogue
    cat = load_catalogue()
    cat.table("employment").selection

Base URLs can be pointed elsewhere (a mirror, a test server) with the environment variable
each source names in ``url_env`` (``REGLAB_SCB_URL``, ``REGLAB_JOBTECH_URL``). For JobTech,
whose endpoints live on several hosts, an override URL ``U`` maps an endpoint
``https://host/path`` to ``U/host/path``.
"""

from __future__ import annotations

import functools
import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from ..config import env_setting
from ..errors import InputError
from .split import _nearest


@dataclass(frozen=True)
class SourceSpec:
    key: str
    name: str
    base_url: str
    citation: str
    licence: str
    languages: list[str]
    default_limits: dict[str, int]
    url_env: str = ""
    endpoints: dict[str, str] = field(default_factory=dict)
    api_key_env: str = ""
    api_key_header: str = ""
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        """The base URL in use: the environment override or the catalogue's."""
        return str(self._override() or self.base_url).rstrip("/")

    def _override(self) -> str | None:
        """The checked ``REGLAB_*_URL`` override (``ConfigError`` when it is no address)."""
        if not self.url_env:
            return None
        value = env_setting(self.url_env) if self.url_env.startswith("REGLAB_") else \
            os.environ.get(self.url_env)
        return str(value) if value else None

    def endpoint(self, name: str) -> str:
        """An endpoint URL; with an override ``U``, ``https://host/path`` → ``U/host/path``."""
        url = self.endpoints[name]
        override = self._override()
        if not override:
            return url
        parts = urlsplit(url)
        return f"{override.rstrip('/')}/{parts.netloc}{parts.path}"

    @property
    def api_key(self) -> str | None:
        return os.environ.get(self.api_key_env) or None if self.api_key_env else None


@dataclass(frozen=True)
class TableSpec:
    key: str
    source: str
    dataset: str
    title: str
    default: bool = False
    table_id: str = ""
    search: str = ""
    label_pattern: str = ""
    selection: dict[str, list[str] | str] = field(default_factory=dict)
    codelists: dict[str, str] = field(default_factory=dict)
    merge: str = "replace"
    endpoint: str = ""
    family: str = ""
    years: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Catalogue:
    sources: dict[str, SourceSpec]
    tables: dict[str, TableSpec]

    def source(self, key: str) -> SourceSpec:
        return self.sources[key]

    def table(self, key: str) -> TableSpec:
        if key not in self.tables:
            raise InputError(f"Okänd tabell {key!r} i katalogen; finns: "
                             f"{', '.join(self.tables)}.{_nearest(key, list(self.tables))}")
        return self.tables[key]

    def defaults(self) -> list[TableSpec]:
        return [t for t in self.tables.values() if t.default]


def _source(key: str, raw: dict[str, Any]) -> SourceSpec:
    return SourceSpec(
        key=key, name=raw["name"], base_url=raw["base_url"], citation=raw["citation"],
        licence=raw["licence"], languages=list(raw.get("languages", [])),
        default_limits=dict(raw.get("default_limits", {})), url_env=raw.get("url_env", ""),
        endpoints=dict(raw.get("endpoints", {})), api_key_env=raw.get("api_key_env", ""),
        api_key_header=raw.get("api_key_header", ""), raw=raw,
    )


def parse_catalogue(raw: dict[str, Any]) -> Catalogue:
    sources = {key: _source(key, raw[key]) for key in ("scb", "jobtech")}
    tables = {}
    for key, spec in raw.get("tables", {}).items():
        if spec["source"] not in sources:
            raise ValueError(f"catalogue: table {key} names unknown source {spec['source']}")
        tables[key] = TableSpec(key=key, **spec)
    return Catalogue(sources=sources, tables=tables)


@functools.cache
def load_catalogue() -> Catalogue:
    """The packaged catalogue, parsed once."""
    text = resources.files("reglab_forecast.sources").joinpath("catalogue.toml").read_text(
        encoding="utf-8")
    return parse_catalogue(tomllib.loads(text))
