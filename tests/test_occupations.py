"""SSYK 2012: names, levels, search and aggregation."""

from __future__ import annotations

import pytest

import reglab_forecast as rf
from reglab_forecast.errors import UnknownOccupationError
from reglab_forecast.occupations import check_level, list_occupations, to_level


def test_levels_have_scb_sizes():
    sizes = {level: len(list_occupations(level)) for level in (1, 2, 3, 4)}
    assert sizes == {1: 10, 2: 46, 3: 148, 4: 429}


def test_names_keep_leading_zeros_and_languages():
    assert rf.occupation_name("0110") == "Officerare"
    assert rf.occupation_name("2221") == "Grundutbildade sjuksköterskor"
    assert rf.occupation_name("2221", lang="en") == "Professional nurses"
    assert rf.occupation_name("0") == "Militära yrken"


def test_unknown_code_suggests():
    with pytest.raises(UnknownOccupationError, match="'2220'"):
        rf.occupation_name("2220")


def test_bad_level():
    with pytest.raises(UnknownOccupationError, match="nivå"):
        check_level(5)


def test_search_is_accent_and_case_blind():
    hits = rf.search_occupations("SJUKSKOTERSK", level=4)
    assert "2221" in set(hits["ssyk"])
    assert set(hits["level"]) == {4}
    assert list(rf.search_occupations("222", level=4)["ssyk"])[:1] == ["2221"]


def test_to_level():
    assert list(to_level(["2221", "0110"], 2)) == ["22", "01"]
    with pytest.raises(UnknownOccupationError):
        to_level(["22"], 3)
