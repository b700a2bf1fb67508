"""Swedish number formats for every table, figure and text: "1 234", "3,5 %", "−0,3".

Formatting happens here, in Python, never in templates. Digit groups are separated by a
no-break space (as Swedish typography and SCB do) and negative numbers use the minus sign
U+2212. ``None`` and NaN become "–" so missing values are visible, not zero.
"""

from __future__ import annotations

import math

from babel.numbers import format_decimal as _babel_decimal

LOCALE = "sv_SE"
MINUS = "\u2212"
MISSING = "–"




def _signed(text: str, value: float, plus: bool) -> str:
    text = text.replace("-", MINUS)
    if plus and value > 0:
        return f"+{text}"
    return text


def format_int(value: float | int | None, plus: bool = False) -> str:
    """A whole number with Swedish digit groups: 1234567 → "1 234 567"; ``plus`` adds "+"."""
    if value is None or math.isnan(value):
        return MISSING
    rounded = round(float(value))
    return _signed(_babel_decimal(rounded, format="#,##0", locale=LOCALE), rounded, plus)


def format_decimal(value: float | None, digits: int = 1, plus: bool = False) -> str:
    """A decimal number with a decimal comma: -0.34 → "−0,3"."""
    if value is None or math.isnan(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    number = float(value)
    return _signed(_babel_decimal(number, format=pattern, locale=LOCALE), number, plus)


def format_percent(value: float | None, digits: int = 1, plus: bool = False) -> str:
    """A share as per cent: 0.035 → "3,5 %" (no-break space before the per cent sign)."""
    if value is None or math.isnan(value):
        return MISSING
    return f"{format_decimal(float(value) * 100, digits, plus)}\u00a0%"
