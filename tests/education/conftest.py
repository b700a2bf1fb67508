"""Fixtures of the education tests: the standard projection and its education outlook."""

from __future__ import annotations

import pytest

import reglab_forecast as rf


@pytest.fixture(scope="module")
def projection():
    from reglab_forecast.projection import project

    return project(rf.load_employment(level=4), rf.load_age_profile(level=4))


@pytest.fixture(scope="module")
def outlook(projection):
    from reglab_forecast.education.outlook import education_outlook

    return education_outlook(projection)
