"""The parts of the supply side: raking, the population path, the damped trend, the data."""

from __future__ import annotations

import numpy as np
import pytest

from reglab_forecast.education.attainment import band_of, rake
from reglab_forecast.education.population_path import population_path
from reglab_forecast.education.supply import Cohorts, damped
from reglab_forecast.snapshot import read_dataset


def test_rake_meets_both_margins():
    seed = np.array([[[4.0, 1.0, 1.0], [1.0, 3.0, 2.0]]])
    rows = np.array([[50.0, 150.0]])  # scaled to the column total first
    cols = np.array([[60.0, 60.0, 80.0]])
    table = rake(seed, rows, cols)
    assert np.allclose(table.sum(axis=1), cols, rtol=1e-6)
    assert np.allclose(table.sum(axis=2), rows, rtol=1e-6)
    assert table[0, 0, 0] / table[0, 0, 1] > table[0, 1, 0] / table[0, 1, 1]  # seed kept


def test_band_of_covers_16_to_74():
    assert [band_of(a) for a in (15, 16, 24, 25, 34, 35, 74, 75)] == [
        None, "16-24", "16-24", "25-34", "25-34", "35-44", "65-74", None]


def test_damped_sum():
    assert damped(0, 0.5) == 0
    assert damped(3, 0.5) == pytest.approx(0.5 + 0.25 + 0.125)
    assert damped(4, 1.0) == 4


def test_population_path_uses_no_year_after_the_base():
    path = population_path(2008, [2009, 2018])
    observed = read_dataset("population")
    base = observed[observed["year"] == 2008]["population"].sum()
    assert path[path["year"] == 2008]["population"].sum() == pytest.approx(base)
    # a cohort aged 30 in 2008 is aged 40 in 2018 and scaled only by ratios up to 2008
    one = path[(path["region"] == "18") & (path["sex"] == "women")]
    aged = one[(one["year"] == 2018) & (one["age"] == 40)]["population"].iloc[0]
    start = one[(one["year"] == 2008) & (one["age"] == 30)]["population"].iloc[0]
    assert 0.8 * start < aged < 1.2 * start


def test_cohorts_carry_their_level():
    cohorts = Cohorts(2008, phi=0.5)
    # aged 50 in 2018 = aged 40 in 2008: the 35-44 band's shares of 2008
    assert np.allclose(cohorts.at(50, 2018), cohorts.shares[:, 2])
    shares = cohorts.at(20, 2018)
    assert np.allclose(shares.sum(axis=1), 1.0)
    assert (shares >= 0).all()


def test_every_matched_sun_field_exists():
    fields = read_dataset("education_field")
    sun = read_dataset("sun")
    codes = set(sun.loc[sun["kind"] == "field", "sun"])
    assert set(fields["sun"].dropna()) <= codes
    sums = fields.groupby("ssyk")["share"].sum()
    assert (sums <= 1.0 + 1e-9).all() and sums.mean() == pytest.approx(0.6, abs=0.05)


def test_suppressed_cells_have_no_row():
    frame = read_dataset("education_occupation")
    assert len(frame) == 12_080 - 7_633
    total = frame[(frame["ssyk"] == "0000") & (frame["year"] == 2018)]["employed"].sum()
    assert total == 4_316_600


def test_population_path_ahead_of_the_register_is_the_population_projection():
    import reglab_forecast as rf
    from reglab_forecast.demography import project_population

    path = population_path(2018, [2025, 2030])
    known = rf.load_population()
    table = project_population(known, target_years=[2030]).table
    expected = table[(table["year"] == 2030) & (table["region"] == "18")]["population"].sum()
    got = path[(path["year"] == 2030) & (path["region"] == "18")]["population"].sum()
    assert got == pytest.approx(expected)
    registered = known[(known["year"] == 2025) & (known["region"] == "18")]["population"].sum()
    assert path[(path["year"] == 2025) & (path["region"] == "18")]["population"].sum() == \
        pytest.approx(registered)
