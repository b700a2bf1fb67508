"""Numbers for running text: rounded for reading ("omkring 41 000"), exact ones stay in tables.

Counts keep two significant digits (41 234 → 41 000, 3 612 → 3 600, 119 → 120; below 100 they
are shown as they are); percentages keep whole percent from 10 % up and one decimal below.
Digit groups use a non-breaking space, and so does the space before "%".
"""

from __future__ import annotations

import math
import re
from typing import Any

from .numbers import fmt_dec, fmt_int

__all__ = ["about", "per_year", "prose_count", "prose_pct", "prose_range", "prose_round",
           "prose_round_down", "prose_round_up", "prose_signed_pct", "prose_step", "shorten",
           "typeset"]

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


def prose_step(size: float) -> float:
    """The rounding step of two significant digits (1 below 100)."""
    return 1.0 if size < 100 else float(10 ** (int(math.floor(math.log10(size))) - 1))


def prose_round_down(value: Any) -> float:
    """A range's lower end for prose: two significant digits, rounded down (1 281 089 →
    1 200 000, −1 234 → −1 300), so the rounded range still holds the exact one."""
    value = float(value)
    if math.isnan(value):
        return value
    step = prose_step(abs(value))
    rounded = math.floor(value / step) * step
    return float(rounded) if abs(rounded) < 100 or step == prose_step(abs(rounded)) else (
        float(math.floor(value / prose_step(abs(rounded))) * prose_step(abs(rounded))))


def prose_round_up(value: Any) -> float:
    """A range's upper end for prose: two significant digits, rounded up (1 549 870 →
    1 600 000)."""
    return -prose_round_down(-float(value)) + 0.0  # no "−0"


def prose_range(low: Any, high: Any) -> str:
    """'1 200 000–1 600 000': a range for running text with its ends rounded outwards, so the
    rounded range never looks narrower than the exact one; with a negative end the words
    '−3 000 till 4 000' replace the dash."""
    start, end = fmt_int(prose_round_down(low)), fmt_int(prose_round_up(high))
    return f"{start} till {end}" if prose_round_down(low) < 0 else f"{start}–{end}"


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


_DOUBLE_STOP = re.compile(r"(?<=[^.]\.)\.(?!\.)")  # 'm.fl..' → 'm.fl.'; '...' is left alone
_QUOTED = re.compile(r"(?<![\w])['\"]([^'\"]+?)['\"](?![\w])")


def typeset(text: str) -> str:
    """Running text as printed: a full stop after an abbreviation that ends a sentence is not
    doubled ('… m.fl..' → '… m.fl.'), and straight quotes become Swedish ones ('x' → ”x”)."""
    text = _QUOTED.sub("\u201d\\1\u201d", text)
    return _DOUBLE_STOP.sub("", text)


def shorten(name: str, width: int) -> str:
    """``name`` in at most ``width`` characters, cut at a word boundary and marked with '…'
    ('Sjuksköterskor inom psykiatrisk vård' → 'Sjuksköterskor inom…' for width 22)."""
    if len(name) <= width:
        return name
    head = name[:width - 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    return cut.rstrip(" ,;–-") + "…"
