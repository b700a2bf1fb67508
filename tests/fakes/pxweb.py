"""A PxWebApi 2.0 server for tests: recorded SCB responses plus the server's rules.

It serves ``/config``, ``/tables`` (search and paging), ``/tables/{id}/metadata``,
``POST /tables/{id}/data`` (json-stat2) and ``/codelists/{id}`` from the recorded files in
``tests/fixtures/scb``. Data for any selection is cut from a recorded response when every
requested code is in it, and synthesised deterministically from the metadata otherwise, so
big tables can be split for real.

Rules it enforces: more cells than ``max_cells`` → 403 (or 400); more calls than
``max_calls`` in any ``window`` seconds → 429 with ``Retry-After``.
"""

from __future__ import annotations

import copy
import json
import math
import threading
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .server import FakeHttp, Incoming, Reply

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "scb"
PREFIX = "/api/v2"


def load_fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@dataclass
class Dim:
    code: str
    label: str
    values: list[str]
    labels: dict[str, str]
    elimination: bool = False
    role: str = ""
    codelists: list[str] = field(default_factory=list)


@dataclass
class Table:
    id: str
    label: str
    updated: str
    dims: list[Dim]
    recorded: dict[str, Any] | None = None  # a json-stat2 response to cut real values from
    nulls: bool = True  # synthesised data has a missing value now and then

    def dim(self, code: str) -> Dim:
        return next(d for d in self.dims if d.code == code)

    @property
    def cells(self) -> int:
        return math.prod(len(d.values) for d in self.dims)


def dims_from_jsonstat(doc: dict[str, Any]) -> list[Dim]:
    roles = {c: r for r, codes in (doc.get("role") or {}).items() for c in codes}
    dims = []
    for code in doc["id"]:
        d = doc["dimension"][code]
        index = d["category"]["index"]
        values = sorted(index, key=index.__getitem__) if isinstance(index, dict) else index
        ext = d.get("extension") or {}
        dims.append(Dim(code, d.get("label", code), list(values), dict(d["category"]["label"]),
                        bool(ext.get("elimination")), roles.get(code, ""),
                        [c["id"] for c in ext.get("codelists") or []]))
    return dims


class FakePxWeb:
    """State and rules of the fake PxWebApi; mount it on a ``FakeHttp``."""

    def __init__(self, max_cells: int = 150_000, max_calls: int = 30, window: float = 10.0,
                 cell_status: int = 403, fractional_retry_after: bool = True) -> None:
        self.max_cells = max_cells
        self.max_calls = max_calls
        self.window = window
        self.cell_status = cell_status
        self.fractional_retry_after = fractional_retry_after
        self.tables: dict[str, Table] = {}
        self.codelists = {"agg_Ålder10årJ": load_fixture("agg_Ålder10årJ.json")}
        self.arrivals: deque[float] = deque()
        self.lock = threading.Lock()
        self.refused = {"cells": 0, "calls": 0}
        self.data_calls = 0
        self.extra_listing = load_fixture("tables.json")["tables"] + \
            load_fixture("search.json")["tables"]

    def mount(self, http: FakeHttp) -> None:
        http.gate(PREFIX, self.rate_gate)
        http.route(PREFIX, self.handle)

    def add_table(self, table: Table) -> None:
        self.tables[table.id] = table

    # -- rules ------------------------------------------------------------------------------

    def _over_call_limit(self, now: float) -> float | None:
        """Seconds to wait if this call breaks the limit, else None (and count it)."""
        with self.lock:
            while self.arrivals and now - self.arrivals[0] >= self.window:
                self.arrivals.popleft()
            if len(self.arrivals) >= self.max_calls:
                self.refused["calls"] += 1
                return self.arrivals[0] + self.window - now
            self.arrivals.append(now)
            return None

    def rate_gate(self, incoming: Incoming) -> Reply | None:
        """Every call counts, also those that then fail: over the limit → 429."""
        wait = self._over_call_limit(incoming.at)
        if wait is None:
            return None
        after = f"{wait:.3f}" if self.fractional_retry_after else str(math.ceil(wait))
        return Reply(429, {"title": "Too Many Requests", "status": 429}, {"Retry-After": after})

    def handle(self, incoming: Incoming) -> Reply:
        path = incoming.path[len(PREFIX):].strip("/")
        parts = path.split("/")
        if parts == ["config"]:
            return Reply(200, self.config())
        if parts[0] == "tables" and len(parts) == 1:
            return Reply(200, self.search(incoming))
        if parts[0] == "codelists" and len(parts) == 2:
            if parts[1] not in self.codelists:
                return _problem(404, f"no codelist {parts[1]}")
            return Reply(200, self.codelists[parts[1]])
        if parts[0] == "tables" and len(parts) == 3 and parts[1] in self.tables:
            table = self._with_codelists(self.tables[parts[1]], incoming)
            if parts[2] == "metadata":
                return Reply(200, self.metadata(table))
            if parts[2] == "data" and incoming.method == "POST":
                return self.data(table, incoming.body or {})
        return _problem(404, f"not found: {incoming.path}")

    # -- endpoints --------------------------------------------------------------------------

    def config(self) -> dict[str, Any]:
        config = load_fixture("config.json")
        config.update(maxDataCells=self.max_cells, maxCallsPerTimeWindow=self.max_calls,
                      timeWindow=max(1, round(self.window)))
        return config

    def _listing(self) -> list[dict[str, Any]]:
        own = [{"id": t.id, "label": t.label, "updated": t.updated,
                "firstPeriod": t.dims[-1].values[0], "lastPeriod": t.dims[-1].values[-1],
                "discontinued": False, "variableNames": [d.label for d in t.dims],
                "subjectCode": "XX"} for t in self.tables.values()]
        return own + [t for t in self.extra_listing if t["id"] not in self.tables]

    def search(self, incoming: Incoming) -> dict[str, Any]:
        query = (incoming.query.get("query") or [""])[0].lower().split()
        hits = [t for t in self._listing()
                if all(w in f"{t['id']} {t['label']}".lower() for w in query)]
        size = int((incoming.query.get("pageSize") or ["20"])[0])
        page = int((incoming.query.get("pageNumber") or ["1"])[0])
        pages = max(1, math.ceil(len(hits) / size))
        return {"language": "sv", "tables": hits[(page - 1) * size:page * size],
                "page": {"pageNumber": page, "pageSize": size, "totalElements": len(hits),
                         "totalPages": pages}, "links": []}

    def _with_codelists(self, table: Table, incoming: Incoming) -> Table:
        """Apply codelist[VAR]=ID from the query (metadata) or the body (data)."""
        wanted = {k[len("codelist["):-1]: v[0] for k, v in incoming.query.items()
                  if k.startswith("codelist[")}
        for item in (incoming.body or {}).get("selection", []):
            if item.get("codelist"):
                wanted[item["variableCode"]] = item["codelist"]
        if not wanted:
            return table
        table = copy.deepcopy(table)
        table.recorded = None
        for variable, codelist_id in wanted.items():
            codelist = self.codelists[codelist_id]
            dim = table.dim(variable)
            dim.values = [v["code"] for v in codelist["values"]]
            dim.labels = {v["code"]: v["label"] for v in codelist["values"]}
        return table

    def metadata(self, table: Table) -> dict[str, Any]:
        doc = _jsonstat(table, {d.code: d.values for d in table.dims})
        doc["value"] = []
        for d in table.dims:
            doc["dimension"][d.code]["extension"]["codelists"] = [
                {"id": c, "label": c, "type": "Aggregation", "links": []} for c in d.codelists]
        return doc

    def data(self, table: Table, body: dict[str, Any]) -> Reply:
        chosen: dict[str, list[str]] = {}
        for item in body.get("selection", []):
            dim = table.dim(item["variableCode"])
            unknown = [c for c in item["valueCodes"] if c not in dim.values]
            if unknown:
                return _problem(400, f"unknown values {unknown[:3]} for {dim.code}")
            chosen[dim.code] = [v for v in dim.values if v in set(item["valueCodes"])]
        for dim in table.dims:
            if dim.code not in chosen and not dim.elimination:
                return _problem(400, f"variable {dim.code} cannot be eliminated")
        cells = math.prod(len(v) for v in chosen.values())
        if cells > self.max_cells:
            self.refused["cells"] += 1
            return _problem(self.cell_status, f"Too many cells: {cells} > {self.max_cells}")
        self.data_calls += 1
        doc = _jsonstat(table, chosen)
        doc["value"] = self._values(table, chosen)
        return Reply(200, doc)

    def _values(self, table: Table, chosen: dict[str, list[str]]) -> list[Any]:
        ids = [d.code for d in table.dims if d.code in chosen]
        recorded = table.recorded
        if recorded is not None and recorded["id"] == ids:
            maps = [recorded["dimension"][i]["category"]["index"] for i in ids]
            if all(all(c in m for c in chosen[i]) for i, m in zip(ids, maps, strict=True)):
                cube = np.array([np.nan if v is None else v for v in recorded["value"]],
                                dtype=float).reshape(recorded["size"])
                picked = cube[np.ix_(*[[m[c] for c in chosen[i]]
                                       for i, m in zip(ids, maps, strict=True)])]
                return [None if np.isnan(v) else int(v) for v in picked.ravel()]
        return synthetic_values(table, chosen, table.nulls)


def synthetic_values(table: Table, chosen: dict[str, list[str]], nulls: bool = True) -> list[Any]:
    """Deterministic values from each cell's position in the full table; 1 in 97 is null."""
    dims = [d for d in table.dims if d.code in chosen]
    positions = [np.array([d.values.index(c) for c in chosen[d.code]]) for d in dims]
    grids = np.ix_(*positions)
    flat = np.ravel_multi_index(grids, [len(d.values) for d in dims]).ravel().astype(np.int64)
    values = (flat * 2654435761) % 100_003
    return [None if nulls and f % 97 == 5 else int(v) for f, v in zip(flat, values, strict=True)]


def _jsonstat(table: Table, chosen: dict[str, list[str]]) -> dict[str, Any]:
    dims = [d for d in table.dims if d.code in chosen]
    roles: dict[str, list[str]] = {}
    for d in dims:
        if d.role:
            roles.setdefault(d.role, []).append(d.code)
    return {
        "version": "2.0", "class": "dataset", "label": table.label, "source": "SCB",
        "updated": table.updated, "role": roles, "id": [d.code for d in dims],
        "size": [len(chosen[d.code]) for d in dims],
        "dimension": {d.code: {
            "label": d.label,
            "category": {"index": {c: i for i, c in enumerate(chosen[d.code])},
                         "label": {c: d.labels.get(c, c) for c in chosen[d.code]}},
            "extension": {"elimination": d.elimination, "show": "value"},
        } for d in dims},
    }


def _problem(status: int, detail: str) -> Reply:
    return Reply(status, {"type": "about:blank", "title": "Bad Request", "status": status,
                          "detail": detail})
