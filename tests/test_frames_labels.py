"""The label helpers give exactly the Series pandas gives the slow way."""

from __future__ import annotations

import numpy as np
import pandas as pd

import reglab_forecast as rf
from reglab_forecast.frames import map_labels, repeat_labels
from reglab_forecast.occupations import occupation_names


def test_map_labels_equals_series_map_on_the_snapshot():
    employment = rf.load_employment(years=2024)
    names = occupation_names()
    pd.testing.assert_series_equal(map_labels(employment["ssyk"], names),
                                   employment["ssyk"].map(names))
    partial = {"0110": "Officerare"}  # codes without a name become missing, as with map
    pd.testing.assert_series_equal(map_labels(employment["ssyk"], partial),
                                   employment["ssyk"].map(partial))
    with_gap = pd.Series(["01", None, "03"], dtype="str")
    pd.testing.assert_series_equal(map_labels(with_gap, {"01": "a"}), with_gap.map({"01": "a"}))


def test_repeat_labels_equals_indexing_a_numpy_array():
    positions = np.array([2, 0, 1, 1, 2])
    for labels in (("01", "03", "25"), [2014, 2015, 2016], np.array([0.5, 1.5, 2.5])):
        expected = pd.DataFrame({"x": np.asarray(labels)[positions]})
        pd.testing.assert_frame_equal(pd.DataFrame({"x": repeat_labels(labels, positions)}),
                                      expected)
