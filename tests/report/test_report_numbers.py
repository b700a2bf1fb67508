"""Swedish number formats of the report (fmt_* family)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reglab_forecast.report.numbers import (
    MINUS,
    NBSP,
    fmt_dec,
    fmt_int,
    fmt_pct,
    fmt_signed,
    fmt_signed_pct,
    parse_number,
)


@pytest.mark.parametrize(
    ("function", "value", "expected"),
    [
        (fmt_int, 1234, f"1{NBSP}234"),
        (fmt_int, 1133007, f"1{NBSP}133{NBSP}007"),
        (fmt_int, -56, f"{MINUS}56"),
        (fmt_int, 2.5, "3"),  # half away from zero, not banker's rounding
        (fmt_int, -0.4, "0"),  # no "−0"
        (fmt_dec, -0.3, f"{MINUS}0,3"),
        (fmt_dec, 0.05, "0,1"),
        (fmt_pct, 3.5, f"3,5{NBSP}%"),
        (fmt_signed, 1234, f"+1{NBSP}234"),
        (fmt_signed, -1234, f"{MINUS}1{NBSP}234"),
        (fmt_signed, 0, "0"),
        (fmt_signed_pct, -0.04, f"0,0{NBSP}%"),
        (fmt_signed_pct, 12.345, f"+12,3{NBSP}%"),
        (fmt_int, None, "–"),
        (fmt_pct, math.nan, "–"),
    ],
)
def test_formats(function, value, expected):
    assert function(value) == expected


def test_no_ascii_minus_or_breaking_space():
    for text in (fmt_int(-1234567), fmt_pct(-12.5), fmt_signed(-5000)):
        assert "-" not in text and " " not in text


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_integers_round_trip(value):
    assert parse_number(fmt_int(value)) == value
    assert parse_number(fmt_signed(value)) == value


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_decimals_round_trip(value):
    # Half away from zero on the number as written (0.985 -> 0,99), not on its binary float
    # (where round(0.985, 2) gives 0.98): that is how a reader rounds the printed figure.
    expected = Decimal(repr(abs(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    expected = -expected if value < 0 else expected
    assert parse_number(fmt_dec(value, 2)) == pytest.approx(float(expected), abs=1e-9)


def test_decimals_round_half_up_as_written():
    assert fmt_dec(0.985, 2) == "0,99"
    assert fmt_dec(-0.985, 2) == f"{MINUS}0,99"
