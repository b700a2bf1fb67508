"""Swedish number formats."""

from __future__ import annotations

import math

import numpy as np
import pytest

from reglab_forecast.report.numbers import format_decimal, format_int, format_percent

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (1234567, {}, f"1{NBSP}234{NBSP}567"),
        (999, {}, "999"),
        (-1234.4, {}, f"\u22121{NBSP}234"),
        (np.int64(42), {"plus": True}, "+42"),
        (0, {"plus": True}, "0"),
        (None, {}, "–"),
        (math.nan, {}, "–"),
    ],
)
def test_format_int(value, kwargs, expected):
    assert format_int(value, **kwargs) == expected


def test_format_percent_and_decimal():
    assert format_percent(0.035) == f"3,5{NBSP}%"
    assert format_percent(-0.0312, plus=True) == f"\u22123,1{NBSP}%"
    assert format_percent(0.1, digits=0) == f"10{NBSP}%"
    assert format_decimal(-0.34) == "\u22120,3"
    assert format_decimal(12345.678, digits=2) == f"12{NBSP}345,68"


def test_formats_match_babel_sv_se():
    """The formatter writes what Babel's sv_SE patterns write, after rounding half away from
    zero; Babel is the reference here."""
    from decimal import ROUND_HALF_UP, Decimal

    from babel.numbers import format_decimal as babel_format

    from reglab_forecast.numbers import fmt_dec, fmt_int

    rng = np.random.default_rng(7)
    values = [0.0, -0.0, 0.05, -0.05, 0.5, 2.5, -2.5, 999.5, 999_999.5, 1e15, 1.23e20, 1e-7,
              *(rng.uniform(-1, 1, 3000) * 10.0 ** rng.integers(-6, 12, 3000)),
              *(rng.integers(-10**9, 10**9, 1000) / 2)]
    for value in values:
        for decimals in (0, 1, 2):
            step = Decimal(1).scaleb(-decimals)
            rounded = Decimal(repr(abs(float(value)))).quantize(step, rounding=ROUND_HALF_UP)
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            text = babel_format(rounded, pattern, locale="sv_SE").replace("\u202f", NBSP)
            if value < 0 and text.strip("0," + NBSP):
                text = "\u2212" + text
            ours = fmt_int(value) if decimals == 0 else fmt_dec(value, decimals)
            assert ours == text, (value, decimals)
