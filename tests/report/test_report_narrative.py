"""Grammar helpers of the automatic summary, rounding for prose, and variety between regions."""

from __future__ import annotations

from reglab_forecast.report.narrative import (
    join_list,
    lower_first,
    people,
    position,
    running_name,
)
from reglab_forecast.report.prose import about, per_year, prose_pct, prose_round, prose_signed_pct
from reglab_forecast.report.sections.lan import standout
from reglab_forecast.report.tables import all_tables

NB = "\u00a0"


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
    assert position(1, "1", "0") == "högst bland länen"
    assert position(2, "1", "0") == "näst högst bland länen"
    assert position(21, "1", "0") == "lägst bland länen"
    assert position(19, "1", "0") == "tredje lägst bland länen"
    assert position(10, "23,1\u00a0%", "22,8\u00a0%") == "högre än i riket"
    assert position(10, "22,8\u00a0%", "22,8\u00a0%") == "i nivå med riket"


def test_position_words_for_tied_values():
    # two län share the top value: both are highest, and the sentence says it is shared
    assert position(1, "1", "0", ties=2) == "högst bland länen (delat med ett annat län)"
    # 19 län share one value (ranks 2–20): no rank word, the comparison with Riket instead
    assert position(2, "1", "0", ties=19) == "högre än i riket"
    assert position(3, "0", "1", ties=19) == "lägre än i riket"
    # a tie at the bottom: ranks 20 and 21
    assert position(20, "0", "1", ties=2) == "lägst bland länen (delat med ett annat län)"
    assert position(1, "1", "0", ties=3) == "högst bland länen (delat med 2 andra län)"


def test_numbers_in_prose_are_rounded_for_reading():
    assert prose_round(41_234) == 41_000
    assert prose_round(3_612) == 3_600
    assert prose_round(119) == 120
    assert prose_round(149_875) == 150_000
    assert prose_round(-6_736) == -6_700
    assert prose_round(87) == 87
    assert about(41_234) == f"omkring 41{NB}000"
    assert about(8) == "8"
    assert per_year(3_612.4) == f"cirka 3{NB}600 per år"
    assert prose_pct(23.34) == f"23{NB}%"
    assert prose_pct(3.46) == f"3,5{NB}%"
    assert prose_signed_pct(4.7) == f"+4,7{NB}%"
    assert prose_signed_pct(-13.2) == f"\u221213{NB}%"


def test_openings_vary_between_regions(inputs, context_for):
    openings = set()
    for region in sorted(set(inputs.employment["region"])):
        regions = all_tables(context_for(region))["lan"].frame
        openings.add(standout(regions, region)[0])
    assert len(openings) >= 3
