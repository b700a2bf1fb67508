"""The key check of the data contract: fast duplicate detection agrees with pandas."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reglab_forecast.errors import DataContractError
from reglab_forecast.frames import validate

CODES = st.sampled_from(["01", "1", "010", "0110", "25"])
ROWS = st.lists(st.tuples(CODES, st.sampled_from(["men", "women"]),
                          st.integers(2014, 2016)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(ROWS)
def test_duplicate_keys_are_found_exactly_when_pandas_finds_them(rows):
    frame = pd.DataFrame(rows, columns=["region", "sex", "year"]).astype(
        {"region": "str", "sex": "str", "year": "int64"})
    frame["employed"] = 1
    expected = bool(frame.duplicated(subset=["region", "sex", "year"]).any())
    if expected:
        with pytest.raises(DataContractError, match="samma nyckel"):
            validate(frame, ["region", "sex", "year"], name="t")
    else:
        validate(frame, ["region", "sex", "year"], name="t")


def test_a_duplicated_row_in_a_large_cube_is_named():
    regions = [f"{r:02d}" for r in range(1, 26)]
    frame = pd.DataFrame([(r, s, str(o), 2020) for r in regions for s in ("men", "women")
                          for o in range(1000, 1400)], columns=["region", "sex", "ssyk", "year"])
    frame["employed"] = 1
    validate(frame, ["region", "sex", "ssyk", "year"], name="cube")
    doubled = pd.concat([frame, frame.iloc[[777]]], ignore_index=True)
    with pytest.raises(DataContractError, match="2 rader har samma nyckel"):
        validate(doubled, ["region", "sex", "ssyk", "year"], name="cube")
