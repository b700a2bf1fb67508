"""Demographic levers of a scenario: the ``[demography]`` table of the scenario TOML file.

    [demography]
    net_migration_factor = 0.5     # nettoflyttningen i alla län gånger 0,5
    [demography.net_migration]     # personer per år utöver prognosen, per län
    "25" = 500
    [demography.employment_rate]   # procentenheter på anställda per invånare, per åldersgrupp,
    "60-69" = 5                    #   uppnått gradvis till sista prognosåret

Extra net migration is spread over ages and sexes like the country's net in-migration.
Unknown keys and implausible values raise ``ScenarioError`` with the nearest valid key.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InputError, ScenarioError, SnapshotError
from ..regions import resolve_region
from .model import Fitted

DEFAULT_NAME = "Grundscenario"
KEYS = ("net_migration_factor", "net_migration", "employment_rate")
MAX_EXTRA = 50_000.0  # persons a year in one län
RATE_AGES = (16, 69)


@dataclass(frozen=True)
class DemographicScenario:
    name: str = DEFAULT_NAME
    net_migration_factor: float = 1.0
    net_migration: dict[str, float] = field(default_factory=dict)
    employment_rate: dict[str, float] = field(default_factory=dict)  # band → pp

    @property
    def is_baseline(self) -> bool:
        return (self.net_migration_factor == 1.0 and not self.net_migration
                and not self.employment_rate)

    def with_region_codes(self, regions: tuple[str, ...]) -> DemographicScenario:
        """Län names turned into codes; ScenarioError for a region not in ``regions`` or named
        twice."""
        from ..projection.scenario import unique_codes

        codes = {}
        for key, value in self.net_migration.items():
            try:
                code = resolve_region(key, ("lan",))
            except (InputError, SnapshotError) as error:
                raise ScenarioError(f"scenario '{self.name}' [demography.net_migration]: "
                                    f"{error}") from error
            if code not in regions:
                raise ScenarioError(f"scenario '{self.name}': länet {key} finns inte i "
                                    "befolkningen")
            codes[key] = (code, value)
        return replace(self, net_migration=unique_codes(
            codes, f"scenario '{self.name}' [demography.net_migration]"))


def _suggest(word: str, options: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.3)
    return f"; menade du '{close[0]}'?" if close else f"; giltiga: {', '.join(options)}"


def _number(value: Any, key: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)  # as TOML says it
        raise ScenarioError(f"[demography] '{key}' ska vara ett tal, fick {shown}")
    if not low <= float(value) <= high:
        raise ScenarioError(f"[demography] '{key}' = {value} är orimligt; ange ett värde "
                            f"mellan {low:g} och {high:g}")
    return float(value)


def band_limits(band: str) -> tuple[int, int]:
    """ "60-69" → (60, 69); ScenarioError unless inside 16–69."""
    try:
        low, high = (int(part) for part in band.split("-"))
    except ValueError as error:
        raise ScenarioError(f"[demography.employment_rate] okänd åldersgrupp '{band}'; "
                            "skriv t.ex. \"60-69\"") from error
    if not RATE_AGES[0] <= low <= high <= RATE_AGES[1]:
        raise ScenarioError(f"[demography.employment_rate] åldersgruppen '{band}' ska ligga "
                            f"inom {RATE_AGES[0]}–{RATE_AGES[1]} år, t.ex. \"60-69\"")
    return low, high


def _table(raw: Any, key: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        name = "demography" if key == "demography" else f"demography.{key}"
        raise ScenarioError(f"[{name}] ska vara en tabell")
    return raw


def demographic_from_dict(raw: Mapping[str, Any], name: str = DEFAULT_NAME
                          ) -> DemographicScenario:
    """The levers of a parsed ``[demography]`` table."""
    for key in raw:
        if key not in KEYS:
            raise ScenarioError(f"[demography]: okänd nyckel '{key}'{_suggest(key, KEYS)}")
    factor = _number(raw.get("net_migration_factor", 1.0), "net_migration_factor", 0.0, 3.0)
    extra = {str(k): _number(v, f"net_migration.{k}", -MAX_EXTRA, MAX_EXTRA)
             for k, v in _table(raw.get("net_migration", {}), "net_migration").items()}
    rates: dict[str, float] = {}
    written_as: dict[str, str] = {}
    for written, value in _table(raw.get("employment_rate", {}), "employment_rate").items():
        band = str(written).replace("–", "-")  # "60–69" as the briefs print it
        band_limits(band)
        if band in rates:
            raise ScenarioError(f"[demography.employment_rate]: åldersgruppen anges två gånger "
                                f"(\"{written_as[band]}\" och \"{written}\"); ange den en gång")
        rates[band] = _number(value, f"employment_rate.{written}", -20.0, 20.0)
        written_as[band] = str(written)
    return DemographicScenario(name, factor, extra, rates)


def load_demographic_scenario(scenario: str | Path | Mapping[str, Any] | DemographicScenario
                              | None) -> DemographicScenario:
    """From a scenario TOML path (its ``[demography]`` table), a dict of the whole scenario
    or of the table, a DemographicScenario, or None (no levers)."""
    if scenario is None:
        return DemographicScenario()
    if isinstance(scenario, DemographicScenario):
        return scenario
    default = DEFAULT_NAME
    if isinstance(scenario, Mapping):
        doc: Mapping[str, Any] = scenario
    else:
        path = _scenario_path(Path(scenario))
        doc, default = read_toml(path), path.stem
    name = str(doc.get("name", default))
    table = doc.get("demography", {k: v for k, v in doc.items() if k in KEYS})
    return demographic_from_dict(_table(table, "demography"), name)


def _in_migration_profile(fitted: Fitted) -> np.ndarray:
    """Shares ``[s, a]`` of the country's positive long-run net migration by sex and age."""
    national = np.maximum(fitted.migration.long.sum(axis=0), 0.0)
    return national / max(float(national.sum()), 1.0)


def apply_scenario(fitted: Fitted, scenario: DemographicScenario) -> Fitted:
    """``fitted`` with the scenario's net-migration levers."""
    if scenario.net_migration_factor == 1.0 and not scenario.net_migration:
        return fitted
    added = np.zeros_like(fitted.base)
    profile = _in_migration_profile(fitted)
    for code, persons in scenario.net_migration.items():
        added[fitted.regions.index(code)] = persons * profile
    return fitted.with_migration(
        fitted.migration.scaled(scenario.net_migration_factor, added))


def _scenario_path(path: Path) -> Path:
    """A path, or a shipped example by its short name (as ``projection.load_scenario``)."""
    from ..projection.scenario import SCENARIO_DIR

    shipped = SCENARIO_DIR / f"{path.name}.toml"
    return shipped if not path.exists() and shipped.exists() else path


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ScenarioError(f"scenariofilen {path} kan inte läsas: {error}") from error


def check_scenario_file(scenario: str | Path) -> DemographicScenario:
    """Read and check a whole scenario file before any work: the labour-market levers
    (``projection.load_scenario``) and the ``[demography]`` table, with län names turned into
    codes. Returns the demographic levers; raises ``ScenarioError`` (an ``InputError``) naming
    the file and the nearest valid value."""
    from ..projection.scenario import load_scenario
    from ..regions import lan_codes

    load_scenario(scenario)
    path = _scenario_path(Path(scenario))
    try:
        return load_demographic_scenario(path).with_region_codes(tuple(lan_codes()))
    except ScenarioError as error:
        raise ScenarioError(f"{path}: {error}") from None
