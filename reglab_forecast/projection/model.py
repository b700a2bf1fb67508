"""``project()`` and the ``Projection`` it returns: the standard method end to end.

    proj = project(load_employment(level=4), load_age_profile(level=4))
    proj.table                       # län × SSYK4 × target year
    proj.aggregate(level=3)          # län × SSYK3, sums agree with level 4
    proj.aggregate(level=1, regions="riket")
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError, ReglabError
from ..frames import map_labels, repeat_labels
from ..numbers import fmt_int, fmt_signed
from ..occupations import occupation_names
from ..regions import region_names, resolve_region
from ..snapshot import read_dataset
from .age_structure import AgeStructure, base_stock
from .calibration_choice import IntervalChoice, choose_calibration
from .expansion import DEFAULT_PARAMS, MethodParams, project_points
from .given_path import GivenPath, given_path
from .intervals import Calibration, load_calibration
from .levers import apply_shocks, national_total, regional_growth
from .panel import RIKET, Panel, build_panel
from .scenario import Scenario, load_scenario
from .stored import CALIBRATION, read_path
from .totals import WorkingAge, working_age

MAX_HORIZON = 15
SUM_COLUMNS = ["employed", "expansion", "replacement", "recruitment_need", "base_employed",
               "transfers"]
TABLE_COLUMNS = ["region", "region_name", "ssyk", "ssyk_name", "year", "employed", "lower",
                 "upper", "expansion", "replacement", "recruitment_need", "base_employed",
                 "share_55plus", "estimated", "scenario", "transfers"]


def _stored_calibration() -> Calibration:
    path = read_path(CALIBRATION)
    stamp = path.stat().st_mtime_ns if path.is_file() else 0
    return _cached_calibration(path, stamp)


@lru_cache(maxsize=4)
def _cached_calibration(path: Path, stamp: int) -> Calibration:
    """Kept in memory per file and modification time (a re-saved file is read again)."""
    return load_calibration(path)


@dataclass(frozen=True)
class Projection:
    """The result of ``project``: tables, the scenario, and the fitted models behind them.

    ``paths`` holds every year from the base year to the last target (for fan charts);
    ``table`` only the target years. Both are län × SSYK4; ``aggregate`` sums them up.
    Intervals (``lower``/``upper``, 80 %) are not additive: an aggregate gets its own from the
    calibration, by its size and horizon. ``recruitment_need`` is floored at zero per SSYK4
    cell and then summed, so a shrinking occupation does not cancel another's need.
    """

    paths: pd.DataFrame
    scenario: Scenario
    base_year: int
    target_years: tuple[int, ...]
    calibration: Calibration
    models: dict[str, Any] = field(default_factory=dict)
    by_sex: pd.DataFrame | None = None
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    # Where the intervals come from: "stored", "given", "input", "input_extrapolated" or
    # "year_on_year" (see calibration_choice.py), with a Swedish note for the brief.
    interval_basis: str = "stored"
    interval_note: str = ""
    # How the age structure behind replacement and share 55+ was made (Swedish, "skattad …").
    age_note: str = ""

    @property
    def source_note(self) -> str:
        """'Källa: …' with the data vintage, for every table made from this projection."""
        source = self.provenance.get("source", "SCB, yrkesregistret (AM0208)")
        vintage = self.provenance.get("vintage", "")
        given = self.provenance.get("national_path")
        path = f" Nationell bana: {given}, regionaliserad med standardmetoden." if given else ""
        return (f"Källa: {source}{'; ' + vintage if vintage else ''}. Prognos med "
                f"standardmetoden från {self.base_year}, scenario '{self.scenario.name}'.{path}")

    @property
    def table(self) -> pd.DataFrame:
        return self.paths[self.paths["year"].isin(self.target_years)].reset_index(drop=True)

    @property
    def cells(self) -> pd.DataFrame:
        """Per län × SSYK4: base employed, share aged 55+, whether ages are estimated."""
        base = self.paths[self.paths["year"] == self.base_year]
        return base[["region", "ssyk", "base_employed", "share_55plus", "estimated",
                     "scenario"]].reset_index(drop=True)

    def aggregate(self, level: int = 3, regions: str | Iterable[str] | None = None,
                  years: Iterable[int] | None = None) -> pd.DataFrame:
        """Sum to SSYK ``level`` (1–4; 0 = all occupations, the län total, ``ssyk`` "") for
        ``regions``.

        ``regions``: None = every län, "riket" = Riket only, "all" = every län and Riket, or a
        län/Riket code or name ("18", "Örebro län", "00") or a list of them. ``years`` defaults
        to the target years; pass ``range(base, last + 1)`` for paths.
        """
        if level not in (0, 1, 2, 3, 4):
            raise InputError(f"SSYK-nivå ska vara 1, 2, 3 eller 4 (0 = alla yrken), fick {level!r}")
        chosen = self._region_codes(regions)
        wanted = self.target_years if years is None else tuple(int(y) for y in years)
        frame = self.paths[self.paths["year"].isin(wanted)]
        frame = frame.assign(ssyk=frame["ssyk"].str[:level],
                             older=frame["share_55plus"] * frame["base_employed"])
        lan = [code for code in chosen if code != RIKET]
        parts = [frame[frame["region"].isin(lan)]] if lan else []
        if RIKET in chosen:
            parts.append(frame.assign(region=RIKET))
        return self._sum(pd.concat(parts, ignore_index=True), level).reset_index(drop=True)

    def _region_codes(self, regions: str | Iterable[str] | None) -> list[str]:
        """Codes for the ``regions`` argument of ``aggregate`` (names resolved, checked)."""
        lan = sorted(self.paths["region"].unique())
        if regions is None:
            return lan
        if isinstance(regions, str) and regions.lower() in ("all", "alla"):
            return [*lan, RIKET]
        items = [regions] if isinstance(regions, str) else [str(r) for r in regions]
        codes = [code if code in (*lan, RIKET) else _resolve(code) for code in items]
        unknown = [item for item, code in zip(items, codes, strict=True)
                   if code not in (*lan, RIKET)]
        if unknown:
            raise InputError(f"regionerna {unknown} finns inte i prognosen; finns: "
                             f"{', '.join(lan)} och {RIKET} (Riket)")
        return list(dict.fromkeys(codes))

    def _sum(self, frame: pd.DataFrame, level: int) -> pd.DataFrame:
        keys = ["region", "ssyk", "year"]
        summed = frame.groupby(keys, as_index=False, sort=True).agg(
            **{c: (c, "sum") for c in [*SUM_COLUMNS, "older"]}, estimated=("estimated", "any"))
        summed["share_55plus"] = np.divide(
            summed["older"], summed["base_employed"],
            out=np.zeros(len(summed)), where=summed["base_employed"].to_numpy() > 0)
        summed = self._intervals(summed.drop(columns="older"))
        summed["scenario"] = self.scenario.name
        summed["region_name"] = map_labels(summed["region"],
                                           self.names.get("region", {})).fillna("")
        summed["ssyk_name"] = map_labels(
            summed["ssyk"], self.names.get(f"ssyk{level}", {"": "Samtliga yrken"})).fillna("")
        return summed[TABLE_COLUMNS]

    def _intervals(self, frame: pd.DataFrame) -> pd.DataFrame:
        return add_intervals(frame, self.calibration, self.base_year)

    def gender_balance(self, level: int = 4, regions: str | Iterable[str] | None = None
                       ) -> pd.DataFrame:
        """Base-year employed by sex: region, ssyk, men, women, share_women (regions as in
        ``aggregate``)."""
        if self.by_sex is None:
            raise InputError("employment saknade kolumnen 'sex'; ingen könsfördelning")
        chosen = self._region_codes(regions)
        frame = self.by_sex.assign(ssyk=self.by_sex["ssyk"].str[:level])
        parts = [frame[frame["region"].isin(chosen)]]
        if RIKET in chosen:
            parts.append(frame.assign(region=RIKET))
        frame = pd.concat(parts, ignore_index=True)
        wide = frame.pivot_table(index=["region", "ssyk"], columns="sex", values="employed",
                                 aggfunc="sum", fill_value=0).reset_index()
        wide.columns.name = None
        total = wide.get("men", 0) + wide.get("women", 0)
        wide["share_women"] = np.divide(wide.get("women", 0), total, out=np.zeros(len(wide)),
                                        where=np.asarray(total) > 0)
        return wide

    def __repr__(self) -> str:
        riket = self.aggregate(level=1, regions="riket").groupby("year")[SUM_COLUMNS].sum()
        lines = [f"Projection('{self.scenario.name}', basår {self.base_year}, "
                 f"{self.paths['region'].nunique()} län × {self.paths['ssyk'].nunique()} yrken)",
                 f"  anställda {self.base_year}: {fmt_int(riket['base_employed'].iloc[0])}"]
        for year, row in riket.iterrows():
            lines.append(f"  {year}: {fmt_int(row['employed'])} anställda, expansion "
                         f"{fmt_signed(row['expansion'])}, avgångar "
                         f"{fmt_int(row['replacement'])} (varav yrkesbyten "
                         f"{fmt_int(row['transfers'])}), rekryteringsbehov "
                         f"{fmt_int(row['recruitment_need'])}")
        return "\n".join(lines)


def _resolve(text: str) -> str:
    """A län or Riket code for a name; the text itself if it cannot be resolved."""
    try:
        return resolve_region(text, ("riket", "lan"))
    except ReglabError:
        return text


def add_intervals(frame: pd.DataFrame, calibration: Calibration, base_year: int
                  ) -> pd.DataFrame:
    """``lower``/``upper`` for each row from its level, size (base employed) and horizon.

    The level is the length of the row's SSYK code; a frame without ``ssyk`` (or an empty
    code) holds län or Riket totals and gets the totals' own calibration.
    """
    employed = frame["employed"].to_numpy(float)
    lower, upper = employed.copy(), employed.copy()
    horizon = frame["year"].to_numpy(int) - base_year
    levels = (frame["ssyk"].astype(str).str.len().to_numpy(int) if "ssyk" in frame
              else np.zeros(len(frame), dtype=int))
    base = frame["base_employed"].to_numpy(float)
    width = int(levels.max(initial=0)) + 1
    keys = np.unique((horizon * width + levels)[horizon > 0])
    for h, level in zip((keys // width).tolist(), (keys % width).tolist(), strict=True):
        rows = (horizon == h) & (levels == level)
        lower[rows], upper[rows] = calibration.apply(employed[rows], base[rows], h, level)
    return frame.assign(lower=lower, upper=upper)


def _target_years(target_years: int | Iterable[int], base_year: int) -> tuple[int, ...]:
    from ..loaders import year_list

    if isinstance(target_years, Iterable) and not isinstance(target_years, str) \
            and not list(target_years):
        raise InputError("target_years är tomt; ange t.ex. (2030, 2035)")
    years = year_list(target_years, "target_years")
    for year in years:
        if not base_year < year <= base_year + MAX_HORIZON:
            raise InputError(f"målår {year} ska ligga efter basåret {base_year} och högst "
                             f"{MAX_HORIZON} år fram ({base_year + MAX_HORIZON})")
    return tuple(sorted({int(y) for y in years}))


def project(
    employment: pd.DataFrame,
    age_profile: pd.DataFrame,
    base_year: int | None = None,
    target_years: int | Iterable[int] = (2030, 2035),
    scenario: str | Path | Mapping[str, Any] | Scenario | None = None,
    *,
    calibration: Calibration | None = None,
    params: MethodParams = DEFAULT_PARAMS,
    age_structure: AgeStructure = "regional",
    population: pd.DataFrame | None = None,
    national_path: pd.DataFrame | None = None,
    national_source: str | None = None,
) -> Projection:
    """Project employed, expansion, replacement and recruitment need per län × SSYK4.

    ``employment`` should hold every län: the national paths are the sum of the län given.
    Nothing after ``base_year`` (default: the last year in ``employment``) is used for the
    point projections, nor for the intervals: they come from the stored calibration of the
    rolling-origin backtest (``reglab-forecast backtest --save``) only if its outcomes end by
    ``base_year``, else from the input's own rolling origins up to ``base_year``
    (``Projection.interval_basis`` and ``interval_note`` say which), unless ``calibration``
    is given.

    ``age_structure`` decides the base-year age structure behind replacement, transfers and
    share 55+: "regional" (default) estimates each län's from the inputs' base year with
    ``regional_age`` (län codes only), "national" applies Riket's to every län, and a frame
    like ``load_regional_age_profile(level=4, years=base_year)`` is used as given.
    ``Projection.age_note`` says which. ``transfers`` (estimated) is the part of
    ``replacement`` that moves to other occupations at 50–59.

    ``population`` (a ``load_population()`` frame; default: the snapshot's population) lets
    each län's total follow the cohort change of its working-age population (totals.py); without
    population for every län the totals come from the occupations alone
    (``provenance['totals']`` says which). ``national_path`` (year, employed, optionally
    ssyk) replaces the trended national path, per occupation or as a total, and is
    regionalised with the same method; ``national_source`` (or its ``attrs['source']``)
    names it in every output (given_path.py).
    """
    chosen = load_scenario(scenario).with_region_codes()
    panel = build_panel(employment, base_year)
    if any(len(code) != 4 for code in panel.ssyk):
        raise InputError("project räknar på SSYK nivå 4: ge employment från "
                         "load_employment(level=4) (fick koder som "
                         f"{[c for c in panel.ssyk if len(c) != 4][:3]})")
    targets = _target_years(target_years, panel.base_year)
    chosen.check(panel.ssyk, panel.regions, panel.base_year, panel.base)
    horizons = np.arange(1, targets[-1] - panel.base_year + 1)
    given = (None if national_path is None else given_path(
        national_path, panel.base_year, horizons, panel.ssyk, panel.base.sum(axis=0),
        national_source))
    working, totals_note = _working_age(population, panel)
    employed, fit = _employed(panel, horizons, chosen, params, working, given)
    stock = base_stock(age_structure, employment, age_profile, panel)
    flows = stock.outflows(panel.breaks, np.arange(0, horizons[-1] + 1),
                           chosen.retirement_age_shift)
    intervals = _intervals_for(panel, params, int(horizons[-1]), calibration)
    paths = add_intervals(_Cube(panel, employed, flows.gone, stock.share_55plus(), chosen,
                                flows.transfers).frame(),
                          intervals.calibration, panel.base_year)
    paths = paths.assign(region_name=map_labels(paths["region"], panel.region_names).fillna(""),
                         ssyk_name=map_labels(paths["ssyk"], panel.ssyk_names).fillna(""))
    return Projection(
        paths=paths[TABLE_COLUMNS], scenario=chosen, base_year=panel.base_year,
        target_years=targets, calibration=intervals.calibration,
        models={"national_total": fit}, interval_basis=intervals.basis,
        interval_note=intervals.note, age_note=stock.note,
        by_sex=_base_by_sex(panel), names=_names(panel),
        provenance={**{k: employment.attrs[k] for k in ("source", "vintage", "table_id")
                       if k in employment.attrs}, "totals": totals_note,
                    **({"national_path": given.source} if given else {})},
    )


def _working_age(population: pd.DataFrame | None, panel: Panel
                 ) -> tuple[WorkingAge | None, str]:
    """Population by age for the län totals, and a Swedish note on what the totals follow."""
    try:
        frame = read_dataset("population") if population is None else population
        ages = working_age(frame, panel.regions, latest_by=panel.base_year)
    except ReglabError:
        if population is not None:
            raise
        return None, "länens totaler följer yrkenas projektioner (ingen befolkning per ålder)"
    return ages, (f"länens totaler följer förändringen av befolkningen 20–64 år, framskriven "
                  f"från {ages.latest(panel.base_year)} (skattad)")


def _intervals_for(panel: Panel, params: MethodParams, longest_horizon: int,
                   given: Calibration | None) -> IntervalChoice:
    if given is not None:
        return IntervalChoice(given, "given", given.note)
    return choose_calibration(panel, params, longest_horizon, _stored_calibration)


def _employed(panel: Panel, horizons: np.ndarray, scenario: Scenario, params: MethodParams,
              ages: WorkingAge | None = None, given: GivenPath | None = None,
              ) -> tuple[np.ndarray, Any]:
    """Projected employed ``[r, o, h]`` with the scenario's levers applied."""
    override = national_total(scenario, float(panel.base.sum()), horizons)
    if given is not None and override is None:
        override = given.total
    points = project_points(panel, horizons, params, override, ages,
                            None if given is None else given.occupations)
    employed = regional_growth(points.employed, panel.base, panel.regions, scenario, horizons)
    employed = apply_shocks(employed, panel.base, panel.regions, panel.ssyk, scenario,
                            panel.base_year + horizons)
    return employed, points.national.total_fit


@dataclass(frozen=True)
class _Cube:
    """Arrays ``[r, o, h]`` (h = 0 is the base year) turned into the long paths frame."""

    panel: Panel
    employed: np.ndarray
    rates: np.ndarray  # [r, o, h] (or [1, o, h]: one age structure for every län)
    share55: np.ndarray  # [r, o] (or [1, o])
    scenario: Scenario
    transfers: np.ndarray  # [r, o, h] like rates

    def frame(self) -> pd.DataFrame:
        base = self.panel.base
        n_r, n_o = base.shape
        employed = np.concatenate([base[:, :, None], self.employed], axis=2)
        n_h = employed.shape[2]
        expansion = employed - base[:, :, None]
        replacement = base[:, :, None] * self.rates
        transfers = base[:, :, None] * self.transfers
        return pd.DataFrame({
            "region": repeat_labels(self.panel.regions, np.repeat(np.arange(n_r), n_o * n_h)),
            "ssyk": repeat_labels(self.panel.ssyk, np.tile(np.repeat(np.arange(n_o), n_h), n_r)),
            "year": np.tile(self.panel.base_year + np.arange(n_h), n_r * n_o),
            "employed": employed.ravel(),
            "expansion": expansion.ravel(),
            "replacement": replacement.ravel(),
            "recruitment_need": np.maximum(replacement + expansion, 0.0).ravel(),
            "base_employed": np.repeat(base.ravel(), n_h),
            "share_55plus": np.repeat(np.broadcast_to(self.share55, (n_r, n_o)).ravel(), n_h),
            "estimated": True,  # the regional age structure is estimated (or Riket's)
            "scenario": repeat_labels([self.scenario.name], np.zeros(n_r * n_o * n_h, int)),
            "transfers": np.broadcast_to(transfers, (n_r, n_o, n_h)).ravel(),
        })


def _base_by_sex(panel: Panel) -> pd.DataFrame | None:
    if panel.by_sex is None:
        return None
    frame = panel.by_sex[panel.by_sex["year"] == panel.base_year]
    return frame[["region", "ssyk", "sex", "employed"]].reset_index(drop=True)


def _names(panel: Panel) -> dict[str, dict[str, str]]:
    """Swedish names for regions and SSYK codes at every level (input labels first)."""
    try:
        every_level = occupation_names()
        regions = region_names()
    except ReglabError:  # no snapshot: fall back to the labels that came with the input
        every_level, regions = {}, {}
    names = {"region": {**regions, **panel.region_names, RIKET: "Riket"},
             "ssyk4": {**every_level, **panel.ssyk_names}}
    for level in (1, 2, 3):
        names[f"ssyk{level}"] = {c: n for c, n in every_level.items() if len(c) == level}
    return names
