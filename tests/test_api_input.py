"""The Python API refuses bad input with a ReglabError that is also a ValueError, naming it."""

from __future__ import annotations

import numpy as np
import pytest

import reglab_forecast as rf
from reglab_forecast.errors import InputError, ReglabError
from reglab_forecast.occupations import search_occupations


def _refused(call, needle: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=needle) as caught:
        call()
    assert isinstance(caught.value, ReglabError) and isinstance(caught.value, ValueError)


def test_an_empty_region_list_is_not_everything() -> None:
    _refused(lambda: rf.load_employment(regions=[]), "regions är en tom lista")
    _refused(lambda: rf.load_ads(regions=[]), "regions är en tom lista")


@pytest.mark.parametrize("regions", [{"18": 1}, 18.5, b"18", True])
def test_regions_of_the_wrong_type(regions: object) -> None:
    _refused(lambda: rf.load_employment(regions=regions), "region")  # type: ignore[arg-type]


def test_a_year_as_text_is_one_year() -> None:
    as_text = rf.load_employment(level=1, regions="18", years="2020")
    as_int = rf.load_employment(level=1, regions="18", years=2020)
    assert set(as_text["year"]) == {2020} and as_text.equals(as_int)
    numpy_years = rf.load_employment(level=1, regions="18", years=np.array([2020, 2021]))
    assert set(numpy_years["year"]) == {2020, 2021}


@pytest.mark.parametrize(("years", "needle"), [
    ("tjugotjugo", "inget årtal"),
    ([2020.5], "inget årtal"),
    ([], "tom lista"),
    (True, "inget årtal"),
    (2030, "2030 finns inte"),
])
def test_bad_years(years: object, needle: str) -> None:
    _refused(lambda: rf.load_employment(years=years), needle)  # type: ignore[arg-type]


def test_target_years_as_text(employment, age_profile) -> None:  # type: ignore[no-untyped-def]
    from reglab_forecast.projection import project

    result = project(employment, age_profile, target_years="2030")
    assert tuple(result.target_years) == (2030,)
    _refused(lambda: project(employment, age_profile, target_years="snart"), "target_years")
    _refused(lambda: project(employment, age_profile, target_years=[]), "tomt")


@pytest.mark.parametrize("text", [None, 2221, ["sjuk"]])
def test_search_occupations_needs_text(text: object) -> None:
    _refused(lambda: search_occupations(text), "sökordet ska vara text")  # type: ignore[arg-type]


@pytest.mark.parametrize("level", [None, "4", 4.0, 5, True])
def test_levels(level: object) -> None:
    _refused(lambda: rf.load_employment(level=level), "SSYK-nivå")  # type: ignore[arg-type]
    assert len(rf.load_employment(level=np.int64(1), regions="18", years=2024)) > 0


@pytest.fixture(scope="module")
def employment():  # type: ignore[no-untyped-def]
    return rf.load_employment(level=4)


@pytest.fixture(scope="module")
def age_profile():  # type: ignore[no-untyped-def]
    return rf.load_age_profile(level=4)
