"""Everything a brief reads, gathered once: data from the loaders and one projection run.

The report never touches files or HTTP itself. It asks the package's public loaders for data
and calls the projection through :func:`run_projection`, the single adapter between the two
packages, so a change in the projection's API is a change in one function.

Loading takes well under a second; a batch of 21 briefs loads once and shares the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .demography import ratios_over_horizon

if TYPE_CHECKING:
    from ..demography.scenario import DemographicScenario

TARGET_YEARS = (2030, 2035)
PROJECTION_COLUMNS = (
    "region", "ssyk", "year", "employed", "lower", "upper",
    "expansion", "replacement", "recruitment_need",
)


@dataclass(frozen=True)
class ProjectionRun:
    """What the report needs from one projection run (level 4, every län)."""

    table: pd.DataFrame  # PROJECTION_COLUMNS, one row per län × SSYK4 × target year
    scenario: str
    base_year: int
    target_years: tuple[int, ...]
    totals: pd.DataFrame | None = None  # region, year, employed, lower, upper (own intervals)
    major_groups: pd.DataFrame | None = None  # same as table at SSYK level 1
    quality: dict[str, Any] = field(default_factory=dict)  # see quality.quality_frames
    scenario_description: str = ""
    # The Projection itself, for sections that need its paths or calibration (education).
    result: Any = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class ReportInputs:
    """Data for every brief of one run, independent of which region is written."""

    employment: pd.DataFrame  # region, region_name, ssyk, ssyk_name, sex, year, employed (SSYK4)
    age_profile: pd.DataFrame  # national ssyk, age, sex, year, employed (SSYK4)
    projection: ProjectionRun
    region_names: dict[str, str]
    ssyk_names: dict[str, str]
    demography: dict[str, Any] = field(default_factory=dict)  # region → demography.Ratio
    ads: pd.DataFrame | None = None  # region, ssyk, ads (2024)
    af_view: pd.DataFrame | None = None  # ssyk [, region], bristvarde / outlook ratings
    sources: pd.DataFrame | None = None  # datasets() manifest
    # region, ssyk, af_outlook, af_opportunities, af_round, af_round_inferred (barometer)
    barometer: pd.DataFrame | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    # the scenario's [demography] levers; None when it moves none
    demographic: DemographicScenario | None = None

    @property
    def base_year(self) -> int:
        return self.projection.base_year

    @property
    def target_years(self) -> tuple[int, ...]:
        return self.projection.target_years

    @property
    def vintage(self) -> str:
        """Short data vintage for footers: which years each source covers."""
        years = self.employment["year"]
        parts = [f"yrkesregistret {years.min()}–{years.max()}"]
        ratio = next(iter(self.demography.values()), None)
        if ratio is not None:
            parts.append(f"befolkning {ratio.year} (skattad)")
        if self.ads is not None:
            parts.append(f"annonser {self.extras.get('ads_year', '')}".strip())
        if self.af_view is not None:
            parts.append(f"yrkesprognos {self.extras.get('af_year', '')}".strip())
        return ", ".join(parts)


def _optional(name: str, *args: Any, **kwargs: Any) -> pd.DataFrame | None:
    """Call a loader that may not exist in this snapshot; None when it is absent."""
    import reglab_forecast as rf

    loader = getattr(rf, name, None)
    if loader is None:
        return None
    return loader(*args, **kwargs)


def run_projection(
    employment: pd.DataFrame,
    age_profile: pd.DataFrame,
    scenario: str | Path | Mapping[str, Any] | None = None,
    target_years: tuple[int, ...] = TARGET_YEARS,
) -> ProjectionRun:
    """The one adapter to ``reglab_forecast.projection.project``.

    Region totals and SSYK level 1 get their own intervals from the projection's calibration
    (intervals do not add up), for every year from the base year so that fans are smooth.
    """
    from reglab_forecast import projection
    from reglab_forecast.projection.model import add_intervals

    from .quality import quality_frames

    result = projection.project(
        employment, age_profile, target_years=target_years,
                                scenario=scenario)
    years = range(result.base_year, max(result.target_years) + 1)
    groups = result.aggregate(level=1, regions="all", years=years)
    totals = groups.groupby(["region", "year"], as_index=False)[
        ["employed", "base_employed"]].sum()
    totals = add_intervals(totals, result.calibration, result.base_year)
    return ProjectionRun(
        table=result.table.loc[:, [*PROJECTION_COLUMNS, "share_55plus", "estimated"]],
        scenario=str(result.scenario.name),
        base_year=int(result.base_year),
        target_years=tuple(int(y) for y in result.target_years),
        totals=totals[["region", "year", "employed", "lower", "upper"]],
        major_groups=groups[["region", "ssyk", "year", "employed", "lower", "upper"]],
        quality=quality_frames(projection.load_quality_declaration()),
        scenario_description=str(getattr(result.scenario, "description", "") or ""),
        result=result,
    )


def _names(frame: pd.DataFrame, code: str) -> dict[str, str]:
    """``code`` → name from the distinct (code, name) pairs in order of first appearance
    (the pairs counted on integer codes: the frame has many rows and few codes)."""
    codes, _ = pd.factorize(frame[code], use_na_sentinel=False)
    names, labels = pd.factorize(frame[f"{code}_name"], use_na_sentinel=False)
    _, first = np.unique(codes.astype(np.int64) * max(len(labels), 1) + names,
                         return_index=True)
    pairs = frame.iloc[np.sort(first)]
    return dict(zip(pairs[code], pairs[f"{code}_name"], strict=True))


def demographic_levers(scenario: str | Path | Mapping[str, Any] | None
                       ) -> DemographicScenario | None:
    """The ``[demography]`` levers of a scenario (a TOML path, a shipped example's name or the
    whole scenario as a dict) with län codes; None when the scenario moves none. Raises
    ScenarioError for bad levers."""
    if scenario is None or not isinstance(scenario, str | Path | Mapping):
        return None
    from ..demography.scenario import load_demographic_scenario
    from ..regions import lan_codes

    levers = load_demographic_scenario(scenario).with_region_codes(tuple(lan_codes()))
    return None if levers.is_baseline else levers


def load_inputs(scenario: str | Path | Mapping[str, Any] | None = None) -> ReportInputs:
    """Load the snapshot and run the projection once for every brief of a run."""
    import reglab_forecast as rf

    employment = rf.load_employment(level=4)
    age_profile = rf.load_age_profile(level=4)
    run = run_projection(employment, age_profile, scenario=scenario)
    levers = demographic_levers(scenario)
    ads, af_view = _ads(employment), _af_view()
    return ReportInputs(
        employment=employment,
        age_profile=age_profile,
        projection=run,
        region_names=_names(employment, "region"),
        ssyk_names=_ssyk_names(employment),
        demography=ratios_over_horizon(max(run.target_years), levers),
        ads=ads,
        af_view=af_view,
        sources=_optional("datasets"),
        barometer=_barometer(),
        demographic=levers,
        extras={"projection": run.result,
                "ads_year": ads.attrs.get("year", "") if ads is not None else "",
                "af_year": af_view.attrs.get("year", "") if af_view is not None else ""},
    )


def _modes(frame: pd.DataFrame, keys: list[str], column: str) -> pd.Series:
    """The most common ``column`` value per ``keys`` group; None when two values tie or there
    is none. Counted in one pass (a per-group value_counts took seconds per brief)."""
    sizes = frame.dropna(subset=[column]).groupby([*keys, column]).size()
    counts: pd.DataFrame = sizes.rename("n").reset_index()
    counts = counts.sort_values([*keys, "n"], ascending=False)
    top = counts.groupby(keys).head(2).copy()
    top["rank"] = top.groupby(keys).cumcount()
    first = top[top["rank"] == 0].set_index(keys)
    second = top[top["rank"] == 1].set_index(keys)["n"].reindex(first.index)
    tied = second.notna() & (second == first["n"])
    return first[column].astype(object).where(~tied, None)


def _barometer() -> pd.DataFrame | None:
    """Arbetsförmedlingen's Yrkesbarometer per län × SSYK4, latest round with a five-year
    outlook: af_outlook (minska/vara oförändrad/öka), af_opportunities (små/medelstora/stora),
    af_round, af_round_inferred. Where several barometer occupations share an SSYK4 the most
    common assessment is kept (none on a tie). ``attrs``: caveat and round_note."""
    import reglab_forecast as rf

    loader = getattr(rf, "load_barometer", None)
    if loader is None:
        return None
    frame = loader(ssyk=True)
    frame = frame[(frame["region"] != "00") & frame["outlook_5y"].notna()]
    latest = frame.groupby(["region", "ssyk"])["round"].transform("max")
    frame = frame[frame["round"] == latest]
    keys = ["region", "ssyk"]
    view = frame.groupby(keys, as_index=False).agg(
        af_round=("round", "first"), af_round_inferred=("round_inferred", "first"))
    view = view.set_index(keys)
    for name, column in (("af_outlook", "outlook_5y"), ("af_opportunities", "job_opportunities")):
        view[name] = _modes(frame, keys, column).astype(frame[column].dtype)
    view = view.reset_index()[[*keys, "af_outlook", "af_opportunities", "af_round",
                               "af_round_inferred"]]
    view.attrs.update({k: frame.attrs.get(k, "") for k in ("caveat", "round_note")})
    return view


def _ads(employment: pd.DataFrame) -> pd.DataFrame | None:
    """Platsbanken ads 2024 per län × SCB SSYK4: a JobTech group that holds several SCB codes
    has its ads shared by employees (``labour_market.ads_by_scb_code``)."""
    from reglab_forecast.labour_market import ads_by_scb_code

    ads = _optional("load_ads")
    if ads is None:
        return None
    lan = ads[ads["region"] != "00"]
    year = int(ads["year"].max())
    base = employment.loc[employment["year"] == employment["year"].max(),
                          ["region", "ssyk", "employed"]]
    employed = base.groupby(["region", "ssyk"], as_index=False)["employed"].sum()
    summed = ads_by_scb_code(lan, employed)[["region", "ssyk", "ads"]]
    summed.attrs["year"] = year
    return summed


def _af_view() -> pd.DataFrame | None:
    """Yrkesprognosen's latest shortage index per SSYK4 (national) as ``af_rating``."""
    outlook = _optional("load_af_outlook")
    if outlook is None:
        return None
    from reglab_forecast.labour_market import ratings_by_scb_code

    latest = ratings_by_scb_code(outlook[outlook["year"] == outlook["year"].max()])
    view = latest.rename(columns={"shortage_index": "af_rating"})[["ssyk", "af_rating"]]
    view.attrs["year"] = int(latest["year"].max())
    return view


def _ssyk_names(employment: pd.DataFrame) -> dict[str, str]:
    """Names for SSYK codes at every level (1–4 digits)."""
    from reglab_forecast.occupations import occupation_names

    return {**_names(employment, "ssyk"), **occupation_names()}
