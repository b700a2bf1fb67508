"""Selection expressions and the splitter (properties: every cell once, every call fits)."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reglab_forecast.errors import InputError
from reglab_forecast.sources.split import (
    count_cells,
    expand_values,
    split_selection,
)

YEARS = [str(y) for y in range(2014, 2025)]


@pytest.mark.parametrize(("expression", "expected"), [
    ("*", YEARS),
    ("201*", YEARS[:6]),
    ("20?4", ["2014", "2024"]),
    ("TOP(2)", ["2014", "2015"]),
    ("top(2,1)", ["2015", "2016"]),
    ("BOTTOM(2)", ["2023", "2024"]),
    ("RANGE(2019,2021)", ["2019", "2020", "2021"]),
    ("FROM(2023)", ["2023", "2024"]),
    ("TO(2015)", ["2014", "2015"]),
    (["2024", "2014", "2024"], ["2014", "2024"]),
])
def test_expressions(expression: str | list[str], expected: list[str]) -> None:
    assert expand_values(expression, YEARS, "Tid") == expected


def test_unknown_value_suggests_the_nearest() -> None:
    with pytest.raises(InputError, match=r"'2025'.*Menade du"):
        expand_values(["2025"], YEARS, "Tid")


def test_pattern_without_match_names_the_variable() -> None:
    with pytest.raises(InputError, match="Tid"):
        expand_values("19*", YEARS, "Tid")


def test_small_selection_is_one_call() -> None:
    selection = {"A": ["1", "2"], "B": ["x"]}
    assert split_selection(selection, 2) == [selection]


def test_keeps_time_and_content_whole_when_it_can() -> None:
    selection = {"Region": [f"{i:02d}" for i in range(312)],
                 "Alder": [str(i) for i in range(134)], "Kon": ["1", "2", "T"],
                 "ContentsCode": ["X"], "Tid": [f"M{i}" for i in range(16)]}
    chunks = split_selection(selection, 150_000, keep_whole=["ContentsCode", "Tid"])
    assert len(chunks) == math.ceil(count_cells(selection) / 150_000)
    assert all(len(c["Tid"]) == 16 for c in chunks)


def test_splits_time_only_when_nothing_else_helps() -> None:
    selection = {"A": ["a"], "Tid": [str(i) for i in range(10)]}
    chunks = split_selection(selection, 3, keep_whole=["Tid"])
    assert len(chunks) == 4
    assert max(len(c["Tid"]) for c in chunks) <= 3
    assert sum(len(c["Tid"]) for c in chunks) == 10


selections = st.lists(st.integers(1, 12), min_size=1, max_size=5).map(
    lambda sizes: {f"V{i}": [f"{i}-{j}" for j in range(n)] for i, n in enumerate(sizes)})


@settings(max_examples=150, deadline=None)
@given(selections, st.integers(1, 3000), st.booleans())
def test_every_cell_once_and_every_call_fits(
    selection: dict[str, list[str]], max_cells: int, keep_last: bool
) -> None:
    keep = [list(selection)[-1]] if keep_last else []
    chunks = split_selection(selection, max_cells, keep_whole=keep)
    assert all(count_cells(c) <= max_cells for c in chunks)
    seen = [cell for c in chunks for cell in itertools.product(*c.values())]
    assert len(seen) == len(set(seen)) == count_cells(selection)
    assert set(seen) == set(itertools.product(*selection.values()))
    assert len(chunks) >= math.ceil(count_cells(selection) / max_cells)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 400), st.integers(1, 30), st.integers(1, 50_000))
def test_one_split_variable_gives_the_fewest_calls(big: int, years: int, max_cells: int) -> None:
    """With one splittable variable the optimum is known: ceil(cells / per-call rows)."""
    selection = {"Yrke": [str(i) for i in range(big)], "Tid": [str(i) for i in range(years)]}
    chunks = split_selection(selection, max_cells, keep_whole=["Tid"])
    if years <= max_cells:
        assert len(chunks) == math.ceil(big / (max_cells // years))
