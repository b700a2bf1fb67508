"""SSYK 2012 occupations: levels, Swedish (and English) names, search and aggregation.

SSYK 2012 has four levels: 1 digit (yrkesområde, 10), 2 digits (huvudgrupp, 46), 3 digits
(yrkesgrupp, 148) and 4 digits (yrkesgrupp, 429). A code's level is its length; the code of
the level above is its prefix ("2221" → "222" → "22" → "2").
"""

from __future__ import annotations

import difflib
import functools
import numbers
from collections.abc import Iterable

import pandas as pd

from .errors import UnknownOccupationError
from .regions import fold
from .snapshot import read_dataset, register_cache

LEVELS = (1, 2, 3, 4)
LEVEL_NAMES = {1: "yrkesområde", 2: "huvudgrupp", 3: "yrkesgrupp (3 siffror)", 4: "yrkesgrupp"}


def check_level(level: int) -> int:
    """``level`` if it is 1–4, else UnknownOccupationError."""
    if isinstance(level, bool) or not isinstance(level, numbers.Integral) or level not in LEVELS:
        raise UnknownOccupationError(f"okänd SSYK-nivå {level!r}; välj 1, 2, 3 eller 4")
    return int(level)


def list_occupations(level: int | None = None) -> pd.DataFrame:
    """SSYK codes with ``level``, ``ssyk_name`` (Swedish) and ``ssyk_name_en``."""
    table = read_dataset("ssyk")
    if level is not None:
        table = table[table["level"] == check_level(level)].reset_index(drop=True)
    return table


@functools.lru_cache(maxsize=2)
def _names(column: str) -> dict[str, str]:
    table = read_dataset("ssyk")
    return dict(zip(table["ssyk"], table[column], strict=True))


register_cache(_names.cache_clear)


def _unknown(code: str) -> UnknownOccupationError:
    close = difflib.get_close_matches(code, list(_names("ssyk_name")), n=3, cutoff=0.5)
    hint = f" Närmaste koder: {', '.join(close)}." if close else ""
    return UnknownOccupationError(
        f"okänd SSYK 2012-kod '{code}'.{hint} Se 'reglab-forecast occupations --search ...'."
    )


def check_code(code: str) -> str:
    """``code`` if it is an SSYK 2012 code at some level, else UnknownOccupationError."""
    text = str(code).strip()
    if text not in _names("ssyk_name"):
        raise _unknown(text)
    return text


def occupation_name(code: str, lang: str = "sv") -> str:
    """The name of an SSYK code in Swedish (default) or English (``lang="en"``)."""
    column = "ssyk_name_en" if lang == "en" else "ssyk_name"
    return _names(column)[check_code(code)]


def occupation_names(lang: str = "sv") -> dict[str, str]:
    """Code → name for every SSYK code at every level."""
    return dict(_names("ssyk_name_en" if lang == "en" else "ssyk_name"))


def to_level(codes: Iterable[str] | pd.Series, level: int) -> pd.Series:
    """The level-``level`` code each code belongs to ("2221", 2 → "22")."""
    check_level(level)
    series = pd.Series(list(codes) if not isinstance(codes, pd.Series) else codes, dtype="str")
    too_short = series.str.len() < level
    if too_short.any():
        raise UnknownOccupationError(
            f"kan inte föra '{series[too_short].iloc[0]}' till nivå {level}: koden är kortare"
        )
    return series.str[:level]


def search_occupations(text: str, level: int | None = None) -> pd.DataFrame:
    """Occupations whose code starts with ``text`` or whose name contains it (any case/accent).

    Raises ``UnknownOccupationError`` (an ``InputError``) when ``text`` is not text."""
    if not isinstance(text, str):
        raise UnknownOccupationError(f"sökordet ska vara text, t.ex. 'sjuksköterska' eller "
                                     f"'222', fick {text!r}")
    table = list_occupations(level)
    key = fold(text)
    if not key:
        return table
    in_name = table["ssyk_name"].map(fold).str.contains(key, regex=False)
    in_english = table["ssyk_name_en"].map(fold).str.contains(key, regex=False)
    by_code = table["ssyk"].str.startswith(text.strip())
    return table[in_name | in_english | by_code].reset_index(drop=True)
