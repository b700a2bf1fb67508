"""Grammar helpers of the automatic summary, and variety between regions."""

from __future__ import annotations

from reglab_forecast.report.narrative import (
    _position,
    facts_from,
    join_list,
    lower_first,
    people,
    running_name,
    standout,
)


def test_names_in_running_text():
    assert lower_first("Grundskollärare") == "grundskollärare"
    assert lower_first("IT-chefer") == "IT-chefer"
    assert running_name("Butikssäljare, fackhandel") == "butikssäljare (fackhandel)"


def test_lists_and_plurals():
    assert join_list(["a"]) == "a"
    assert join_list(["a", "b", "c"]) == "a, b och c"
    assert join_list(["a, x", "b", "c"]) == "a, x; b och c"
    assert people(1) == "1 person"
    assert people(2) == "2 personer"


def test_position_words():
    assert _position(1, "1", "0") == "högst bland länen"
    assert _position(2, "1", "0") == "näst högst bland länen"
    assert _position(21, "1", "0") == "lägst bland länen"
    assert _position(19, "1", "0") == "tredje lägst bland länen"
    assert _position(10, "23,1\u00a0%", "22,8\u00a0%") == "högre än i riket"
    assert _position(10, "22,8\u00a0%", "22,8\u00a0%") == "i nivå med riket"


def test_openings_vary_between_regions(inputs, tables_for):
    openings = set()
    for region in sorted(set(inputs.employment["region"])):
        facts = facts_from(tables_for(region), inputs.region_names[region], inputs.base_year,
                           max(inputs.target_years))
        openings.add(standout(facts)[0])
    assert len(openings) >= 3
