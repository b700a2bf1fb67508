"""JSON-stat edge cases a producer may send: missing parts, odd values, partial answers."""

from __future__ import annotations

import math
from typing import Any

import pytest

from reglab_forecast.errors import ResponseError
from reglab_forecast.sources.jsonstat import cube_frame, parse_jsonstat2, positions


def _one_dimension(values: Any, **extra: Any) -> dict[str, Any]:
    doc = {"id": ["Tid"], "size": [len(values) if isinstance(values, list) else 3],
           "dimension": {"Tid": {"category": {"index": ["2022", "2023", "2024"]}}},
           **extra}
    if values is not None:
        doc["value"] = values
    return doc


def test_no_value_member_is_a_response_error_not_a_crash() -> None:
    with pytest.raises(ResponseError, match="0 värden"):
        parse_jsonstat2(_one_dimension(None))


def test_booleans_and_status_markers_are_missing_and_decimal_commas_are_read() -> None:
    frame = parse_jsonstat2(_one_dimension([True, "12,5", ".."]))
    values = frame["value"].tolist()
    assert math.isnan(values[0]) and values[1] == 12.5 and math.isnan(values[2])


def test_missing_labels_fall_back_to_the_codes() -> None:
    frame = cube_frame({"Region": ["01", "02"]}, {"Region": {"01": "Stockholms län"}},
                       [1.0, 2.0])
    assert frame["Region_name"].tolist() == ["Stockholms län", "02"]
    bare = cube_frame({"Kon": ["1"]}, {}, [3.0])
    assert bare["Kon_name"].tolist() == ["1"] and bare["Kon"].dtype == "str"


def _answer(ids: list[str], codes: dict[str, list[str]]) -> dict[str, Any]:
    return {"id": ids, "dimension": {i: {"category": {"index": codes[i]}} for i in ids}}


def test_positions_of_a_partial_answer_in_the_requested_cube() -> None:
    order = {"Region": ["01", "02", "03"], "Tid": ["2023", "2024"]}
    answer = _answer(["Region", "Tid"], {"Region": ["03"], "Tid": ["2024", "2023"]})
    assert positions(answer, order).tolist() == [5, 4]


def test_an_eliminated_variable_must_have_one_code() -> None:
    answer = _answer(["Tid"], {"Tid": ["2024"]})
    assert positions(answer, {"Kon": ["1+2"], "Tid": ["2023", "2024"]}).tolist() == [1]
    with pytest.raises(ResponseError, match="dimensioner"):
        positions(answer, {"Kon": ["1", "2"], "Tid": ["2023", "2024"]})


def test_dimensions_in_another_order_are_read_by_the_declared_ids() -> None:
    # The answer lists Tid before Region; the request cube is Region × Tid. Cell k of the
    # answer is (Tid[k // 2], Region[k % 2]); worked by hand in the request's row-major order
    # (Region 01, 02 × Tid 2023, 2024): (2023, 01) → 0, (2023, 02) → 2, (2024, 01) → 1,
    # (2024, 02) → 3.
    answer = _answer(["Tid", "Region"], {"Tid": ["2023", "2024"], "Region": ["01", "02"]})
    order = {"Region": ["01", "02"], "Tid": ["2023", "2024"]}
    assert positions(answer, order).tolist() == [0, 2, 1, 3]


def test_a_code_outside_the_request_is_named() -> None:
    answer = _answer(["Region"], {"Region": ["99"]})
    with pytest.raises(ResponseError, match="'99' i Region ingick inte i urvalet"):
        positions(answer, {"Region": ["01"]})


def test_an_answer_with_only_eliminated_variables_is_one_cell() -> None:
    assert positions(_answer([], {}), {"Kon": ["1+2"]}).tolist() == [0]
