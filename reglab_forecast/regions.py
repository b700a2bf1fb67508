"""Riket, län and kommuner: codes, Swedish names and a lookup that forgives case and diacritics.

    resolve_region("18") == resolve_region("Örebro län") == resolve_region("orebro") == "18"

Län come first: "Stockholm" is Stockholms län ("01"), not Stockholms kommun; a kommun is found
by its code ("0180") or by a name that is not also a län ("Kiruna" → "2584").

Names as people and files write them resolve too: the regional bodies' own names ("Region
Jämtland Härjedalen", "Västra Götalandsregionen", "Region Sörmland"), labels that carry their
code ("1280 Malmö", "18 Örebro län"; code and name must agree), and kommun codes that SCB has
changed (Heby 1917 → 0331 from 2007), which also issue a ``RegionMapped`` warning saying what
was mapped.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
import warnings
from collections.abc import Iterable

import pandas as pd

from .errors import ReglabNote, UnknownRegionError
from .snapshot import read_dataset, register_cache

RIKET = "00"
KINDS = ("riket", "lan", "kommun")
_RIKET_ALIASES = ("riket", "sverige", "sweden", "hela landet", "hela riket")
_PREFIXES = ("region ",)
_SUFFIXES = (" lan", " county", " lans")
# The regional bodies' own names where they differ from the län's (folded) → län code.
_BODY_NAMES = {
    "jamtland harjedalen": "23", "jamtlands lan harjedalen": "23",
    "vastra gotalandsregionen": "14", "vgr": "14",
    "sormland": "04", "sormlands": "04",
}
# Kommun codes SCB has changed: old code → (new code, year of the change).
CHANGED_CODES = {"1917": ("0331", 2007)}  # Heby moved from Västmanlands to Uppsala län
_CODE_LABEL = re.compile(r"^(\d{1,4})\s*[-–:,]?\s+(\D.*)$")


class RegionMapped(ReglabNote):
    """A region given in an older or roundabout form was mapped to today's code."""


def fold(text: str) -> str:
    """Lower case without diacritics and extra spaces: "  ÖREBRO  Län " → "orebro lan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("-", " ").split())


def _lan_aliases(name: str) -> set[str]:
    """ "Stockholms län" → {"stockholms lan", "stockholms", "stockholm"}."""
    full = fold(name)
    base = full.removesuffix(" lan")
    aliases = {full, base}
    if base.endswith("s"):  # genitive: Stockholms, Västra Götalands, Hallands
        aliases.add(base[:-1])
    return aliases


def _strip_affixes(key: str) -> str:
    for prefix in _PREFIXES:
        key = key.removeprefix(prefix)
    for suffix in _SUFFIXES:
        key = key.removesuffix(suffix)
    return key


def _table() -> pd.DataFrame:
    return read_dataset("regions")  # kept in memory by the snapshot reader


@functools.lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    """Folded name → code; kommun names are added only where no län already owns the alias."""
    table = _table()
    index = {alias: RIKET for alias in _RIKET_ALIASES}
    index.update(_BODY_NAMES)
    lan = table[table["kind"] == "lan"]
    for code, name in zip(lan["region"], lan["region_name"], strict=True):
        for alias in _lan_aliases(str(name)):
            index[alias] = str(code)
    kommuner = table[table["kind"] == "kommun"]
    for code, name in zip(kommuner["region"], kommuner["region_name"], strict=True):
        index.setdefault(fold(str(name)), str(code))
    return index


def _by_code(text: str) -> str | None:
    if not text.isdigit():
        return None
    codes = _code_to_name()
    for candidate in (text, text.zfill(2), text.zfill(4)):
        if candidate in codes:
            return candidate
        if candidate in CHANGED_CODES:
            new, year = CHANGED_CODES[candidate]
            warnings.warn(RegionMapped(
                f"kommunkoden {candidate} gäller före {year}; använder dagens {new} "
                f"{region_name(new)}"), stacklevel=4)
            return new
    return None


def _by_name(key: str) -> str | None:
    aliases = _alias_index()
    return aliases.get(key) or aliases.get(_strip_affixes(key))


def _by_label(raw: str, key: str) -> str | None:
    """A label that carries its code, "1280 Malmö" or "18 Örebro län": code and name agree."""
    match = _CODE_LABEL.match(key)
    if not match:
        return None
    code = _by_code(match.group(1))
    if code is None:
        return None
    name = match.group(2)
    own = fold(region_name(code))
    if name in (own, _strip_affixes(own)) or _strip_affixes(name) == _strip_affixes(own):
        return code
    named = _by_name(name)
    if named is not None and named != code:
        raise UnknownRegionError(
            f"'{raw}': koden {code} är {region_name(code)} men namnet är "
            f"{region_name(named)} ({named}); ange bara koden eller bara namnet")
    return code


def _suggestions(text: str, limit: int = 3) -> list[str]:
    """The closest region names (län before kommuner), compared without case or diacritics."""
    aliases = _alias_index()
    key = fold(text)
    close = difflib.get_close_matches(key, list(aliases), n=10, cutoff=0.7)
    close += difflib.get_close_matches(_strip_affixes(key), list(aliases), n=10, cutoff=0.7)
    codes = list(dict.fromkeys(aliases[alias] for alias in close))
    codes.sort(key=lambda code: len(code) > 2)  # stable: län keep their order, kommuner after
    return [region_name(code) for code in codes[:limit]]


def _unknown(text: str) -> UnknownRegionError:
    suggestions = _suggestions(text)
    hint = f" Menade du: {', '.join(suggestions)}?" if suggestions else ""
    return UnknownRegionError(
        f"okänd region '{text}'. Ange en länskod ('18'), ett länsnamn ('Örebro län') "
        f"eller en kommun.{hint} Se 'reglab-forecast regions'."
    )


def resolve_region(text: str | int, kinds: Iterable[str] = KINDS) -> str:
    """The SCB code of a region given as code or name; raises UnknownRegionError.

    ``kinds`` limits the answer to some of "riket", "lan", "kommun"; a region of another kind
    raises UnknownRegionError that says what it is (e.g. a kommun where a län is needed).
    """
    if not isinstance(text, str | int) or isinstance(text, bool):
        raise UnknownRegionError(
            f"region ska vara en kod eller ett namn (text), fick {text!r} "
            f"({type(text).__name__}); t.ex. '18' eller 'Örebro län'")
    raw = str(text).strip()
    key = fold(raw)
    code = _by_code(key) or _by_name(key) or _by_label(raw, key)
    if code is None:
        raise _unknown(raw)
    wanted = tuple(kinds)
    kind = region_kind(code)
    if kind not in wanted:
        raise UnknownRegionError(_wrong_kind_message(raw, code, kind, wanted))
    return code


def _wrong_kind_message(text: str, code: str, kind: str, wanted: tuple[str, ...]) -> str:
    what = {"riket": "riket", "lan": "ett län", "kommun": "en kommun"}
    needed = " eller ".join(what[k] for k in wanted)
    extra, hint = "", ""
    if kind == "kommun":
        extra = f" i {region_name(code[:2])}"
        if "lan" in wanted:
            hint = f"; länet är '{region_name(code[:2])}' ({code[:2]})"
    elif kind == "riket" and "lan" in wanted:
        hint = "; jämför alla län med 'reglab-forecast compare'"
    return (
        f"'{text}' är {what[kind]} ({code} {region_name(code)}{extra}); här behövs {needed}"
        f"{hint}"
    )


@functools.lru_cache(maxsize=1)
def _code_to_name() -> dict[str, str]:
    table = _table()
    return dict(zip(table["region"], table["region_name"], strict=True))


@functools.lru_cache(maxsize=1)
def _code_to_kind() -> dict[str, str]:
    table = _table()
    return dict(zip(table["region"], table["kind"], strict=True))


def region_kind(code: str) -> str:
    """"riket", "lan" or "kommun" for a region code."""
    if code not in _code_to_kind():
        raise _unknown(code)
    return _code_to_kind()[code]


def region_name(code: str) -> str:
    """The Swedish name of a region code: "18" → "Örebro län"."""
    if code not in _code_to_name():
        raise _unknown(code)
    return _code_to_name()[code]


def region_names() -> dict[str, str]:
    """Code → Swedish name for Riket, every län and every kommun."""
    return dict(_code_to_name())


def list_regions(kind: str = "lan") -> pd.DataFrame:
    """The regions of one kind ("riket", "lan", "kommun") with code, name and län."""
    if kind not in KINDS:
        raise UnknownRegionError(f"okänd regiontyp '{kind}'; välj bland {', '.join(KINDS)}")
    table = _table()
    return table[table["kind"] == kind].reset_index(drop=True)


for _cached in (_alias_index, _code_to_name, _code_to_kind):
    register_cache(_cached.cache_clear)


def lan_codes() -> list[str]:
    """The 21 län codes, "01" … "25"."""
    return list(list_regions("lan")["region"])
