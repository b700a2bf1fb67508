"""JobTech endpoints for tests, served from recorded files under ``/jobtech/<host>/<path>``.

Taxonomy: the SSYK hierarchy is a recorded GraphQL answer; the region answer is built from the
recorded län concept ids and SCB's län codes. Historical ads: a ``limit=0`` search answers with
``total.value`` from the recorded 2024 counts (per yrke × län) for full-year 2024 queries, and
with a deterministic number otherwise. Yrkesprognos and Yrkesbarometer are the recorded files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .server import FakeHttp, Incoming, Reply

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PREFIX = "/jobtech"
SVERIGE = "i46j_HmG_v64"


def _load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def region_concepts() -> list[dict[str, Any]]:
    names = _load("af/region_name_id.json")
    meta = _load("scb/TAB6471_metadata.json")["dimension"]["Region"]["category"]["label"]
    code_of = {label: code for code, label in meta.items() if len(code) == 2}
    concepts = [{"id": concept, "preferred_label": name, "type": "region",
                 "national_nuts_level_3_code_2019": code_of[name]}
                for name, concept in names.items()]
    # A foreign region, as the real taxonomy has many: it has no Swedish code.
    concepts.append({"id": "xxxx_xxx_xxx", "preferred_label": "Åland", "type": "region",
                     "national_nuts_level_3_code_2019": None})
    return concepts


class FakeJobTech:
    def __init__(self) -> None:
        self.hierarchy = _load("af/the-ssyk-hierarchy-with-occupations.json")
        self.regions = {"data": {"concepts": region_concepts()}}
        self.ads_2024 = _load("af/ssyk_id_region_annonser_2024.json")
        self.files = {
            "data.jobtechdev.se/yrkesprognoser/current/Yrkesprognos.json":
                _load("af/yrkesprognoser.json"),
            "data.arbetsformedlingen.se/prognoser/yrkesbarometer.json":
                _load("af/barometer_regional.json"),
        }
        self.require_key: str | None = None

    def mount(self, http: FakeHttp) -> None:
        http.route(PREFIX, self.handle)

    def handle(self, incoming: Incoming) -> Reply:
        if self.require_key and incoming.headers.get("api-key") != self.require_key:
            return Reply(401, {"message": "API key required"})
        path = incoming.path[len(PREFIX):].strip("/")
        if path in self.files:
            return Reply(200, self.files[path])
        if path == "taxonomy.api.jobtechdev.se/v1/taxonomy/graphql":
            query = incoming.query.get("query", [""])[0]
            return Reply(200, self.hierarchy if "ssyk-level-1" in query else self.regions)
        if path == "historical.api.jobtechdev.se/search":
            return Reply(200, {"total": {"value": self.count(incoming.query)}, "hits": []})
        return Reply(404, {"message": f"not found: {path}"})

    def count(self, query: dict[str, list[str]]) -> int:
        group = query["occupation-group"][0]
        region = (query.get("region") or [SVERIGE])[0]
        start, end = query["historical-from"][0], query["historical-to"][0]
        if start.startswith("2024-01-01") and end.startswith("2024-12-31"):
            return int(self.ads_2024.get(group, {}).get(region, 0))
        digest = hashlib.sha256(f"{group}{region}{start}".encode()).digest()
        return digest[0]
