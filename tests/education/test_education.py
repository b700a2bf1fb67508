"""Occupation → education mixes, the need by education, the supply by level and the command."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reglab_forecast.cli import main
from reglab_forecast.education import occupation_education
from reglab_forecast.education.fields import OTHER, field_coverage
from reglab_forecast.education.levels import LEVEL_ORDER, Pooled, fill_levels, pooled_table
from reglab_forecast.education.need import need_by_education
from reglab_forecast.errors import InputError
from reglab_forecast.snapshot import read_dataset


def test_level_mix_sums_to_one_for_every_ssyk4():
    mix = occupation_education("level")
    codes = read_dataset("ssyk")
    assert set(mix["ssyk"]) == set(codes.loc[codes["level"] == 4, "ssyk"])
    assert set(mix["education"]) == set(LEVEL_ORDER)
    sums = mix.groupby("ssyk")["share"].sum()
    assert np.allclose(sums, 1.0, atol=1e-12)
    assert (mix["share"] >= 0).all()


def test_published_level_keeps_its_share_from_the_raw_table():
    # SSYK 214 (engineers): level 6 published for both sexes; filling only adds other levels.
    raw = read_dataset("education_occupation")
    cells = raw[(raw["ssyk"] == "214") & (raw["level"] != "9")]
    pooled = cells.groupby(["sex", "level"])["employed"].mean().unstack().fillna(0.0)
    mix = occupation_education("level").set_index(["ssyk", "education"])
    assert mix.loc[("2142", "eftergymnasial, 3 år eller mer"), "method"] == "ssyk3"
    share = mix.loc[("2142", "eftergymnasial, 3 år eller mer"), "share"]
    level6 = float(pooled["6"].sum())
    # the filled total can only add suppressed (small) cells, so the share is at most this:
    assert share <= level6 / float(pooled.sum().sum()) + 1e-9
    assert share > 0.5


def test_fill_restores_hidden_cells_better_than_the_national_mix():
    from reglab_forecast.education.validation import fill_validation

    result = fill_validation().set_index("fill")
    used = result.loc["SSYK1 (används)"]
    assert used["cells"] > 900
    assert used["mae_pp"] < result.loc["riket (naiv)", "mae_pp"]
    assert used["mae_pp"] == result["mae_pp"].min()  # the variant in use is the best measured


def test_fill_keeps_published_cells_and_scales_to_them():
    table = Pooled(pooled_table())
    row = table.row("512", "women")  # cooks
    hidden = row.copy()
    j = int(np.nanargmax(row))
    hidden[j] = np.nan
    filled, methods = fill_levels(table, "512", "women", hidden, exclude="512")
    known = ~np.isnan(hidden)
    assert np.array_equal(filled[known], hidden[known])
    assert methods[j] == "ssyk1" and methods[int(np.flatnonzero(known)[0])] == "ssyk3"
    group = table.group("512", "women", 1, exclude="512")
    assert filled[j] == pytest.approx(group[j] * hidden[known].sum() / group[known].sum())


def test_isco_skill_level_is_the_last_fallback():
    frame = pooled_table().copy()
    frame.loc[frame.index.get_level_values(0).str.startswith("9")] = np.nan
    table = Pooled(frame)
    filled, methods = fill_levels(table, "911", "men", table.row("911", "men"))
    assert set(methods) == {"isco_skill_level"}
    assert filled[6] == 0 and filled[0] > 0  # skill level 1: no post-graduate, some primary


def test_field_mix_keeps_the_unknown_share_and_covers_employment():
    mix = occupation_education("field")
    assert np.allclose(mix.groupby("ssyk")["share"].sum(), 1.0, atol=1e-9)
    nurses = mix[mix["ssyk"] == "2221"].set_index("education")["share"]
    listed = read_dataset("education_field")
    own = listed[listed["ssyk"] == "2221"]["share"].sum()
    assert nurses[OTHER] == pytest.approx(1 - own)
    assert field_coverage()["own_list"] >= 0.95


def test_need_by_education_sums_to_the_occupation_totals(projection):
    for by in ("level", "field"):
        need = need_by_education(projection, by=by)
        by_education = need.groupby(["region", "year"])[
            ["employed", "replacement", "expansion", "recruitment_need"]].sum()
        table = projection.table
        by_occupation = table.groupby(["region", "year"])[
            ["employed", "replacement", "expansion", "recruitment_need"]].sum()
        pd.testing.assert_frame_equal(by_education, by_occupation.loc[by_education.index],
                                      rtol=1e-9, check_dtype=False)
        assert (need["lower"] <= need["employed"]).all()
        assert (need["employed"] <= need["upper"]).all()


def test_bad_by_is_an_input_error():
    with pytest.raises(InputError, match="nivå"):
        occupation_education("ålder")
    assert isinstance(InputError("x"), ValueError)


def test_hindcast_beats_the_naive_baseline():
    from reglab_forecast.education.hindcast import supply_hindcast
    from reglab_forecast.education.supply import DAMPING

    result = supply_hindcast(dampings=(DAMPING,))
    for origin, rows in result.groupby("origin"):
        model = rows[rows["method"].str.startswith("kohort")]["wape_pct"].iloc[0]
        naive = rows[rows["method"].str.startswith("naiv")]["wape_pct"].iloc[0]
        assert model < naive, origin


def test_raked_attainment_matches_the_lan_totals():
    from reglab_forecast.education.attainment import attainment

    raked = attainment()
    raked = raked[raked["year"] == 2018].groupby("region")["population"].sum()
    raw = read_dataset("education_population")
    raw = raw[(raw["year"] == 2018) & (raw["level"] != "9")].groupby("region")["population"].sum()
    assert np.allclose(raked.loc[raw.index], raw, rtol=1e-6)


def test_cli_utbildning_bad_input_exits_2(capsys):
    assert main(["utbildning", "--region", "18", "--efter", "ålder"]) == 2
    assert "nivå" in capsys.readouterr().err
    assert main(["utbildning", "--region", "Narnia"]) == 2
