"""The education outlook of one län, made for that län alone, equals its rows in the outlook
of every län (the brief of one län computes only its own)."""

from __future__ import annotations

import pandas as pd
import pytest

from reglab_forecast.education.attainment import attainment
from reglab_forecast.education.outlook import education_outlook


@pytest.mark.parametrize("region", ["01", "09", "18"])
def test_one_lan_alone_equals_its_rows_among_all(projection, outlook, region):
    alone = education_outlook(projection, region=region)
    picked = outlook.region(region)
    for name in ("levels", "fields", "balance", "supply"):
        mine, theirs = getattr(alone, name), getattr(picked, name)
        assert len(mine) > 0 and set(mine["region"]) == {region}
        pd.testing.assert_frame_equal(mine.reset_index(drop=True), theirs, check_exact=False,
                                      rtol=1e-12, atol=1e-9, obj=name)


def test_the_attainment_of_some_lan_equals_their_rows_among_all():
    every = attainment()
    some = attainment(["25", "03"])
    assert set(some["region"]) == {"03", "25"}
    picked = every[every["region"].isin(["03", "25"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(some.reset_index(drop=True), picked, check_exact=False,
                                  rtol=1e-12)
