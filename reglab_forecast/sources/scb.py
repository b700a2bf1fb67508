"""SCB's statistical database through PxWebApi 2.0: config, search, metadata, data → frame.

    from reglab_forecast.sources.scb import ScbClient
    scb = ScbClient()
    frame = scb.data("TAB4442", {"Yrke2012": "*", "Alder": "*", "Tid": "TOP(5)"})  # newest 5

The client reads the server's own limits from ``/config`` (cells per call, calls per time
window), expands the selection against the table's metadata, splits it into the fewest calls
that fit, runs them through the shared limiter, and returns one row per cell: a column per
variable with its value codes (str), a ``<variable>_name`` label column, and ``value`` (float,
missing = NaN). Every response is kept in the disk cache; offline mode serves only from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from ..errors import InputError, OfflineCacheMiss, ResponseError
from .http import (
    ClientStatusError,
    Request,
    RetryPolicy,
    SlidingWindowLimiter,
    Transport,
    offline_miss,
)
from .jsonstat import (
    category_codes,
    cell_statuses,
    cell_values,
    check_dataset,
    check_metadata,
    cube_frame,
    labels_of,
    positions,
)
from .split import Selection, _nearest, count_cells, expand_values, split_selection

DEFAULT_BASE_URL = "https://statistikdatabasen.scb.se/api/v2"
CONFIG_MAX_AGE = 24 * 3600.0
METADATA_MAX_AGE = 3600.0
SEARCH_MAX_AGE = 24 * 3600.0
_MAX_RESPLITS = 8  # how often a refused chunk may be halved again


@dataclass(frozen=True)
class Variable:
    code: str
    label: str
    values: list[str]
    labels: dict[str, str]
    elimination: bool
    role: str = ""  # "time", "metric" or ""
    codelists: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TableMetadata:
    table_id: str
    label: str
    updated: str | None
    variables: list[Variable]
    raw: dict[str, Any]

    def variable(self, code: str) -> Variable:
        for variable in self.variables:
            if variable.code == code:
                return variable
        names = [v.code for v in self.variables]
        raise InputError(
            f"Tabellen {self.table_id} har ingen variabel {code!r}; den har {names}."
            f"{_nearest(code, names)}"
        )

    @property
    def keep_whole(self) -> list[str]:
        """Content and time: split these last, so each call holds whole series."""
        return [v.code for v in self.variables if v.role in {"time", "metric"}]


def _parse_metadata(table_id: str, raw: dict[str, Any]) -> TableMetadata:
    roles = {code: role for role, codes in (raw.get("role") or {}).items() for code in codes}
    variables = []
    for code in raw.get("id", []):
        dimension = raw["dimension"][code]
        extension = dimension.get("extension") or {}
        variables.append(Variable(
            code=code, label=str(dimension.get("label", code)),
            values=category_codes(dimension),
            labels={str(k): str(v) for k, v in dimension["category"].get("label", {}).items()},
            elimination=bool(extension.get("elimination", False)),
            role=roles.get(code, ""),
            codelists=[c["id"] for c in extension.get("codelists") or [] if "id" in c],
        ))
    return TableMetadata(table_id=table_id, label=str(raw.get("label", "")),
                         updated=raw.get("updated"), variables=variables, raw=raw)


def _check_config(raw: Any) -> None:
    """Raise ``ResponseError`` unless ``raw`` is a /config answer with usable limits."""
    if not isinstance(raw, dict):
        raise ResponseError("SCB /config: svaret är inte ett JSON-objekt")
    for key in ("maxDataCells", "maxCallsPerTimeWindow", "timeWindow"):
        value = raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ResponseError(f"SCB /config saknar ett giltigt {key!r}: {value!r}")


class ScbClient:
    """PxWebApi 2.0 client: one obvious call (``data``) and the pieces it is made of."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        lang: str = "sv",
        cache_dir: Path | str | None = None,
        offline: bool | None = None,
        *,
        retry: RetryPolicy | None = None,
        timeout: float | None = None,
        progress: bool = True,
        metadata_max_age: float = METADATA_MAX_AGE,
        workers: int = 2,
    ) -> None:
        self.lang = lang
        self.workers = workers
        self.progress = progress
        self.metadata_max_age = metadata_max_age
        self.transport = Transport("scb", base_url, cache_dir=Path(cache_dir) if cache_dir else
                                   None, offline=offline, timeout=timeout, retry=retry)
        self._config: dict[str, Any] | None = None

    @property
    def base_url(self) -> str:
        return self.transport.base_url

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> ScbClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- endpoints -------------------------------------------------------------------------

    def config(self) -> dict[str, Any]:
        """``GET /config``: languages, limits, licence, citation. Sets up the rate limiter."""
        if self._config is None:
            raw = self.transport.get_json(Request(
                "GET", "config", table="_config", what="konfiguration",
                max_age=CONFIG_MAX_AGE, check=_check_config))
            self._config = raw
            limiter = SlidingWindowLimiter(raw["maxCallsPerTimeWindow"], float(raw["timeWindow"]))
            limiter.acquire()  # the /config call itself counted on the server's side
            limiter.release()
            self.transport.limiter = limiter
        return self._config

    def _config_for(self, what: str) -> None:
        """``config()``; offline with an empty cache the error names what the user asked for."""
        try:
            self.config()
        except OfflineCacheMiss:
            raise offline_miss(what, self.transport.cache.root) from None

    @property
    def max_cells(self) -> int:
        return int(self.config()["maxDataCells"])

    def citation(self) -> str:
        for reference in self.config().get("sourceReferences") or []:
            if reference.get("language") == self.lang:
                return str(reference.get("text"))
        return "Källa: SCB" if self.lang == "sv" else "Source: Statistics Sweden"

    def search(self, query: str, *, past_days: int | None = None, page_size: int = 100,
               max_pages: int = 20) -> pd.DataFrame:
        """``GET /tables?query=``: matching tables, newest first within SCB's ranking."""
        self._config_for(f"sökningen {query!r}")
        rows: list[dict[str, Any]] = []
        for page in range(1, max_pages + 1):
            params: dict[str, Any] = {"lang": self.lang, "query": query,
                                      "pageNumber": page, "pageSize": page_size}
            if past_days is not None:
                params["pastDays"] = past_days
            answer = self.transport.get_json(Request(
                "GET", "tables", table="_search", what=f"sökningen {query!r}", params=params,
                lang=self.lang, max_age=SEARCH_MAX_AGE))
            rows.extend(answer.get("tables", []))
            if page >= int((answer.get("page") or {}).get("totalPages", 1)):
                break
        columns = ["id", "label", "updated", "firstPeriod", "lastPeriod", "discontinued",
                   "variableNames", "subjectCode"]
        frame = pd.DataFrame([{c: t.get(c) for c in columns} for t in rows], columns=columns)
        return frame

    def metadata(self, table_id: str, codelists: dict[str, str] | None = None) -> TableMetadata:
        """``GET /tables/{id}/metadata``, with code lists applied when given."""
        self._config_for(f"tabellen {table_id}")
        params = {"lang": self.lang}
        for variable, codelist in sorted((codelists or {}).items()):
            params[f"codelist[{variable}]"] = codelist
        raw = self.transport.get_json(Request(
            "GET", f"tables/{table_id}/metadata", table=table_id, what="metadata",
            params=params, lang=self.lang, max_age=self.metadata_max_age,
            check=check_metadata))
        return _parse_metadata(table_id, raw)

    def codelist(self, codelist_id: str) -> dict[str, Any]:
        """``GET /codelists/{id}``: a value set or aggregation (with ``valueMap``)."""
        self.config()
        raw: dict[str, Any] = self.transport.get_json(Request(
            "GET", f"codelists/{codelist_id}", table="_codelists", what=f"kodlistan "
            f"{codelist_id}", params={"lang": self.lang}, lang=self.lang,
            max_age=CONFIG_MAX_AGE))
        return raw

    # -- data ------------------------------------------------------------------------------

    def resolve(self, meta: TableMetadata, selection: dict[str, list[str] | str]) -> Selection:
        """Expand a selection to explicit value codes, in the table's variable order."""
        for code in selection:
            meta.variable(code)  # unknown variable → InputError with a suggestion
        resolved: Selection = {}
        for variable in meta.variables:
            if variable.code in selection:
                resolved[variable.code] = expand_values(
                    selection[variable.code], variable.values, variable.code,
                    is_time=variable.role == "time")
            elif len(variable.values) == 1:
                resolved[variable.code] = list(variable.values)
            elif not variable.elimination:
                raise InputError(
                    f"{meta.table_id}: variabeln {variable.code!r} ({variable.label}) kan inte "
                    f"utelämnas; välj värden, t.ex. {{{variable.code!r}: '*'}}."
                )
        return resolved

    def plan(self, table_id: str, selection: dict[str, list[str] | str],
             codelists: dict[str, str] | None = None) -> list[Selection]:
        """The calls ``data`` would make, without making them."""
        meta = self.metadata(table_id, codelists)
        resolved = self.resolve(meta, selection)
        return split_selection(resolved, self.max_cells, meta.keep_whole)

    def data(self, table_id: str, selection: dict[str, list[str] | str],
             codelists: dict[str, str] | None = None) -> pd.DataFrame:
        """One row per selected cell, as a long frame (see the module docstring)."""
        meta = self.metadata(table_id, codelists)
        resolved = self.resolve(meta, selection)
        chunks = split_selection(resolved, self.max_cells, meta.keep_whole)
        answers = self._fetch_chunks(meta, chunks, resolved, codelists or {})
        frame, calls = _combine(answers, resolved, table_id)
        frame.attrs.update({
            "source": "SCB", "table_id": table_id, "vintage": meta.updated,
            "label": meta.label, "citation": self.citation(), "lang": self.lang,
            "estimated": False, "calls": calls,
        })
        return frame

    def _fetch_chunks(self, meta: TableMetadata, chunks: list[Selection], resolved: Selection,
                      codelists: dict[str, str]) -> Iterable[dict[str, Any]]:
        """Fetch chunks on a few threads (the limiter paces them), yield answers in order."""
        bar = tqdm(total=count_cells_all(chunks), unit="celler", desc=meta.table_id,
                   disable=not self.progress or len(chunks) < 2, leave=False)
        pool = ThreadPoolExecutor(max_workers=max(1, min(self.workers, len(chunks))))
        try:
            futures: list[Any] = [pool.submit(self._get_chunk, meta, chunk, codelists, 0)
                                  for chunk in chunks]
            for i, future in enumerate(futures):
                futures[i] = None  # let each answer go once it has been used
                for chunk, raw in future.result():
                    bar.update(count_cells(chunk))
                    yield raw
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            bar.close()

    def _get_chunk(self, meta: TableMetadata, chunk: Selection, codelists: dict[str, str],
                   depth: int) -> list[tuple[Selection, dict[str, Any]]]:
        """The raw answer(s) for one chunk; a chunk refused as too big is halved."""
        try:
            return [(chunk, self.transport.get_json(self._data_request(meta, chunk,
                                                                       codelists)))]
        except ClientStatusError as error:
            # Only a refusal for size ("Too many cells selected") is worth halving and
            # resending, down to a sixteenth of what /config promised; any other 4xx (a
            # parameter error, a value that does not exist) is reported at once.
            cells = count_cells(chunk)
            if (error.status not in (400, 403) or not error.too_many_cells or cells < 2
                    or depth >= _MAX_RESPLITS or cells * 16 < self.max_cells):
                raise
        answers = []
        for part in split_selection(chunk, max(1, cells // 2), meta.keep_whole):
            answers.extend(self._get_chunk(meta, part, codelists, depth + 1))
        return answers

    def _data_request(self, meta: TableMetadata, chunk: Selection,
                      codelists: dict[str, str]) -> Request:
        selection = []
        for variable, codes in chunk.items():
            item: dict[str, Any] = {"variableCode": variable, "valueCodes": codes}
            if variable in codelists:
                item["codelist"] = codelists[variable]
            selection.append(item)
        return Request(
            "POST", f"tables/{meta.table_id}/data", table=meta.table_id, what="data",
            params={"lang": self.lang, "outputFormat": "json-stat2"},
            body={"selection": selection}, lang=self.lang, updated=meta.updated,
            check=check_dataset)


def count_cells_all(chunks: list[Selection]) -> int:
    return sum(count_cells(c) for c in chunks)


def _combine(answers: Iterable[dict[str, Any]], resolved: Selection,
             table_id: str) -> tuple[pd.DataFrame, int]:
    """Place every answer's values in the cube of the selection; check each cell came once.

    The frame is built once for the whole selection, in the table's order, rather than
    concatenating and re-sorting per-call frames.
    """
    expected = count_cells(resolved)
    values = np.full(expected, np.nan)
    status = np.full(expected, "", dtype=object)
    with_status = False
    seen = np.zeros(expected, dtype=np.int64)
    labels: dict[str, dict[str, str]] = {}
    calls = 0
    for raw in answers:  # placed as they arrive, so raw answers do not pile up in memory
        calls += 1
        where = positions(raw, resolved)
        part = cell_values(raw)
        if len(part) != len(where):
            raise ResponseError(f"SCB {table_id}: ett svar har {len(part)} värden för "
                                f"{len(where)} celler")
        values[where] = part
        symbols = cell_statuses(raw)
        if symbols is not None:
            status[where], with_status = symbols, True
        np.add.at(seen, where, 1)
        for variable, names in labels_of(raw).items():
            labels.setdefault(variable, {}).update(names)
    if (seen != 1).any():
        raise ResponseError(f"SCB {table_id}: {int((seen == 0).sum())} celler saknas och "
                            f"{int((seen > 1).sum())} kom flera gånger i svaren")
    present = {v: codes for v, codes in resolved.items() if v in labels}
    return cube_frame(present, labels, values, status if with_status else None), calls
