"""Arbetsförmedlingen's open data (JobTech): taxonomy, yrkesprognos, yrkesbarometer, ad counts.

    from reglab_forecast.sources.jobtech import JobTechClient
    jt = JobTechClient()
    groups = jt.ssyk_hierarchy()           # SSYK levels 1-4 with concept ids
    outlook = jt.yrkesprognos()            # AF's bristindex per yrke
    ads = jt.ads_counts({"2512": "DJh5_yyF_hEM"}, {"01": "CifL_Rzy_Mku"}, ["2024-01"])

Same transport as SCB: sliding-window limiter, retries, disk cache and offline mode. The API
key header is optional (``REGLAB_JOBTECH_API_KEY``). Ad counts use one ``limit=0`` query per
yrke × region × period and read ``total.value``, so nothing but the count is transferred.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm.auto import tqdm

from ..errors import InputError, ResponseError
from .catalogue import SourceSpec, load_catalogue
from .http import Request, RetryPolicy, SlidingWindowLimiter, Transport

TAXONOMY_MAX_AGE = 7 * 24 * 3600.0
STATIC_MAX_AGE = 24 * 3600.0
SSYK_QUERY = (
    "query SsykHierarchy { concepts(type: \"ssyk-level-1\") { id preferred_label type "
    "ssyk_code_2012 narrower(type: \"ssyk-level-2\") { id preferred_label type ssyk_code_2012 "
    "narrower(type: \"ssyk-level-3\") { id preferred_label type ssyk_code_2012 "
    "narrower(type: \"ssyk-level-4\") { id preferred_label type ssyk_code_2012 "
    "narrower(type: \"occupation-name\") { id preferred_label type } } } } } }"
)
REGION_QUERY = (
    "query Regions { concepts(type: \"region\") { id preferred_label type "
    "national_nuts_level_3_code_2019 } }"
)


class JobTechClient:
    """Thin client for the JobTech endpoints named in the catalogue."""

    def __init__(
        self,
        cache_dir: Path | str | None = None,
        offline: bool | None = None,
        *,
        api_key: str | None = None,
        retry: RetryPolicy | None = None,
        timeout: float | None = None,
        progress: bool = True,
        workers: int = 4,
    ) -> None:
        self.spec: SourceSpec = load_catalogue().source("jobtech")
        key = api_key or self.spec.api_key
        limits = self.spec.default_limits
        self.transport = Transport(
            "jobtech", self.spec.url, cache_dir=Path(cache_dir) if cache_dir else None,
            offline=offline, timeout=timeout, retry=retry,
            limiter=SlidingWindowLimiter(int(limits["max_calls"]), float(limits["time_window"])),
            headers={self.spec.api_key_header: key} if key else None,
        )
        self.progress = progress
        self.workers = workers

    def close(self) -> None:
        self.transport.close()

    def _get(self, endpoint: str, table: str, what: str, params: dict[str, Any] | None = None,
             max_age: float | None = None) -> Any:
        return self.transport.get_json(Request(
            "GET", self.spec.endpoint(endpoint), table=table, what=what, params=params,
            lang="sv", max_age=max_age))

    # -- taxonomy ---------------------------------------------------------------------------

    def _graphql(self, query: str, what: str) -> list[dict[str, Any]]:
        answer = self._get("taxonomy_graphql", "taxonomy", what, {"query": query},
                           TAXONOMY_MAX_AGE)
        try:
            concepts: list[dict[str, Any]] = answer["data"]["concepts"]
        except (KeyError, TypeError):
            raise ResponseError(f"JobTech taxonomi: oväntat svar för {what}") from None
        return concepts

    def _walk(self) -> Iterable[tuple[dict[str, Any], str | None]]:
        stack: list[tuple[dict[str, Any], str | None]] = [
            (c, None) for c in self._graphql(SSYK_QUERY, "SSYK-hierarkin")]
        while stack:
            concept, parent = stack.pop()
            yield concept, parent
            code = concept.get("ssyk_code_2012") or parent
            stack.extend((child, code) for child in concept.get("narrower") or [])

    def ssyk_hierarchy(self) -> pd.DataFrame:
        """SSYK 2012 levels 1-4 as JobTech has them: concept_id, ssyk, ssyk_name, level,
        parent. Level 4 has 400 groups: some of SCB's manager codes are merged."""
        rows = [{"concept_id": c["id"], "ssyk": str(c["ssyk_code_2012"]),
                 "ssyk_name": c["preferred_label"], "level": int(c["type"][-1]),
                 "parent": parent or ""}
                for c, parent in self._walk() if str(c.get("type", "")).startswith("ssyk-level")]
        frame = pd.DataFrame(rows, columns=["concept_id", "ssyk", "ssyk_name", "level", "parent"])
        return _with_attrs(frame.sort_values(["level", "ssyk"], ignore_index=True),
                           "JobTech Taxonomy: SSYK")

    def occupation_names(self) -> pd.DataFrame:
        """Occupation names (yrkesbenämningar) with their SSYK level-4 group."""
        rows = [{"concept_id": c["id"], "name": c["preferred_label"], "ssyk": parent or ""}
                for c, parent in self._walk() if c.get("type") == "occupation-name"]
        frame = pd.DataFrame(rows, columns=["concept_id", "name", "ssyk"])
        return _with_attrs(frame.sort_values(["ssyk", "name"], ignore_index=True),
                           "JobTech Taxonomy: occupation-name")

    def regions(self) -> pd.DataFrame:
        """Swedish län: concept_id, region (SCB's two-digit code), region_name."""
        rows = [{"concept_id": c["id"], "region": str(c["national_nuts_level_3_code_2019"]),
                 "region_name": c["preferred_label"]}
                for c in self._graphql(REGION_QUERY, "regionerna")
                if str(c.get("national_nuts_level_3_code_2019") or "").isdigit()]
        frame = pd.DataFrame(rows, columns=["concept_id", "region", "region_name"])
        return _with_attrs(frame.sort_values("region", ignore_index=True),
                           "JobTech Taxonomy: region")

    # -- static files -----------------------------------------------------------------------

    def yrkesprognos(self) -> pd.DataFrame:
        """Arbetsförmedlingen's Yrkesprognos, one row per yrke × year × geography, as sent."""
        records = self._get("yrkesprognos", "yrkesprognos", "yrkesprognosen",
                            max_age=STATIC_MAX_AGE)
        if not isinstance(records, list):
            raise ResponseError("JobTech yrkesprognos: väntade en lista med poster")
        return _with_attrs(pd.DataFrame.from_records(records), "Yrkesprognos.json")

    def yrkesbarometer(self) -> pd.DataFrame:
        """The Yrkesbarometer, flattened to one row per record (list) or per yrke × region
        (the nested {occupation: {region: [opportunities, outlook]}} form)."""
        raw = self._get("yrkesbarometer", "yrkesbarometer", "yrkesbarometern",
                        max_age=STATIC_MAX_AGE)
        if isinstance(raw, list):
            frame = pd.DataFrame.from_records(raw)
        elif isinstance(raw, dict):
            frame = pd.DataFrame(
                [{"yb_concept_id": occ, "region_concept_id": region,
                  "opportunities": pair[0], "outlook_5y": pair[1]}
                 for occ, by_region in raw.items() for region, pair in by_region.items()],
                columns=["yb_concept_id", "region_concept_id", "opportunities", "outlook_5y"])
        else:
            raise ResponseError("JobTech yrkesbarometer: oväntat format")
        return _with_attrs(frame, "yrkesbarometer.json")

    # -- historical ads ---------------------------------------------------------------------

    def ads_count(self, ssyk_concept: str, region_concept: str | None, period: str) -> int:
        """Ads published in ``period`` ('2024' or '2024-03') for one yrke and region."""
        start, end = period_bounds(period)
        params: dict[str, Any] = {"occupation-group": ssyk_concept, "historical-from": start,
                                  "historical-to": end, "limit": 0}
        if region_concept:
            params["region"] = region_concept
        answer = self._get("historical_search", "historical_ads", "annonsräkningen", params)
        try:
            return int(answer["total"]["value"])
        except (KeyError, TypeError, ValueError):
            raise ResponseError(f"JobTech historiska annonser: svaret saknar total.value "
                                f"({ssyk_concept}, {region_concept}, {period})") from None

    def ads_counts(self, ssyk_concepts: dict[str, str], region_concepts: dict[str, str],
                   periods: list[str]) -> pd.DataFrame:
        """Long frame ssyk × region × period with ``ads``; region '00' = no region filter.

        Every period is checked first (``period_bounds``: none before June 2014)."""
        for period in periods:
            period_bounds(period)
        cells = [(s, r, p) for s in ssyk_concepts for r in region_concepts for p in periods]
        bar = tqdm(total=len(cells), unit="anrop", desc="annonser",
                   disable=not self.progress or len(cells) < 2, leave=False)

        def count(cell: tuple[str, str, str]) -> int:
            ssyk, region, period = cell
            value = self.ads_count(ssyk_concepts[ssyk], region_concepts[region] or None, period)
            bar.update(1)
            return value

        with ThreadPoolExecutor(max_workers=max(1, self.workers)) as pool:
            values = list(pool.map(count, cells))
        bar.close()
        frame = pd.DataFrame(cells, columns=["ssyk", "region", "period"])
        frame["concept_id"] = frame["ssyk"].map(ssyk_concepts)
        frame["ads"] = pd.Series(values, dtype="int64")
        return _with_attrs(frame, "JobTech historiska annonser (total.value)")


# Historical ads carry SSYK 2012 codes from June 2014; older ads have the older codes, so a
# count by SSYK 2012 group would be 0 or wrong without a word.
SSYK2012_FROM = (2014, 6)
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def period_bounds(period: str) -> tuple[str, str]:
    """``'2024'`` → the whole year, ``'2024-03'`` → March; as historical-from/-to values.

    Raises ``InputError`` for another form, and for a period that starts before June 2014
    (the ads then carry older occupation codes than SSYK 2012)."""
    match = _PERIOD.match(str(period).strip())
    if not match or not 1 <= int(match.group(2) or 1) <= 12:
        raise InputError(f"annonsperioden {period!r} ska skrivas 'ÅÅÅÅ' eller 'ÅÅÅÅ-MM', "
                         "t.ex. '2024' eller '2024-03'")
    year, month = int(match.group(1)), int(match.group(2) or 1)
    if (year, month) < SSYK2012_FROM:
        raise InputError(
            f"annonsperioden {period!r} ligger före juni 2014: de historiska annonserna har "
            "då äldre yrkeskoder än SSYK 2012 och kan inte räknas per SSYK 2012-grupp; välj "
            "perioder från '2014-06' (hela år från '2015')")
    if match.group(2) is None:
        return f"{year}-01-01T00:00:00", f"{year}-12-31T23:59:59"
    last = calendar.monthrange(year, month)[1]
    return f"{year}-{month:02d}-01T00:00:00", f"{year}-{month:02d}-{last:02d}T23:59:59"


def _with_attrs(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    frame.attrs.update({"source": "Arbetsförmedlingen (JobTech)", "table_id": table,
                        "citation": "Källa: Arbetsförmedlingen", "estimated": False})
    return frame
