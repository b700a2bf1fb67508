"""project(..., national_path=frame): a national path given by the user is regionalised with
the same method, and the outputs name where it came from; län totals follow their
working-age cohorts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from projection_data import make_age_profile, make_employment

from reglab_forecast.errors import InputError, ReglabError
from reglab_forecast.projection import project

CODES = ["1111", "2221"]


def _frame() -> pd.DataFrame:
    grow = [100.0 * 1.02**i for i in range(11)]
    return make_employment({("01", "1111"): grow, ("01", "2221"): [200.0] * 11,
                            ("25", "1111"): [300.0] * 11, ("25", "2221"): grow})


def _path(per_occupation: bool) -> pd.DataFrame:
    years = range(2024, 2031)
    if not per_occupation:
        frame = pd.DataFrame({"year": list(years), "employed": [1000.0 * 1.01**(y - 2024)
                                                                  for y in years]})
    else:
        frame = pd.DataFrame([{"ssyk": code, "year": y,
                               "employed": 500.0 * (1.05 if code == "1111" else 0.97)**(y - 2024)}
                              for code in CODES for y in years])
    frame.attrs["source"] = "SCB, Trender och prognoser 2026"
    return frame


def test_given_occupation_path_is_what_riket_gets() -> None:
    employment = _frame()
    result = project(employment, make_age_profile(CODES, range(2014, 2025)),
                     target_years=(2030,), national_path=_path(True))
    riket = result.aggregate(level=4, regions="riket").set_index("ssyk")
    base = employment[employment["year"] == 2024].groupby("ssyk")["employed"].sum()
    # The path's growth from 2024 applied to the register's 2024 level, per occupation.
    assert riket.loc["1111", "employed"] == pytest.approx(base["1111"] * 1.05**6, rel=1e-6)
    assert riket.loc["2221", "employed"] == pytest.approx(base["2221"] * 0.97**6, rel=1e-6)
    assert "SCB, Trender och prognoser 2026" in result.source_note
    assert result.provenance["national_path"] == "SCB, Trender och prognoser 2026"


def test_given_total_path_sets_the_national_total() -> None:
    employment = _frame()
    result = project(employment, make_age_profile(CODES, range(2014, 2025)),
                     target_years=(2030,), national_path=_path(False),
                     national_source="egen bana")
    total = result.table["employed"].sum()
    base = employment[employment["year"] == 2024]["employed"].sum()
    assert total == pytest.approx(base * 1.01**6, rel=1e-6)
    assert "egen bana" in result.source_note


def test_a_path_missing_an_occupation_or_a_year_is_refused() -> None:
    ages = make_age_profile(CODES, range(2014, 2025))
    short = _path(True)
    with pytest.raises(InputError, match="2221"):
        project(_frame(), ages, target_years=(2030,), national_path=short[short["ssyk"] == "1111"])
    with pytest.raises(InputError, match="2030") as caught:
        project(_frame(), ages, target_years=(2030,), national_path=short[short["year"] < 2030])
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, ReglabError)


def _population(young_in: str) -> pd.DataFrame:
    """Two län with equal working age in 2019; ``young_in`` also has many children aged 10."""
    rows = []
    for region in ("01", "25"):
        for age in range(0, 70):
            value = 100.0 + (2000.0 if region == young_in and age == 10 else 0.0)
            rows.append({"region": region, "age": str(age), "sex": "men", "year": 2019,
                         "population": value})
    return pd.DataFrame(rows)


def test_lan_with_more_young_people_gets_a_larger_share() -> None:
    flat = [100.0] * 11
    employment = make_employment({(r, c): flat for r in ("01", "25") for c in CODES})
    ages = make_age_profile(CODES, range(2014, 2025))
    results = {young: project(employment, ages, target_years=(2035,),
                              population=_population(young)) for young in ("01", "25")}
    for young, other in (("01", "25"), ("25", "01")):
        totals = results[young].table.groupby("region")["employed"].sum()
        assert totals[young] > totals[other]
        assert totals.sum() == pytest.approx(400.0, rel=1e-6)  # Riket unchanged by the split
    assert "20–64" in results["01"].provenance["totals"]


def test_population_after_the_base_year_is_not_used() -> None:
    flat = [100.0] * 11
    employment = make_employment({(r, c): flat for r in ("01", "25") for c in CODES})
    ages = make_age_profile(CODES, range(2014, 2025))
    population = _population("01")
    later = _population("25").assign(year=2021)
    base = project(employment, ages, base_year=2020, target_years=(2025,),
                   population=population)
    with_later = project(employment, ages, base_year=2020, target_years=(2025,),
                         population=pd.concat([population, later]))
    np.testing.assert_allclose(base.table["employed"], with_later.table["employed"])
