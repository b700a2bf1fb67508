"""The estimated regional age structure: raking, the loader's margins, and its measured error."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import reglab_forecast as rf
from reglab_forecast.errors import InputError, ReglabError
from reglab_forecast.regional_age import AgeInputs, estimate, rake, tilt_table


def _inputs(population: np.ndarray, tilt: np.ndarray | None = None) -> AgeInputs:
    """Two regions × two occupations × three bands × one sex."""
    national = np.array([[[60.0], [30.0], [10.0]], [[10.0], [40.0], [50.0]]])
    employed = np.array([[[30.0], [20.0]], [[70.0], [80.0]]])
    shape = (2, 2, 3, 1)
    reference = population.sum(axis=0, keepdims=True) / population.sum()
    return AgeInputs(["01", "25"], ["1111", "2221"], ["16-24", "25-54", "55-64"], ["men"],
                     employed, national, population,
                     np.ones(shape) if tilt is None else tilt,
                     np.repeat(reference / reference.sum(axis=1, keepdims=True), 2, axis=0))


def test_same_population_gives_the_national_profile_in_every_region():
    people = np.array([[[100.0], [200.0], [100.0]], [[100.0], [200.0], [100.0]]])
    cube = estimate(_inputs(people))
    # Riket's age shares of each occupation times the region's employees in it.
    expected_01 = np.array([[0.6, 0.3, 0.1], [0.1, 0.4, 0.5]]) * np.array([[30.0], [20.0]])
    np.testing.assert_allclose(cube[0, :, :, 0], expected_01)


def test_an_older_population_gives_an_older_workforce_and_margins_hold():
    people = np.array([[[200.0], [200.0], [50.0]], [[100.0], [200.0], [150.0]]])
    inputs = _inputs(people)
    cube = estimate(inputs)
    np.testing.assert_allclose(cube.sum(axis=2), inputs.employed)  # län × occupation exact
    scaled = inputs.national / inputs.national.sum(axis=1, keepdims=True) * \
        inputs.employed.sum(axis=0)[:, None, :]
    np.testing.assert_allclose(cube.sum(axis=0), scaled, rtol=1e-6)
    share_old = cube[:, :, 2, 0].sum(axis=1) / cube[:, :, :, 0].sum(axis=(1, 2))
    assert share_old[1] > share_old[0]


def test_rake_reaches_both_margins_from_any_positive_seed():
    rng = np.random.default_rng(7)
    start = rng.uniform(0.5, 2.0, size=(3, 4, 5, 2))
    by_region = rng.uniform(10, 100, size=(3, 4, 2))
    shares = rng.dirichlet(np.ones(5), size=(4, 2)).transpose(0, 2, 1)
    by_age = shares * by_region.sum(axis=0)[:, None, :]
    cube = rake(start, by_region, by_age)
    np.testing.assert_allclose(cube.sum(axis=2), by_region)
    np.testing.assert_allclose(cube.sum(axis=0), by_age, rtol=1e-6)


def test_tilt_is_shrunk_towards_one_for_small_cells():
    rows = []
    for area, counts in (("SE01", (10, 90)), ("SE02", (90, 10))):
        for band, value in zip(("16-24", "55-59"), counts, strict=True):
            for scale, code in ((1, "111"), (1000, "222")):
                rows.append({"riksomrade": area, "ssyk": code, "age": band, "sex": "men",
                             "employed": value * scale})
    table = tilt_table(pd.DataFrame(rows)).set_index(["riksomrade", "ssyk", "age"])["tilt"]
    big, small = table[("SE01", "222", "55-59")], table[("SE01", "111", "55-59")]
    assert big == pytest.approx(1.8, rel=0.01)  # 90 % old against 50 % in Riket
    assert 1.0 < small < big


@pytest.fixture(scope="module")
def estimated() -> pd.DataFrame:
    return rf.load_regional_age_profile(level=4, years=2024)


def test_loader_keeps_each_lan_employees_per_occupation(estimated):
    assert list(estimated.columns) == ["region", "region_name", "ssyk", "ssyk_name", "age",
                                       "sex", "year", "employed", "method"]
    observed = rf.load_employment(level=4, years=2024).set_index(["region", "ssyk", "sex"])
    summed = estimated.groupby(["region", "ssyk", "sex"])["employed"].sum()
    np.testing.assert_allclose(summed.reindex(observed.index), observed["employed"], atol=1e-6)
    assert estimated.attrs["estimated"] is True
    assert estimated["method"].astype(str).str.startswith("skattad").all()


def test_loader_sums_over_lan_to_the_national_age_shares(estimated):
    ages = rf.load_age_profile(level=1)
    ages = ages[ages["year"] == 2024].groupby("age")["employed"].sum()
    ours = estimated.groupby("age")["employed"].sum()
    np.testing.assert_allclose((ours / ours.sum()).to_numpy(),
                               (ages / ages.sum()).reindex(ours.index).to_numpy(), atol=1e-3)


def test_stockholm_is_younger_than_dalarna(estimated):
    older = estimated["age"].isin(["55-59", "60-64", "65-69"])
    share = estimated[older].groupby("region")["employed"].sum() / \
        estimated.groupby("region")["employed"].sum()
    assert share["01"] < share.median() < share["20"]


def test_levels_riket_and_bad_input():
    frame = rf.load_regional_age_profile(level=2, regions=["Dalarna", "riket"], years=[2023])
    assert set(frame["region"]) == {"20", "00"} and set(frame["ssyk"].str.len()) == {2}
    assert "65-69" in set(frame["age"])
    riket = frame[frame["region"] == "00"]["employed"].sum()
    assert riket == pytest.approx(rf.load_employment(years=2023)["employed"].sum())
    with pytest.raises(ReglabError, match="2030"):
        rf.load_regional_age_profile(years=2030)
    with pytest.raises(ValueError, match="Stokholm"):
        rf.load_regional_age_profile(regions="Stokholm")
    with pytest.raises(InputError):
        rf.load_regional_age_profile(level=5)


@pytest.mark.slow
def test_the_estimate_beats_the_national_profile_against_real_tables():
    from reglab_forecast.regional_age_check import regional_age_error

    table = regional_age_error().set_index(["check", "method"])["mae_55_64_pp"]
    # Without any riksområde table, the population still helps (2017, 8 riksområden).
    assert table[("riksomrade", "population")] < table[("riksomrade", "national")]
    # The full method against the real län tables of SSYK3 214 and 311, 2014–2017.
    assert table[("lan", "standard")] < table[("lan", "tilt")] < table[("lan", "national")]


def test_declaration_states_the_stored_error():
    from reglab_forecast.numbers import fmt_dec
    from reglab_forecast.projection import load_quality_declaration
    from reglab_forecast.projection.age_quality import (
        load_regional_age_quality,
        regional_age_quality_text,
    )

    stored = load_regional_age_quality()
    mae = {(r["check"], r["method"]): r["mae_55_64_pp"] for r in stored["records"]}
    assert mae[("lan", "standard")] < mae[("lan", "national")]
    text = regional_age_quality_text(stored)
    assert f"{fmt_dec(mae[('lan', 'standard')], 1)} procentenheter" in text
    assert "skattad" in text and text in load_quality_declaration().to_text()
    assert regional_age_quality_text({}) == ""


def test_saved_figures_are_written_atomically(tmp_path, monkeypatch):
    from reglab_forecast.projection import age_quality

    records = pd.DataFrame([{"check": "lan", "method": "standard", "mae_55_64_pp": 0.5}])
    monkeypatch.setattr(age_quality, "regional_age_error", lambda: records)
    path = age_quality.save_regional_age_quality(tmp_path / "q.json")
    assert age_quality.load_regional_age_quality(path)["records"][0]["mae_55_64_pp"] == 0.5
    assert [p.name for p in tmp_path.iterdir()] == ["q.json"]
