"""Yrkesbarometer joined to SSYK, its key, and AF's occupation texts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import reglab_forecast as rf
from reglab_forecast.errors import ReglabError
from reglab_forecast.occupations import occupation_names

REPO = Path(__file__).resolve().parent.parent
RAW = Path(os.environ.get("REGLAB_RAW_DIR", REPO.parent / "shared" / "data" / "raw"))
sys.path.insert(0, str(REPO / "data"))

from builders.barometer import barometer_key  # noqa: E402


def _name(code: str, yb: str | None, above: object = False) -> dict[str, object]:
    return {"occupation_group": f"{code} - namn", "barometer_id": yb, "barometer_name": "Yrke",
            "barometer_above_ssyk": above}


def test_key_takes_the_modal_code_unless_the_occupation_spans_several():
    info = {"a": _name("2611", "X"), "b": _name("2611", "X"), "c": _name("2612", "X"),
            "d": _name("2413", "Y", True), "e": _name("2414", "Y", "True"),
            "f": _name("9999", None)}
    key = barometer_key(info)
    assert key[key["barometer_id"] == "X"]["ssyk"].tolist() == ["2611"]
    assert key[key["barometer_id"] == "Y"]["ssyk"].tolist() == ["2413", "2414"]
    assert set(key["n_ssyk"]) == {1, 2} and "9999" not in set(key["ssyk"])


@pytest.mark.skipif(not RAW.is_dir(), reason=f"raw files not found at {RAW}")
def test_key_agrees_with_af_own_codes_in_round_2025_2():
    from builders.barometer import TAXONOMY_INFO, check_against_af, round_2025_2
    from builders.common import read_json

    key = barometer_key(read_json(RAW / TAXONOMY_INFO.local))
    check = check_against_af(key, round_2025_2(RAW))
    assert check["af_ids"] == 46 and check["equal"] == 45
    assert list(check["differ"]) == ["RbsF_qLv_jeg"]  # AF adds 3311; the taxonomy does not


def test_barometer_by_ssyk_for_a_lan():
    frame = rf.load_barometer("Örebro län", ssyk=True)
    assert set(frame["region"]) == {"18"}
    assert set(frame["ssyk"]) <= set(occupation_names())
    assert set(frame["round"]) == {"2024-2", "2025-1", "2025-2"}
    assert (frame["round_inferred"] == (frame["round"] != "2025-2")).all()
    latest = frame[frame["round"] == "2025-2"]
    assert latest["recruitment_situation"].notna().any()
    assert latest["assessment_level"].dropna().isin(["nationellt", "nuts1", "nuts2", "län"]).all()
    assert frame.loc[frame["round"] == "2024-2", "outlook_5y"].isna().all()
    assert frame.attrs["caveat"] == "kan gälla ett större område än länet"
    assert "härledda" in frame.attrs["round_note"]


def test_nurses_have_a_barometer_view_and_a_text():
    view = rf.load_barometer("riket", ssyk=True)
    nurses = view[(view["ssyk"] == "2221") & (view["round"] == "2025-1")]
    assert len(nurses) == 1 and nurses["job_opportunities"].iloc[0] in {"små", "medelstora",
                                                                         "stora"}
    info = rf.load_occupation_info("2221")
    assert info["occupation"].str.contains("Sjuksköterska").any()
    assert (info["description"].str.len() > 100).any()
    assert info["similar_occupations"].str.contains("Undersköterska").any()
    with pytest.raises(ReglabError):
        rf.load_occupation_info("2229x")


def test_old_call_without_ssyk_is_unchanged():
    frame = rf.load_barometer("18")
    assert {"yb_concept_id", "opportunities", "outlook_5y"} <= set(frame.columns)
