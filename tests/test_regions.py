"""Region lookup: codes, names in any case or spelling, kommuner, and clear errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reglab_forecast as rf
from reglab_forecast.errors import InputError, ReglabError, UnknownRegionError
from reglab_forecast.regions import lan_codes, list_regions, region_kind, region_names


@pytest.mark.parametrize(
    "text",
    ["18", 18, "Örebro län", "örebro", "Orebro", "ÖREBRO LÄN", " orebro  lan ",
     "Region Örebro län"],
)
def test_orebro_in_every_spelling(text):
    assert rf.resolve_region(text) == "18"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Stockholm", "01"),  # the län wins over Stockholms kommun
        ("stockholms lan", "01"),
        ("Västra Götaland", "14"),
        ("vastra gotalands lan", "14"),
        ("Gotland", "09"),
        ("Jämtland", "23"),
        ("Skåne", "12"),
        ("1", "01"),
        ("Riket", "00"),
        ("Sverige", "00"),
        ("Kiruna", "2584"),
        ("0180", "0180"),
    ],
)
def test_names_and_codes(text, code):
    assert rf.resolve_region(text) == code


def test_unknown_region_names_input_and_suggests():
    with pytest.raises(UnknownRegionError) as caught:
        rf.resolve_region("Stokholm")
    message = str(caught.value)
    assert "Stokholm" in message
    assert "Stockholms län" in message
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, ReglabError)


def test_unknown_code():
    with pytest.raises(UnknownRegionError, match="'99'"):
        rf.resolve_region("99")


def test_kommun_where_lan_is_needed_says_which_lan():
    with pytest.raises(UnknownRegionError, match="Norrbottens län"):
        rf.resolve_region("Kiruna", kinds=("lan",))


def test_code_lists():
    assert len(lan_codes()) == 21
    assert lan_codes()[0] == "01" and lan_codes()[-1] == "25"
    assert len(list_regions("kommun")) == 290
    assert rf.region_name("18") == "Örebro län"
    assert region_names()["00"] == "Riket"
    assert region_kind("2584") == "kommun"
    with pytest.raises(InputError):
        list_regions("landskap")


def test_every_lan_name_resolves_to_itself():
    for row in list_regions("lan").itertuples():
        assert rf.resolve_region(row.region_name) == row.region
        assert rf.resolve_region(row.region_name.upper()) == row.region


def _strip_diacritics(text: str) -> str:
    return text.translate(str.maketrans("åäöÅÄÖé", "aaoAAOe"))


@given(data=st.data())
@settings(max_examples=60, deadline=None)
def test_any_casing_and_spelling_of_a_lan_resolves(data):
    row = data.draw(st.sampled_from(list(list_regions("lan").itertuples())))
    name = data.draw(st.sampled_from([row.region_name, row.region_name.removesuffix(" län")]))
    if data.draw(st.booleans()):
        name = _strip_diacritics(name)
    flips = data.draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    name = "".join(c.upper() if flip else c.lower() for c, flip in zip(name, flips, strict=True))
    assert rf.resolve_region(f"  {name} ") == row.region


def test_clear_cache_forgets_region_lookups():
    from reglab_forecast import snapshot

    rf.resolve_region("18")
    snapshot.clear_cache()
    assert rf.resolve_region("orebro") == "18"


@pytest.mark.parametrize(
    ("typo", "suggested"),
    [("Örebo", "Örebro län"), ("Norbotten", "Norrbottens län"), ("Skone", "Skåne län"),
     ("Kirun", "Kiruna")],
)
def test_typos_suggest_the_intended_region_first(typo, suggested):
    with pytest.raises(UnknownRegionError) as caught:
        rf.resolve_region(typo)
    assert str(caught.value).split("Menade du: ")[1].startswith(suggested)


def test_nonsense_gets_no_random_suggestions():
    with pytest.raises(UnknownRegionError) as caught:
        rf.resolve_region("Narnia")
    assert "Menade du" not in str(caught.value)
