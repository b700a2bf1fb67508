"""Bad input gives clear errors naming what is wrong."""

from __future__ import annotations

import numpy as np
import pytest
from projection_data import make_age_profile

from reglab_forecast.errors import DataContractError, InputError
from reglab_forecast.projection import project

CODES = ["1111", "2221", "5321"]


def _ages():
    return make_age_profile(CODES, range(2014, 2025))


def test_missing_year(small_panel):
    with pytest.raises(InputError, match=r"saknas.*2018"):
        project(small_panel[small_panel["year"] != 2018], _ages())


def test_negative_and_nan_counts(small_panel):
    negative = small_panel.copy()
    negative.loc[3, "employed"] = -5
    with pytest.raises(DataContractError, match="negativa"):
        project(negative, _ages())
    missing = small_panel.copy()
    missing.loc[3, "employed"] = np.nan
    with pytest.raises(DataContractError, match="employed"):
        project(missing, _ages())


def test_duplicated_keys(small_panel):
    doubled = small_panel.iloc[[0, *range(len(small_panel))]]
    with pytest.raises(DataContractError, match="samma nyckel"):
        project(doubled, _ages())


def test_hole_in_cube(small_panel):
    hole = small_panel[~((small_panel["region"] == "25") & (small_panel["ssyk"] == "5321")
                         & (small_panel["year"] == 2020))]
    with pytest.raises(DataContractError, match="hål"):
        project(hole, _ages())


def test_base_year_and_target_years(small_panel):
    with pytest.raises(InputError, match="basår 2030"):
        project(small_panel, _ages(), base_year=2030)
    with pytest.raises(InputError, match="basår 2014"):
        project(small_panel, _ages(), base_year=2014)
    with pytest.raises(InputError, match="målår 2020"):
        project(small_panel, _ages(), base_year=2022, target_years=(2020,))
    with pytest.raises(InputError, match="högst 15"):
        project(small_panel, _ages(), target_years=(2050,))


def test_riket_rows_and_missing_columns(small_panel):
    with pytest.raises(DataContractError, match="Riket"):
        riket = small_panel["region"] == "01"
        project(small_panel.assign(region=np.where(riket, "00", small_panel["region"])), _ages())
    with pytest.raises(DataContractError, match="employed"):
        project(small_panel.drop(columns="employed"), _ages())


def test_age_profile_problems(small_panel):
    with pytest.raises(InputError, match="saknar 1 yrken"):
        project(small_panel, make_age_profile(CODES[:2], range(2014, 2025)))
    with pytest.raises(InputError, match="inga år"):
        project(small_panel, make_age_profile(CODES, range(2025, 2026)))
    ages = _ages()
    bad = ages.assign(age=ages["age"].replace({"60-64": "gammal"}))
    with pytest.raises(InputError, match="åldersgrupp"):
        project(small_panel, bad)


def test_not_a_frame():
    with pytest.raises(InputError, match="DataFrame"):
        project([1, 2, 3], _ages())  # type: ignore[arg-type]


def test_wrong_ssyk_level(small_panel):
    coarse = small_panel.assign(ssyk=small_panel["ssyk"].str[:3])
    with pytest.raises(InputError, match="nivå 4"):
        project(coarse, _ages())


def test_age_profile_with_a_missing_row_is_read_as_zero(small_panel):
    ages = _ages()
    gap = ages[~((ages["ssyk"] == "5321") & (ages["age"] == "55-59") & (ages["year"] == 2024))]
    result = project(small_panel, gap, target_years=(2030,))
    assert result.table["replacement"].notna().all()
