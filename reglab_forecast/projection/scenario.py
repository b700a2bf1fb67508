"""Scenarios: the levers a strategist can set, read from a small TOML file.

Example (see ``scenarios/*.toml`` in this folder)::

    name = "Ny batterifabrik"
    description = "1 500 nya jobb inom processindustrin i Norrbotten från 2027"
    national_growth = 0.6          # % per år, antalet anställda i hela riket
    retirement_age_shift = 1       # år senare utträde ur arbetslivet

    [regional_growth]              # % per år, länets totala antal anställda
    "25" = 1.0

    [[shock]]                      # chock för namngivna yrken
    ssyk = "8121"                  # SSYK-kod, nivå 1–4 (nivå 1–3 fördelas på yrkena under)
    region = "25"                  # valfritt; utan region fördelas chocken på alla län
    persons = 1500                 # eller: percent = 10
    from_year = 2027

Every output names its scenario; without a file the scenario is "Grundscenario". A file
without ``name`` is named after the file ("noname.toml" → "noname"), never "Grundscenario".
"""

from __future__ import annotations

import difflib
import math
import numbers
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import InputError, ScenarioError, SnapshotError
from ..numbers import fmt_int
from ..regions import list_regions, resolve_region

DEFAULT_NAME = "Grundscenario"
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

    def check(self, ssyk: Iterable[str], regions: Iterable[str], base_year: int | None = None,
              base: np.ndarray | None = None) -> None:
        """Raise ``ScenarioError`` for an occupation or region the data does not have, a
        shock starting before ``base_year``, or a negative ``persons`` shock larger than the
        employed it takes from (``base[region, ssyk]``, aligned with ``regions``, ``ssyk``)."""
        ssyk, regions = list(ssyk), list(regions)
        self._check_codes(ssyk, regions)
        for shock in self.shocks:
            if base_year is not None and shock.from_year <= base_year:
                raise ScenarioError(
                    f"scenario '{self.name}': chocken för {shock.ssyk} har from_year = "
                    f"{shock.from_year}, men prognosen börjar efter basåret {base_year}; "
                    f"ange ett år från {base_year + 1}")
            if base is not None and shock.persons is not None and shock.persons < 0:
                self._check_size(shock, ssyk, regions, base)

    def _check_size(self, shock: Shock, ssyk: list[str], regions: list[str],
                    base: np.ndarray) -> None:
        occupations = np.array([code.startswith(shock.ssyk) for code in ssyk])
        places = np.array([shock.region in (None, r) for r in regions])
        available = float(base[np.ix_(places, occupations)].sum())
        if -shock.persons > available:  # type: ignore[operator]
            where = f" i {shock.region}" if shock.region else ""
            raise ScenarioError(
                f"scenario '{self.name}': chocken persons = {_plain(shock.persons or 0)} för "
                f"{shock.ssyk}{where} tar bort fler än de {fmt_int(available)} anställda som "
                f"finns; ta bort högst så många, alltså persons = {-round(available)} eller "
                "ett värde närmare noll")

    def _check_codes(self, ssyk: list[str], regions: list[str]) -> None:
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
                raise ScenarioError(f"scenario '{self.name}': {_unknown_region(region, places)}")

    def with_region_codes(self) -> Scenario:
        """The same scenario with län names ("Norrbotten") turned into codes ("25")."""
        def code(text: str) -> str:
            try:
                return resolve_region(text, ("lan",))
            except (InputError, SnapshotError):
                return text  # left for check() to report with a suggestion
        shocks = tuple(replace(s, region=code(s.region)) if s.region else s for s in self.shocks)
        growth = unique_codes({k: (code(k), v) for k, v in self.regional_growth.items()},
                              f"scenario '{self.name}' [regional_growth]")
        return replace(self, shocks=shocks, regional_growth=growth)


def unique_codes(coded: Mapping[str, tuple[str, float]], where: str) -> dict[str, float]:
    """``{code: value}`` from ``{key as written: (code, value)}``; ScenarioError when two keys
    name the same län (e.g. "18" and "Örebro län"), instead of one silently winning."""
    values: dict[str, float] = {}
    written: dict[str, str] = {}
    for key, (code, value) in coded.items():
        if code in values:
            raise ScenarioError(f"{where}: länet anges två gånger (\"{written[code]}\" och "
                                f"\"{key}\"); ange det en gång")
        values[code], written[code] = value, key
    return values


def _unknown_region(text: str, places: Iterable[str]) -> str:
    """ 'okänd region "Stokholm"; menade du "01" (Stockholms län)?' — the nearest län by name
    or code, from the region list (or among ``places`` when that cannot be read)."""
    try:
        lan = list_regions("lan")
    except (InputError, SnapshotError):
        return f"okänd region \"{text}\" (ange länskod){_suggest(text, places)}"
    label = {str(code): str(name) for code, name in zip(lan["region"], lan["region_name"],
                                                         strict=True)}
    names = {name.lower(): code for code, name in label.items()} | {c: c for c in label}
    close = difflib.get_close_matches(str(text).lower(), list(names), n=1, cutoff=0.3)
    hint = ""
    if close:
        code = names[close[0]]
        hint = f"; menade du \"{code}\" ({label[code]})?"
    return f"okänd region \"{text}\" (ange länskod eller länsnamn){hint}"


def _check_region_names(scenario: Scenario, where: str) -> None:
    """ScenarioError naming the file for a region that is neither a län code nor a name."""
    for region in [s.region for s in scenario.shocks if s.region] + list(scenario.regional_growth):
        try:
            resolve_region(region, ("lan",))
        except SnapshotError:
            return  # no region list to check against; check() reports it later
        except InputError:
            raise ScenarioError(f"{where}: {_unknown_region(region, ())}") from None


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


@dataclass(frozen=True)
class Rule:
    """What one scenario key may hold: a finite number (or whole number) within bounds, or
    text. One line in ``TOP_RULES`` / ``SHOCK_RULES`` per lever."""

    kind: str  # "number", "integer", "year" or "text"
    low: float | None = None
    high: float | None = None
    unit: str = ""

    def describe(self) -> str:
        what = {"number": "ett tal", "integer": "ett heltal", "year": "ett årtal",
                "text": "text"}[self.kind]
        if self.low is None or self.high is None:
            return what
        span = f"{_plain(self.low)} till {_plain(self.high)}"
        return f"{what} från {span}{f' {self.unit}' if self.unit else ''}"


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


# One line per key: the allowed type and range. Demographic levers fit here as one line each.
TOP_RULES: dict[str, Rule] = {
    "name": Rule("text"),
    "description": Rule("text"),
    "national_growth": Rule("number", -10.0, 10.0, "% per år"),
    "retirement_age_shift": Rule("integer", -5, 10, "år"),
}
REGIONAL_GROWTH = Rule("number", -10.0, 10.0, "% per år")
SHOCK_RULES: dict[str, Rule] = {
    "ssyk": Rule("text"),
    "region": Rule("text"),
    "persons": Rule("number", -1_000_000, 1_000_000, "personer"),
    "percent": Rule("number", -100.0, 100.0, "%"),
    "from_year": Rule("year", 2000, 2100),
}
TOP_KEYS = (*TOP_RULES, "regional_growth", "shock", "demography")
SHOCK_KEYS = tuple(SHOCK_RULES)


def _check_keys(table: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise ScenarioError(f"{where}: okänd nyckel '{key}'{_suggest(key, allowed)}")


def checked(value: Any, key: str, rule: Rule, where: str) -> Any:
    """``value`` if it follows ``rule``, else ScenarioError naming the key and what it may be."""
    if rule.kind == "text":
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise ScenarioError(f"{where}: '{key}' ska vara text, fick {value!r}")
        return str(value)
    whole = rule.kind in {"integer", "year"}
    wanted = numbers.Integral if whole else numbers.Real
    wrong_type = isinstance(value, bool | np.bool_) or not isinstance(value, wanted)
    if wrong_type or not math.isfinite(value) or (
            rule.low is not None and rule.high is not None
            and not rule.low <= value <= rule.high):
        raise ScenarioError(f"{where}: '{key}' ska vara {rule.describe()}, fick {value!r}")
    return int(value) if whole else float(value)


def _shock(raw: Any, where: str) -> Shock:
    if not isinstance(raw, Mapping):
        raise ScenarioError(f"{where}: varje [[shock]] ska vara en tabell")
    _check_keys(raw, SHOCK_KEYS, where)
    if "ssyk" not in raw or "from_year" not in raw:
        raise ScenarioError(f"{where}: en chock behöver 'ssyk' och 'from_year'")
    if ("persons" in raw) == ("percent" in raw):
        raise ScenarioError(f"{where}: ange antingen 'persons' eller 'percent' (ett av dem)")
    values = {key: checked(value, key, SHOCK_RULES[key], f"{where} [[shock]]")
              for key, value in raw.items()}
    return Shock(values["ssyk"], values["from_year"], values.get("persons"),
                 values.get("percent"), values.get("region"))


def _regional(raw: Any, where: str) -> dict[str, float]:
    if not isinstance(raw, Mapping):
        raise ScenarioError(f"{where}: [regional_growth] ska vara en tabell \"län\" = % per år")
    return {str(k): checked(v, str(k), REGIONAL_GROWTH, f"{where} [regional_growth]")
            for k, v in raw.items()}


def scenario_from_dict(raw: Mapping[str, Any], where: str = "scenario",
                       default_name: str = DEFAULT_NAME) -> Scenario:
    """Build and check a Scenario from parsed TOML (or a plain dict); ``default_name`` names
    it when ``raw`` has no ``name``."""
    if not isinstance(raw, Mapping):
        raise ScenarioError(f"{where}: ett scenario ska vara en tabell med nycklar, fick "
                            f"{type(raw).__name__}")
    _check_keys(raw, TOP_KEYS, where)
    values = {key: checked(raw[key], key, rule, where)
              for key, rule in TOP_RULES.items() if key in raw}
    shocks = raw.get("shock", [])
    if isinstance(shocks, Mapping):
        shocks = [shocks]
    if not isinstance(shocks, list):
        raise ScenarioError(f"{where}: 'shock' ska skrivas som [[shock]]-tabeller")
    return Scenario(
        name=values.get("name", default_name),
        description=values.get("description", ""),
        national_growth=values.get("national_growth"),
        regional_growth=_regional(raw.get("regional_growth", {}), where),
        retirement_age_shift=values.get("retirement_age_shift", 0),
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
    if not isinstance(scenario, str | Path):
        raise ScenarioError(f"scenario ska vara en sökväg till en TOML-fil, en dict eller ett "
                            f"Scenario, fick {type(scenario).__name__}")
    path = _scenario_path(Path(scenario))
    chosen = scenario_from_dict(_read_toml(path), where=str(path), default_name=path.stem)
    _check_region_names(chosen, str(path))
    return chosen


def scenario_file(scenario: str | Path | None) -> Path | None:
    """The TOML file a scenario argument names (a path or a shipped example's name); None for
    the base scenario. Raises ScenarioError like :func:`load_scenario` for a missing file."""
    if scenario is None:
        return None
    return _scenario_path(Path(scenario))


def _shipped() -> str:
    return ", ".join(sorted(p.stem for p in SCENARIO_DIR.glob("*.toml")))


def _scenario_path(path: Path) -> Path:
    """The file to read: ``path``, or a shipped example by its short name."""
    if not path.exists() and (SCENARIO_DIR / f"{path.name}.toml").exists():
        return SCENARIO_DIR / f"{path.name}.toml"
    if path.is_dir():
        raise ScenarioError(f"scenariofilen {path} är en mapp; ange en TOML-fil, t.ex. "
                            f"{path / 'scenario.toml'}")
    if path.suffix.lower() in {".yaml", ".yml"}:
        raise ScenarioError(f"scenariofilen {path} är YAML; scenarier skrivs i TOML (.toml), se "
                            f"exemplen: {_shipped()}")
    if not path.exists():
        raise ScenarioError(f"scenariofilen {path} finns inte; medföljande exempel: {_shipped()}")
    return path


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ScenarioError(f"scenariofilen {path} är inte en textfil i UTF-8; spara den som "
                            "UTF-8-text i TOML-format") from None
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"scenariofilen {path} är inte giltig TOML: {error}") from None
    except OSError as error:
        raise ScenarioError(f"scenariofilen {path} kan inte läsas: "
                            f"{error.strerror or error}") from None
