"""The comparison's population section: every län's balance side by side, as in its brief."""

from __future__ import annotations

import numpy as np

from reglab_forecast.report.compare import compare_tables
from reglab_forecast.report.sections import COMPARE


def test_compare_has_the_balance_of_every_lan(context_for, orebro_tables):
    assert "befolkning_lan" in COMPARE
    tables = compare_tables(context_for("00"))
    table = tables["befolkning_lan"]
    frame = table.frame
    assert len(frame) == 22 and frame["region"].iloc[0] == "00"
    lan = frame.iloc[1:]
    assert lan["region"].nunique() == 21
    # Sorted meaningfully: the largest shortage in percent of employment first.
    assert (np.diff(lan["gap_pct"].to_numpy(float)) <= 1e-9).all()
    # The same figures as the län's own brief (Örebro's balance table, last year).
    own = orebro_tables["befolkning_balans"].frame.iloc[-1]
    row = frame.set_index("region").loc["18"]
    assert row["gap"] == own["gap"] and row["employed"] == own["employed"]
    assert row["gap_pct_lower"] <= row["gap_pct"] <= row["gap_pct_upper"]
    assert "SCB" in table.source and "skattad brygga" in table.source
