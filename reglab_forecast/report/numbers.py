"""Swedish number formats; kept here so ``report.numbers`` imports go on working.

The formatter lives in :mod:`reglab_forecast.numbers`, below both the projection and the report
layer, so the projection's text output can share it without importing from ``report``.
"""

from __future__ import annotations

from ..numbers import *  # noqa: F403

__all__ = [  # noqa: F405 - every name comes from the star import above
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
