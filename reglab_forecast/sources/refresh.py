"""``reglab-forecast fetch``: download the catalogue's tables and rebuild the snapshot.

1. Each requested table is fetched through the clients (so it lands in the disk cache; in
   offline mode it is read from there) and converted to the snapshot's tidy schema.
2. A new snapshot is written next to the old one in ``<data_dir>/snapshot``: refreshed
   datasets are merged into the current snapshot's (``replace`` or ``replace_years``), the
   rest are copied unchanged, and MANIFEST.json gets new rows, years and vintages.
3. The new folder replaces the old one only when everything was written, so a failed run
   leaves the previous snapshot as it was. The snapshot loader prefers this folder.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..config import get_settings
from ..errors import RateLimitError, ReglabError, ServerError, SourceError
from . import snapshot_writer, tidy
from .catalogue import Catalogue, TableSpec, load_catalogue
from .http import RetryPolicy
from .jobtech import JobTechClient
from .scb import ScbClient


@dataclass
class Fetched:
    """One refreshed dataset and where it came from."""

    spec: TableSpec
    frame: pd.DataFrame
    table_id: str
    label: str
    updated: str | None
    url: str


@dataclass
class FetchResult:
    snapshot_dir: Path | None
    fetched: list[Fetched] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    resolved: dict[str, str] = field(default_factory=dict)  # catalogue key -> table id

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class Clients:
    scb: ScbClient
    jobtech: JobTechClient

    def close(self) -> None:
        self.scb.close()
        self.jobtech.close()


def find_table_id(scb: ScbClient, spec: TableSpec) -> str:
    """The newest non-discontinued table whose label matches the catalogue's pattern."""
    if spec.table_id:
        return spec.table_id
    hits = scb.search(spec.search)
    pattern = re.compile(spec.label_pattern)
    usable = hits[hits["label"].fillna("").map(lambda text: bool(pattern.search(text)))
                  & ~hits["discontinued"].fillna(False).astype(bool)]
    if usable.empty:
        raise SourceError(
            f"Hittade ingen SCB-tabell för {spec.key!r}: sökningen {spec.search!r} gav "
            f"{len(hits)} träffar men ingen vars namn matchar {spec.label_pattern!r}. "
            f"Ange tabellen själv: reglab-forecast fetch --table-id {spec.key}=TAB…"
        )
    return str(usable.sort_values("updated", ascending=False)["id"].iloc[0])


def _scb_table(clients: Clients, spec: TableSpec, table_id: str) -> Fetched:
    frame = clients.scb.data(table_id, spec.selection, spec.codelists or None)
    convert: dict[str, Callable[[pd.DataFrame, str], pd.DataFrame]] = {
        "employment": tidy.employment, "age_profile": tidy.age_profile,
        "population": tidy.population}
    tidied = convert[spec.dataset](frame, table_id) if spec.dataset in convert else frame
    return Fetched(spec, tidied, table_id, str(frame.attrs.get("label", "")),
                   frame.attrs.get("vintage"), f"{clients.scb.base_url}/tables/{table_id}/data")


def _ads(clients: Clients, spec: TableSpec) -> pd.DataFrame:
    groups = clients.jobtech.ssyk_hierarchy()
    level4 = groups[groups["level"] == 4]
    ssyk = dict(zip(level4["ssyk"], level4["concept_id"], strict=True))
    regions = clients.jobtech.regions()
    lan = dict(zip(regions["region"], regions["concept_id"], strict=True))
    periods = [str(year) for year in spec.years]
    return tidy.ads(clients.jobtech.ads_counts(ssyk, lan, periods))


def _jobtech_table(clients: Clients, spec: TableSpec) -> Fetched:
    if spec.dataset == "af_outlook":
        frame = tidy.af_outlook(clients.jobtech.yrkesprognos())
    elif spec.dataset == "ads":
        frame = _ads(clients, spec)
    else:
        raise SourceError(f"Katalogen: ingen omvandling för JobTech-datamängden {spec.dataset}")
    url = clients.jobtech.spec.endpoint(spec.endpoint)
    return Fetched(spec, frame, spec.endpoint, spec.title, None, url)


def fetch_table(clients: Clients, spec: TableSpec, table_id: str = "") -> Fetched:
    if spec.source == "scb":
        return _scb_table(clients, spec, table_id or find_table_id(clients.scb, spec))
    return _jobtech_table(clients, spec)


def _open_clients(cache_dir: Path | None, offline: bool | None, scb_url: str | None,
                  progress: bool, retry: RetryPolicy | None) -> Clients:
    catalogue: Catalogue = load_catalogue()
    scb = ScbClient(scb_url or catalogue.source("scb").url, cache_dir=cache_dir,
                    offline=offline, progress=progress, retry=retry)
    jobtech = JobTechClient(cache_dir=cache_dir, offline=offline, progress=progress,
                            retry=retry)
    return Clients(scb, jobtech)


def _fetch_all(clients: Clients, specs: list[TableSpec], table_ids: dict[str, str],
               result: FetchResult, report: Callable[[str], Any]) -> None:
    """Fetch each table; once a source stops answering, skip its remaining tables."""
    down: dict[str, str] = {}
    for spec in specs:
        started = time.perf_counter()
        if spec.source in down:
            result.failed[spec.key] = f"hoppades över: {down[spec.source]}"
            report(f"  {spec.key:<18} hoppades över ({spec.source} svarar inte)")
            continue
        try:
            fetched = fetch_table(clients, spec, table_ids.get(spec.key, ""))
        except ReglabError as error:
            if isinstance(error, ServerError | RateLimitError):
                down[spec.source] = str(error)
            result.failed[spec.key] = str(error)
            report(f"  {spec.key:<18} misslyckades: {error}")
            continue
        result.fetched.append(fetched)
        result.resolved[spec.key] = fetched.table_id
        report(f"  {spec.key:<18} {fetched.table_id:<12} {len(fetched.frame):>9} rader  "
               f"{time.perf_counter() - started:5.1f} s")


def fetch(
    tables: list[str] | None = None,
    *,
    data_dir: Path | None = None,
    cache_dir: Path | None = None,
    offline: bool | None = None,
    scb_url: str | None = None,
    table_ids: dict[str, str] | None = None,
    progress: bool = True,
    retry: RetryPolicy | None = None,
    report: Callable[[str], Any] = print,
) -> FetchResult:
    """Fetch ``tables`` (default: the catalogue's defaults) and rebuild the snapshot."""
    catalogue = load_catalogue()
    specs = [catalogue.table(t) for t in tables] if tables else catalogue.defaults()
    target = (data_dir or get_settings().data_dir) / "snapshot"
    snapshot_writer.check_target(target)  # a folder we did not write: refused before fetching
    result = FetchResult(snapshot_dir=None)
    clients = _open_clients(cache_dir, offline, scb_url, progress, retry)
    try:
        _fetch_all(clients, specs, table_ids or {}, result, report)
    finally:
        clients.close()
    refreshable = [f for f in result.fetched if f.spec.dataset]
    if refreshable:
        result.snapshot_dir = snapshot_writer.rebuild(refreshable, target)
    return result

