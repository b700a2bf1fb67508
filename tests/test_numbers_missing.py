"""Every Swedish formatter writes a missing value as an en dash, whatever type carries it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reglab_forecast import numbers

MISSING_VALUES = [None, float("nan"), np.float16("nan"), np.float32("nan"), np.float64("nan"),
                  pd.NA, pd.NaT]
FORMATTERS = [numbers.fmt_int, numbers.fmt_dec, numbers.fmt_pct, numbers.fmt_signed,
              numbers.fmt_signed_dec, numbers.fmt_signed_pct, numbers.format_int,
              numbers.format_decimal, numbers.format_percent]


@pytest.mark.parametrize("value", MISSING_VALUES, ids=repr)
@pytest.mark.parametrize("formatter", FORMATTERS, ids=lambda f: f.__name__)
def test_missing_values_become_an_en_dash(formatter, value) -> None:  # type: ignore[no-untyped-def]
    assert formatter(value) == "–"


@pytest.mark.parametrize("value", [np.float32(1234.0), np.int64(1234), np.float16(1234.0)],
                         ids=repr)
def test_numpy_scalars_format_like_python_numbers(value) -> None:  # type: ignore[no-untyped-def]
    assert numbers.fmt_int(value) == "1\u00a0234"
    assert numbers.fmt_signed(-value) == "\u22121\u00a0234"


def test_missing_values_inside_a_frame_column() -> None:
    column = pd.Series([1.0, None, 3.0], dtype="Float32")  # nullable: the gap is pd.NA
    assert [numbers.fmt_int(v) for v in column] == ["1", "–", "3"]
