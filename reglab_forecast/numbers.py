"""Swedish number formats for every user-facing figure, done in Python (never in a template).

Shared by the projection text (CLI) and the report; it imports nothing from either.

One convention throughout: digit groups and the space before ``%`` are U+00A0 (no-break space,
what Babel's sv_SE uses), and negative numbers carry a true minus sign U+2212. The patterns are
Babel's sv_SE ``#,##0`` and ``#,##0.0…`` (groups of three, decimal comma); Python's own
``format(Decimal, ",f")`` writes them in an eighth of Babel's time, and the tests check every
format against Babel::

    >>> fmt_int(1234)
    '1\\xa0234'
    >>> fmt_pct(3.5)
    '3,5\\xa0%'
    >>> fmt_dec(-0.3)
    '−0,3'
    >>> fmt_signed(1234)
    '+1\\xa0234'

Missing values (None, a NaN of any float type, pandas NA or NaT) become an en dash, the Swedish
table convention for "no figure".
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd

NBSP = "\u00a0"
MINUS = "\u2212"
MISSING = "–"

__all__ = [
    "MINUS",
    "MISSING",
    "NBSP",
    "fmt_dec",
    "fmt_int",
    "fmt_pct",
    "fmt_signed",
    "fmt_signed_dec",
    "fmt_signed_pct",
    "format_decimal",
    "format_int",
    "format_percent",
    "parse_number",
]


def _is_missing(value: Any) -> bool:
    """None, pandas' NA/NaT and any float NaN (Python, NumPy float16/32/64) count as missing."""
    if value is None or value is getattr(pd, "NA", None) or value is getattr(pd, "NaT", None):
        return True
    try:
        return bool(math.isnan(value))
    except (TypeError, ValueError):
        return False


# Python's group and decimal marks → Swedish ones.
_SWEDISH_MARKS = str.maketrans({",": NBSP, ".": ","})


def _format(value: float, decimals: int) -> str:
    # Round half away from zero (0,05 → 0,1) as a reader expects, not Babel's half-even.
    step = Decimal(1).scaleb(-decimals)
    rounded = Decimal(repr(abs(value))).quantize(step, rounding=ROUND_HALF_UP)
    text = format(rounded, ",f").translate(_SWEDISH_MARKS)
    negative = value < 0 and text.strip("0,\u00a0") != ""
    return (MINUS if negative else "") + text


def fmt_int(value: Any) -> str:
    """An integer with Swedish digit groups: ``1 234``, ``−56``."""
    if _is_missing(value):
        return MISSING
    return _format(float(value), 0)


def fmt_dec(value: Any, decimals: int = 1) -> str:
    """A decimal number with a decimal comma: ``3,5``, ``−0,3``."""
    if _is_missing(value):
        return MISSING
    return _format(float(value), decimals)


def fmt_pct(value: Any, decimals: int = 1) -> str:
    """A percentage given in percent units (3.5 means 3,5 %): ``3,5 %``."""
    if _is_missing(value):
        return MISSING
    return fmt_dec(value, decimals) + NBSP + "%"


def _signed(text: str) -> str:
    if text.startswith(MINUS) or text == MISSING or text.strip("0,\u00a0%") == "":
        return text
    return "+" + text


def fmt_signed(value: Any) -> str:
    """A change in whole numbers with its sign: ``+1 234``, ``−56``, ``0``."""
    return _signed(fmt_int(value))


def fmt_signed_dec(value: Any, decimals: int = 1) -> str:
    """A change in decimals (e.g. percentage points) with its sign: ``+2,8``, ``−3,1``."""
    return _signed(fmt_dec(value, decimals))


def fmt_signed_pct(value: Any, decimals: int = 1) -> str:
    """A change in percent with its sign: ``+3,5 %``, ``−0,3 %``."""
    return _signed(fmt_pct(value, decimals))


_NUMBER = re.compile(
    r"[+\u2212-]?\d{1,3}(?:[\u00a0\u202f ]\d{3})*(?:,\d+)?|[+\u2212-]?\d+(?:,\d+)?"
)


def parse_number(text: str) -> float:
    """Read back a number written by the ``fmt_*`` functions (used by tests and checks)."""
    match = _NUMBER.search(text)
    if match is None:
        raise ValueError(f"inget tal i {text!r}")
    raw = match.group(0).replace(MINUS, "-").replace(",", ".")
    return float(re.sub(r"[\u00a0\u202f ]", "", raw))


# The names the rest of the package has used from the start; same rules as the fmt_* family.
def format_int(value: float | int | None, plus: bool = False) -> str:
    """A whole number with Swedish digit groups: 1234567 → "1 234 567"; ``plus`` adds "+"."""
    return fmt_signed(value) if plus else fmt_int(value)


def format_decimal(value: float | None, digits: int = 1, plus: bool = False) -> str:
    """A decimal number with a decimal comma: -0.34 → "−0,3"."""
    return _signed(fmt_dec(value, digits)) if plus else fmt_dec(value, digits)


def format_percent(value: float | None, digits: int = 1, plus: bool = False) -> str:
    """A share (0–1) as per cent: 0.035 → "3,5 %" (no-break space before the sign)."""
    share = None if value is None or _is_missing(value) else 100 * float(value)
    return fmt_signed_pct(share, digits) if plus else fmt_pct(share, digits)
