"""Scenarios: the levers a strategist can set, read from a small TOML file.

Example (see ``scenarios/*.toml`` in this folder)::

    name = "Ny batterifabrik"
    description = "1 500 nya jobb inom processindustrin i Norrbotten från 2027"
    national_growth = 0.6          # % per år, sysselsättningen i hela riket
    retirement_age_shift = 1       # år senare utträde ur arbetslivet

    [regional_growth]              # % per år, länets totala sysselsättning
    "25" = 1.0

    [[shock]]                      # chock för namngivna yrken
    ssyk = "8121"                  # SSYK-kod, nivå 1–4 (nivå 1–3 fördelas på yrkena under)
    region = "25"                  # valfritt; utan region fördelas chocken på alla län
    persons = 1500                 # eller: percent = 10
    from_year = 2027

Every output names its scenario; without a file the scenario is "Grundscenario".
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError, ScenarioError, SnapshotError
from ..regions import resolve_region

DEFAULT_NAME = "Grundscenario"
TOP_KEYS = ("name", "description", "national_growth", "regional_growth",
            "retirement_age_shift", "shock", "demography")
SHOCK_KEYS = ("ssyk", "region", "persons", "percent", "from_year")
SCENARIO_DIR = Path(__file__).with_name("scenarios")


@dataclass(frozen=True)
class Shock:
    """A change to one occupation (or SSYK group) from ``from_year`` on."""

    ssyk: str
    from_year: int
    persons: float | None = None
    percent: float | None = None
    region: str | None = None


@dataclass(frozen=True)
class Scenario:
    """Levers; ``None`` means "as the method projects"."""

    name: str = DEFAULT_NAME
    description: str = ""
    national_growth: float | None = None
    regional_growth: dict[str, float] = field(default_factory=dict)
    retirement_age_shift: int = 0
    shocks: tuple[Shock, ...] = ()

    @property
    def is_baseline(self) -> bool:
        return (self.national_growth is None and not self.regional_growth
                and self.retirement_age_shift == 0 and not self.shocks)

    def check(self, ssyk: Iterable[str], regions: Iterable[str]) -> None:
        """Raise ``ScenarioError`` for an occupation or region the data does not have."""
        codes, places = sorted(set(ssyk)), sorted(set(regions))
        for shock in self.shocks:
            if not any(code.startswith(shock.ssyk) for code in codes):
                prefixes = sorted({c[: len(shock.ssyk)] for c in codes})
                raise ScenarioError(
                    f"scenario '{self.name}': okänt yrke ssyk = \"{shock.ssyk}\"; "
                    f"menade du \"{_nearest_code(shock.ssyk, prefixes)}\"?"
                )
        wanted = [s.region for s in self.shocks if s.region] + list(self.regional_growth)
        for region in wanted:
            if region not in places:
                raise ScenarioError(
                    f"scenario '{self.name}': okänd region \"{region}\" (ange länskod, t.ex. "
                    f"\"25\" för Norrbotten){_suggest(region, places)}"
                )

    def with_region_codes(self) -> Scenario:
        """The same scenario with län names ("Norrbotten") turned into codes ("25")."""
        def code(text: str) -> str:
            try:
                return resolve_region(text, ("lan",))
            except (InputError, SnapshotError):
                return text  # left for check() to report with a suggestion
        shocks = tuple(replace(s, region=code(s.region)) if s.region else s for s in self.shocks)
        growth = {code(k): v for k, v in self.regional_growth.items()}
        return replace(self, shocks=shocks, regional_growth=growth)


def _suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.3)
    return f"; menade du \"{close[0]}\"?" if close else ""


def _nearest_code(code: str, codes: list[str]) -> str:
    """The code sharing the longest prefix with ``code``, numerically closest among those."""
    def shared(other: str) -> int:
        return next((i for i, (a, b) in enumerate(zip(code, other, strict=False)) if a != b),
                    min(len(code), len(other)))
    longest = max(shared(c) for c in codes)
    candidates = [c for c in codes if shared(c) == longest]
    if code.isdigit():
        return min(candidates, key=lambda c: abs(int(c) - int(code)) if c.isdigit() else 10**9)
    return candidates[0]


def _check_keys(table: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise ScenarioError(f"{where}: okänd nyckel '{key}'{_suggest(key, allowed)}")


def _number(value: Any, key: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScenarioError(f"{where}: '{key}' ska vara ett tal, fick {value!r}")
    return float(value)


def _shock(raw: Any, where: str) -> Shock:
    if not isinstance(raw, Mapping):
        raise ScenarioError(f"{where}: varje [[shock]] ska vara en tabell")
    _check_keys(raw, SHOCK_KEYS, where)
    if "ssyk" not in raw or "from_year" not in raw:
        raise ScenarioError(f"{where}: en chock behöver 'ssyk' och 'from_year'")
    if ("persons" in raw) == ("percent" in raw):
        raise ScenarioError(f"{where}: ange antingen 'persons' eller 'percent' (ett av dem)")
    year = raw["from_year"]
    if isinstance(year, bool) or not isinstance(year, int):
        raise ScenarioError(f"{where}: 'from_year' ska vara ett årtal, fick {year!r}")
    persons = _number(raw["persons"], "persons", where) if "persons" in raw else None
    percent = _number(raw["percent"], "percent", where) if "percent" in raw else None
    region = str(raw["region"]) if "region" in raw else None
    return Shock(str(raw["ssyk"]), year, persons, percent, region)


def _regional(raw: Any, where: str) -> dict[str, float]:
    if not isinstance(raw, Mapping):
        raise ScenarioError(f"{where}: [regional_growth] ska vara en tabell \"län\" = % per år")
    return {str(k): _number(v, str(k), f"{where} [regional_growth]") for k, v in raw.items()}


def _shift(raw: Any, where: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not -5 <= raw <= 10:
        raise ScenarioError(
            f"{where}: 'retirement_age_shift' ska vara ett heltal år mellan -5 och 10, fick {raw!r}"
        )
    return raw


def scenario_from_dict(raw: Mapping[str, Any], where: str = "scenario") -> Scenario:
    """Build and check a Scenario from parsed TOML (or a plain dict)."""
    _check_keys(raw, TOP_KEYS, where)
    growth = raw.get("national_growth")
    shocks = raw.get("shock", [])
    if isinstance(shocks, Mapping):
        shocks = [shocks]
    return Scenario(
        name=str(raw.get("name", DEFAULT_NAME)),
        description=str(raw.get("description", "")),
        national_growth=None if growth is None else _number(growth, "national_growth", where),
        regional_growth=_regional(raw.get("regional_growth", {}), where),
        retirement_age_shift=_shift(raw.get("retirement_age_shift", 0), where),
        shocks=tuple(_shock(s, where) for s in shocks),
    )


def load_scenario(scenario: str | Path | Mapping[str, Any] | Scenario | None) -> Scenario:
    """A Scenario from a TOML path, a dict, a Scenario, or ``None`` (the base scenario)."""
    if scenario is None:
        return Scenario()
    if isinstance(scenario, Scenario):
        return scenario
    if isinstance(scenario, Mapping):
        return scenario_from_dict(scenario)
    path = Path(scenario)
    if not path.exists() and (SCENARIO_DIR / f"{path.name}.toml").exists():
        path = SCENARIO_DIR / f"{path.name}.toml"  # a shipped example by its short name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        shipped = sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))
        raise ScenarioError(
            f"scenariofilen {path} finns inte; medföljande exempel: {', '.join(shipped)}"
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"scenariofilen {path} är inte giltig TOML: {error}") from error
    return scenario_from_dict(raw, where=str(path))
