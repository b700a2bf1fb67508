"""Fixtures for the projection tests: the embedded snapshot and a small hand-made panel."""

from __future__ import annotations

import pandas as pd
import pytest
from projection_data import make_employment

import reglab_forecast as rf


@pytest.fixture(scope="session")
def employment() -> pd.DataFrame:
    return rf.load_employment(level=4)


@pytest.fixture(scope="session")
def age_profile() -> pd.DataFrame:
    return rf.load_age_profile(level=4)


@pytest.fixture(scope="session")
def projection(employment, age_profile):
    from reglab_forecast.projection import project

    return project(employment, age_profile)


@pytest.fixture()
def small_panel() -> pd.DataFrame:
    """Two län × three occupations, 2014–2024, smooth growth."""
    years = 11
    growth = {"1111": 1.02, "2221": 1.05, "5321": 0.99}
    values = {}
    for region, size in (("01", 1000.0), ("25", 300.0)):
        for code, rate in growth.items():
            values[(region, code)] = [size * rate**t for t in range(years)]
    return make_employment(values)




