"""The brief says the right thing, not just something: a case worked out on paper, and
properties every region's brief must have.

The worked case is ``hand_case``: 21 län and three occupations whose ranks, verbs, flags and
filters follow from the figures in its docstring. The properties are checked on the real
snapshot for all 21 län against figures computed here from the loaders, not by the report.
"""

from __future__ import annotations

import re

import hand_case
import pandas as pd
import pytest
from brief_api import brief_summary, brief_tables, flat, pdf_text

import reglab_forecast as rf
from reglab_forecast.numbers import fmt_signed_pct, parse_number

OREBRO, VARMLAND = "18", "17"

# METHOD.md, "The standard brief", item 9: the health and care focus.
HEALTH_PREFIXES = ("221", "222", "223", "224", "226", "227", "228", "3211", "3212", "3213",
                   "3214", "325", "532", "533", "534", "535")


@pytest.fixture(scope="module")
def hand_inputs():  # type: ignore[no-untyped-def]
    return hand_case.inputs()


@pytest.fixture(scope="module")
def orebro(hand_inputs):  # type: ignore[no-untyped-def]
    return brief_tables(hand_inputs, OREBRO)


@pytest.fixture(scope="module")
def orebro_text(hand_inputs) -> str:  # type: ignore[no-untyped-def]
    return pdf_text(hand_inputs, OREBRO)


@pytest.fixture(scope="module")
def varmland_text(hand_inputs) -> str:  # type: ignore[no-untyped-def]
    return pdf_text(hand_inputs, VARMLAND)


# --- the worked case ---------------------------------------------------------------------------


def test_hand_case_largest_need_first(orebro) -> None:
    frame = orebro["rekryteringsbehov"].frame
    assert frame["ssyk"].tolist() == ["2221", "5321", "4111"]
    assert frame[f"need_{hand_case.TARGET}"].tolist() == [600, 400, 60]


def test_hand_case_growth_tables_leave_out_small_occupations(orebro) -> None:
    # Kontorsassistenter grow fastest (+100 %) but only 50 are employed: not listed.
    growing = orebro["vaxande"].frame
    declining = orebro["minskande"].frame
    assert "4111" not in set(growing["ssyk"]) | set(declining["ssyk"])
    assert growing["ssyk"].iloc[0] == "2221" and growing["change"].iloc[0] == pytest.approx(30)
    assert declining["ssyk"].iloc[0] == "5321"
    assert declining["change"].iloc[0] == pytest.approx(-10)


def test_hand_case_health_focus_holds_both_health_occupations(orebro) -> None:
    frame = orebro["vard_omsorg"].frame
    assert set(frame["ssyk"]) == {"2221", "5321", ""}  # "" is the total row
    total = frame[frame["ssyk"] == ""].iloc[0]
    assert total["employed"] == 3000 and total[f"need_{hand_case.TARGET}"] == 1000


def test_hand_case_af_disagreement_flag(orebro, orebro_text: str) -> None:
    # AF: undersköterskor 5 (stor brist); we project −10 %: flagged. Sjuksköterskor (4, +30 %)
    # and kontorsassistenter (2, +100 %) agree with us.
    frame = orebro["rekryteringsbehov"].frame.set_index("ssyk")
    assert frame.loc["5321", "flag"] != ""
    assert frame.loc["2221", "flag"] == "" and frame.loc["4111", "flag"] == ""
    assert "AF: brist, vi: minskning" in orebro_text


def test_hand_case_ranks(orebro) -> None:
    lan = orebro["lan"].frame.set_index("region")
    assert lan.loc[OREBRO, "rank"] == 1 and lan.loc[VARMLAND, "rank"] == 21
    assert lan.loc[OREBRO, "need_pct"] == pytest.approx(34.8)


def test_hand_case_highest_and_lowest_said_of_the_right_region(orebro_text: str,
                                                               varmland_text: str) -> None:
    assert "högst bland länen" in orebro_text and "lägst bland länen" not in orebro_text
    assert "lägst bland länen" in varmland_text and "högst bland länen" not in varmland_text


def test_hand_case_verbs(orebro_text: str, varmland_text: str) -> None:
    # Örebro: 3 050 → 3 200 (+4,9 %); Värmland: 3 500 → 3 000 (−14,3 %).
    assert re.search(r"öka till 3 200 år 2035 \(\+4,9 %", orebro_text)
    assert re.search(r"minska till 3 000 år 2035 \(−14,3 %", varmland_text)
    assert "minska till" not in orebro_text and "öka till" not in varmland_text


# --- properties on the real snapshot, every län ------------------------------------------------

LAN = ("01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19",
       "20", "21", "22", "23", "24", "25")

_UP = r"öka\w*|växa\w*|växer|ökning\w*"
_DOWN = r"minska\w*|minskning\w*"
# A verb of change, then (in the same clause) the signed percentage it quotes in brackets.
_CLAIM = re.compile(rf"\b({_UP}|{_DOWN})\b[^.;()]*?\(([+−]\d[\d ]*,\d) %")


def claims(text: str) -> list[tuple[int, str]]:
    """(+1 for a rise, −1 for a fall, the percentage quoted) for each verb with a figure."""
    found = []
    for verb, number in _CLAIM.findall(flat(text)):
        found.append((1 if re.fullmatch(_UP, verb) else -1, number))
    return found


@pytest.fixture(scope="module")
def every_brief(inputs, tables_for):  # type: ignore[no-untyped-def]
    return {region: tables_for(region) for region in LAN}


def test_claims_finds_verbs_and_signs() -> None:
    text = ("Antalet väntas öka till 3 200 år 2035 (+4,9 %, 80 %-intervall 1–2). X väntas "
            "växa snabbast (+30,0 %), medan y minskar mest (−10,0 %).")
    assert claims(text) == [(1, "+4,9"), (1, "+30,0"), (-1, "−10,0")]


@pytest.mark.parametrize("region", LAN)
def test_every_change_verb_agrees_in_sign_with_its_figure(inputs, every_brief, region) -> None:  # type: ignore[no-untyped-def]
    tables = every_brief[region]
    found = claims(brief_summary(inputs, region, tables))
    assert found, "the summary quotes no change with a verb"
    for sign, number in found:
        value = parse_number(number)
        assert value == 0 or sign * value > 0, (sign, number)
    # The projected change the summary quotes is the key-figure table's, with the right verb.
    key = tables["nyckeltal"].frame
    horizon = max(inputs.target_years)
    change = float(key.loc[f"change_{horizon}_pct", "value"])
    quoted = fmt_signed_pct(change).replace("\u00a0%", "")
    if abs(change) >= 1:
        assert (1 if change > 0 else -1, quoted) in found


@pytest.mark.parametrize("region", LAN)
def test_need_table_sorted_and_led_by_the_largest_need(inputs, every_brief, region) -> None:  # type: ignore[no-untyped-def]
    horizon = max(inputs.target_years)
    frame = every_brief[region]["rekryteringsbehov"].frame
    needs = frame[f"need_{horizon}"].to_numpy(float)
    assert (needs[:-1] >= needs[1:]).all()
    # The first row is the largest need of every occupation in the län, not only of those shown.
    table = inputs.projection.table
    mine = table[(table["region"] == region) & (table["year"] == horizon)]
    assert needs[0] == pytest.approx(mine["recruitment_need"].max(), abs=0.5)


@pytest.mark.parametrize("region", LAN)
def test_growth_tables_are_sorted_and_filtered(every_brief, region) -> None:  # type: ignore[no-untyped-def]
    growing = every_brief[region]["vaxande"].frame
    declining = every_brief[region]["minskande"].frame
    assert (growing["employed"] >= 100).all() and (declining["employed"] >= 100).all()
    assert growing["change"].is_monotonic_decreasing
    assert declining["change"].is_monotonic_increasing


def _health_codes(codes: pd.Series) -> pd.Series:
    return codes.str.startswith(HEALTH_PREFIXES)


@pytest.mark.parametrize("region", LAN)
def test_health_focus_counts_every_listed_occupation(inputs, every_brief, region) -> None:  # type: ignore[no-untyped-def]
    frame = every_brief[region]["vard_omsorg"].frame
    shown = frame[frame["ssyk"] != ""]
    assert _health_codes(shown["ssyk"]).all()
    # The total row covers every occupation of the list, counted here from the loader.
    employment = rf.load_employment(level=4, regions=[region], years=[inputs.base_year])
    expected = employment.loc[_health_codes(employment["ssyk"]), "employed"].sum()
    total = frame[frame["ssyk"] == ""].iloc[0]
    assert total["employed"] == pytest.approx(expected, abs=0.5)


def test_health_focus_lists_the_assistant_nurses(every_brief) -> None:
    # Undersköterskor (5321) are among the largest needs in every län.
    for region in LAN:
        assert "5321" in set(every_brief[region]["vard_omsorg"].frame["ssyk"]), region
