"""The json-stat2 decoder against recorded SCB responses and random datasets."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reglab_forecast.errors import ResponseError
from reglab_forecast.sources.jsonstat import parse_jsonstat2

FIXTURES = Path(__file__).parent / "fixtures" / "scb"


def _load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def test_tab4442_yearly_totals_match_the_recorded_response() -> None:
    frame = parse_jsonstat2(_load("TAB4442_data.json"))
    assert len(frame) == 430 * 10 * 1 * 5
    totals = frame.groupby("Tid")["value"].sum().astype(int).to_dict()
    assert totals == {"2020": 4_553_384, "2021": 4_683_054, "2022": 4_798_000,
                      "2023": 4_973_584, "2024": 5_006_642}
    first = frame.iloc[0]
    assert (first["Yrke2012"], first["Alder"], first["Tid"], first["value"]) == (
        "0110", "16-24", "2020", 10.0)
    assert first["Yrke2012_name"] == "Commissioned armed forces officers"


def test_tab6471_codes_keep_leading_zeros_and_sum_to_sweden() -> None:
    frame = parse_jsonstat2(_load("TAB6471_data.json"))
    assert str(frame["Region"].dtype) == "str"
    assert frame["Region"].iloc[0] == "01"
    assert frame["Region_name"].iloc[0] == "Stockholms län"
    january = frame[(frame["Kon"] == "TotSa") & (frame["Tid"] == "2026M01")]
    assert int(january["value"].sum()) == 10_604_483
    assert int(january[january["Region"] == "01"]["value"].sum()) == 2_486_498


def test_tab638_single_cell() -> None:
    frame = parse_jsonstat2(_load("TAB638_data.json"))
    assert len(frame) == 1
    assert frame["value"].iloc[0] == 50_937
    assert frame.attrs["updated"] == "2025-02-21T07:00:00Z"


def _dataset(sizes: list[int], values: list[Any], array_index: bool = False) -> dict[str, Any]:
    ids = [f"D{i}" for i in range(len(sizes))]
    dims = {}
    for dim_id, size in zip(ids, sizes, strict=True):
        codes = [f"{j:02d}" for j in range(size)]
        index: Any = codes if array_index else {c: j for j, c in enumerate(codes)}
        dims[dim_id] = {"label": dim_id, "category": {
            "index": index, "label": {c: f"{dim_id} {c}" for c in codes}}}
    return {"version": "2.0", "class": "dataset", "id": ids, "size": sizes,
            "dimension": dims, "value": values}


def test_missing_values_are_nan_never_zero() -> None:
    frame = parse_jsonstat2(_load_missing())
    assert frame["value"].isna().tolist() == [False, True, True, False]
    assert frame["value"].iloc[3] == 0.0


def _load_missing() -> dict[str, Any]:
    return _dataset([2, 2], [5, None, "..", 0])


def test_sparse_values_and_array_index() -> None:
    doc = _dataset([2, 3], {"1": 7, "5": 9}, array_index=True)
    frame = parse_jsonstat2(doc)
    assert frame["value"].iloc[1] == 7 and frame["value"].iloc[5] == 9
    assert frame["value"].isna().sum() == 4
    assert frame["D1"].tolist() == ["00", "01", "02", "00", "01", "02"]


def test_wrong_number_of_values_is_a_response_error() -> None:
    with pytest.raises(ResponseError, match="3 värden"):
        parse_jsonstat2(_dataset([2, 2], [1, 2, 3]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=4).flatmap(
    lambda sizes: st.tuples(
        st.just(sizes),
        st.lists(st.one_of(st.none(), st.integers(-10**6, 10**6), st.just("..")),
                 min_size=math.prod(sizes), max_size=math.prod(sizes)),
        st.booleans())))
def test_every_cell_lands_on_its_codes(case: tuple[list[int], list[Any], bool]) -> None:
    sizes, values, array_index = case
    frame = parse_jsonstat2(_dataset(sizes, values, array_index))
    assert len(frame) == math.prod(sizes)
    for row in frame.itertuples(index=False):
        codes = [int(getattr(row, f"D{i}")) for i in range(len(sizes))]
        expected = values[int(np.ravel_multi_index(codes, sizes))]
        got = row.value
        if expected is None or expected == "..":
            assert math.isnan(got)
        else:
            assert got == expected
        assert row.D0_name == f"D0 {codes[0]:02d}"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=1, max_size=4), st.integers(1, 40), st.randoms())
def test_split_answers_combine_to_the_whole_cube(sizes: list[int], max_cells: int,
                                                 rnd: Any) -> None:
    """However a selection is cut into calls, the combined frame is the one-call frame."""
    from reglab_forecast.sources.scb import _combine
    from reglab_forecast.sources.split import split_selection

    total = math.prod(sizes)
    values = [None if rnd.random() < 0.1 else rnd.randint(0, 999) for _ in range(total)]
    whole = _dataset(sizes, values)
    order = {f"D{i}": [f"{j:02d}" for j in range(n)] for i, n in enumerate(sizes)}
    cube = np.array(values, dtype=object).reshape(sizes)
    answers = []
    chunks = split_selection(order, max_cells)
    rnd.shuffle(chunks)  # answers may come in any order
    for chunk in chunks:
        index = np.ix_(*[[order[k].index(c) for c in chunk[k]] for k in order])
        part = _dataset([len(chunk[k]) for k in order], list(cube[index].ravel()))
        for k in order:  # the chunk's own codes, not 00..n
            part["dimension"][k]["category"] = {
                "index": {c: i for i, c in enumerate(chunk[k])},
                "label": {c: f"{k} {c}" for c in chunk[k]}}
        answers.append(part)
    combined, calls = _combine(answers, order, "TABX")
    assert calls == len(chunks)
    expected = parse_jsonstat2(whole)
    expected.attrs = {}
    assert combined.equals(expected)
