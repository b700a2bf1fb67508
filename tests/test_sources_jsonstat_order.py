"""JSON-stat ``category.index`` in object form: a category's position is its value, not the
order of the keys (JSON objects are unordered; SCB and other producers send either form)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from reglab_forecast.sources.jsonstat import category_codes, parse_jsonstat2, positions

# Positions 0, 1, 2 are "10", "01", "02": neither the key order in the text ("02", "01", "10")
# nor the sorted key order ("01", "02", "10") is the cube's order.
SCRAMBLED = {"02": 2, "01": 1, "10": 0}


def _dataset(index: Any) -> dict[str, Any]:
    return {
        "version": "2.0", "class": "dataset", "id": ["Region", "Tid"], "size": [3, 2],
        "dimension": {
            "Region": {"label": "region", "category": {
                "index": index, "label": {"01": "Stockholms län", "02": "Ej i bruk",
                                          "10": "Blekinge län"}}},
            "Tid": {"label": "år", "category": {"index": {"2023": 0, "2024": 1}}},
        },
        # Row-major, last dimension fastest: (10, 2023), (10, 2024), (01, 2023), …
        "value": [100, 101, 200, 201, 300, 301],
    }


def test_object_index_is_read_by_position() -> None:
    assert category_codes(_dataset(SCRAMBLED)["dimension"]["Region"]) == ["10", "01", "02"]


def test_values_land_on_the_right_codes_after_a_json_round_trip() -> None:
    text = json.dumps(_dataset(SCRAMBLED))  # key order as a server would send it
    frame = parse_jsonstat2(json.loads(text))
    got = {(r, t): v for r, t, v in zip(frame["Region"], frame["Tid"], frame["value"],
                                        strict=True)}
    assert got == {("10", "2023"): 100, ("10", "2024"): 101, ("01", "2023"): 200,
                   ("01", "2024"): 201, ("02", "2023"): 300, ("02", "2024"): 301}
    names = dict(zip(frame["Region"], frame["Region_name"], strict=True))
    assert names == {"10": "Blekinge län", "01": "Stockholms län", "02": "Ej i bruk"}


@pytest.mark.parametrize("index", [["10", "01", "02"], SCRAMBLED], ids=["array", "object"])
def test_array_and_object_index_give_the_same_frame(index: Any) -> None:
    frame = parse_jsonstat2(_dataset(index))
    assert frame.loc[frame["Region"] == "01", "value"].tolist() == [200, 201]


def test_positions_in_a_requested_cube_follow_the_index_values() -> None:
    # Cells of a response placed into the cube the caller asked for (Region 01, 02, 10).
    order = {"Region": ["01", "02", "10"], "Tid": ["2023", "2024"]}
    where = positions(_dataset(SCRAMBLED), order)
    assert where.tolist() == [4, 5, 0, 1, 2, 3]  # "10" is third in the request
