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
