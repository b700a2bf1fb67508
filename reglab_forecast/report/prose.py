"""Numbers for running text: rounded for reading ("omkring 41 000"), exact ones stay in tables.

Counts keep two significant digits (41 234 → 41 000, 3 612 → 3 600, 119 → 120; below 100 they
are shown as they are); percentages keep whole percent from 10 % up and one decimal below.
Digit groups use a non-breaking space, and so does the space before "%".
"""

from __future__ import annotations

import math
from typing import Any

from .numbers import fmt_dec, fmt_int

__all__ = ["about", "per_year", "prose_count", "prose_pct", "prose_round", "prose_signed_pct"]

NBSP = "\u00a0"


def prose_round(value: Any) -> float:
    """A count rounded to two significant digits (whole numbers below 100 kept)."""
    if value is None:
        return float("nan")
    value = float(value)
    if math.isnan(value):
        return float("nan")
    size = abs(value)
    if size < 100:
        return float(round(value))
    step = 10 ** (int(math.floor(math.log10(size))) - 1)
    return float(math.floor(size / step + 0.5) * step * (1 if value >= 0 else -1))


def prose_count(value: Any) -> str:
    """'41 000' (non-breaking digit groups)."""
    return fmt_int(prose_round(value))


def about(value: Any) -> str:
    """'omkring 41 000'; small exact counts without 'omkring'."""
    value = float(value)
    rounded = prose_round(value)
    return prose_count(value) if rounded == round(value) and abs(value) < 100 else (
        f"omkring {prose_count(value)}")


def per_year(value: Any) -> str:
    """'cirka 3 600 per år'."""
    return f"cirka {prose_count(value)} per år"


def prose_pct(value: Any) -> str:
    """'12 %', '3,5 %' (non-breaking space before %)."""
    value = float(value)
    digits = 0 if abs(value) >= 10 else 1
    return f"{fmt_dec(value, digits)}{NBSP}%"


def prose_signed_pct(value: Any) -> str:
    """'+12 %', '−3,5 %'."""
    value = float(value)
    text = prose_pct(abs(value))
    if round(value, 0 if abs(value) >= 10 else 1) == 0:
        return text
    return ("+" if value > 0 else "\u2212") + text
