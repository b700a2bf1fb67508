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
from brief_api import brief_parts, brief_summary, brief_tables, flat, pdf_text

import reglab_forecast as rf
from reglab_forecast.numbers import parse_number

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
def orebro_summary(hand_inputs) -> str:  # type: ignore[no-untyped-def]
    return flat(brief_summary(hand_inputs, OREBRO))


@pytest.fixture(scope="module")
def varmland_summary(hand_inputs) -> str:  # type: ignore[no-untyped-def]
    return flat(brief_summary(hand_inputs, VARMLAND))


# --- the worked case ---------------------------------------------------------------------------


def test_hand_case_largest_need_first(orebro) -> None:
    frame = orebro["rekryteringsbehov"].frame
    assert frame["ssyk"].tolist() == ["2221", "5321", "4111"]
    assert frame[f"need_{hand_case.TARGET}"].tolist() == [800, 400, 60]


def test_hand_case_growth_tables_leave_out_small_occupations(orebro) -> None:
    # Kontorsassistenter grow fastest (+100 %) but only 50 are employed: not listed.
    growing = orebro["vaxande"].frame
    declining = orebro["minskande"].frame
    assert "4111" not in set(growing["ssyk"]) | set(declining["ssyk"])
    assert growing["ssyk"].iloc[0] == "2221" and growing["change"].iloc[0] == pytest.approx(50)
    assert declining["ssyk"].iloc[0] == "5321"
    assert declining["change"].iloc[0] == pytest.approx(-10)


def test_hand_case_health_focus_holds_both_health_occupations(orebro) -> None:
    frame = orebro["vard_omsorg"].frame
    assert set(frame["ssyk"]) == {"2221", "5321", ""}  # "" is the total row
    total = frame[frame["ssyk"] == ""].iloc[0]
    assert total["employed"] == 3000 and total[f"need_{hand_case.TARGET}"] == 1200


def test_hand_case_af_disagreement_flag(orebro, orebro_summary: str) -> None:
    # AF: undersköterskor 5 (stor brist); we project −10 %: flagged. Sjuksköterskor (4, +50 %)
    # and kontorsassistenter (2, +100 %) agree with us.
    frame = orebro["rekryteringsbehov"].frame.set_index("ssyk")
    assert frame.loc["5321", "flag"] != ""
    assert frame.loc["2221", "flag"] == "" and frame.loc["4111", "flag"] == ""
    assert frame.loc["5321", "flag"] == "AF: brist, prognos: minskning"
    assert re.search(r"För undersköterskor[^.]* pekar Arbetsförmedlingens bedömning åt ett "
                     r"annat håll än prognosen", orebro_summary)
    assert not re.search(r"För [^.]*(sjuksköterskor|kontorsassistenter)[^.]* annat håll",
                         orebro_summary)


def test_hand_case_ranks(orebro) -> None:
    frame = orebro["lan"].frame
    lan = frame[frame["region"] != "00"]["region"].tolist()
    assert len(lan) == 21 and lan[0] == OREBRO and lan[-1] == VARMLAND  # ordered by need
    assert frame.set_index("region").loc[OREBRO, "need_pct"] == pytest.approx(41.3)


def test_hand_case_highest_and_lowest_said_of_the_right_region(orebro_summary: str,
                                                               varmland_summary: str) -> None:
    assert "högst bland länen" in orebro_summary and "lägst bland länen" not in orebro_summary
    assert "lägst bland länen" in varmland_summary
    assert "högst bland länen" not in varmland_summary


def test_hand_case_verbs(orebro_summary: str, varmland_summary: str, hand_inputs) -> None:  # type: ignore[no-untyped-def]
    # Örebro: 3 050 → 3 400 (+11,5 %, interval above 3 050); Värmland: 3 500 → 3 000 (−14,3 %).
    assert re.search(r"öka till omkring 3 400 år 2035 \(\+12 %", orebro_summary)
    assert re.search(r"minska till omkring 3 000 år 2035 \(−14 %", varmland_summary)
    assert "minska" not in orebro_summary.split("Fram till")[0]
    assert "öka" not in varmland_summary.split("Fram till")[0]
    # Nobody joins or leaves in Län 01 beyond retirements: no change may read as a decline.
    others = flat(brief_summary(hand_inputs, "01"))
    assert "minska" not in others and "öka till" not in others


@pytest.mark.slow
def test_hand_case_pdf_says_what_the_summary_says(hand_inputs, orebro_summary: str) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(hand_inputs, OREBRO)
    for claim in ("högst bland länen", "öka till omkring 3 400 år 2035 (+12 %",
                  "annat håll än prognosen"):
        assert claim in orebro_summary and claim in text, claim


# --- properties on the real snapshot, every län ------------------------------------------------

LAN = ("01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19",
       "20", "21", "22", "23", "24", "25")

_UP = r"öka\w*|växa\w*|växer|ökning\w*"
_DOWN = r"minska\w*|minskning\w*"
# A verb of change, then (in the same clause) the signed percentage it quotes in brackets.
_CLAIM = re.compile(rf"\b({_UP}|{_DOWN})\b[^.;()]*?\(([+−]\d[\d ]*(?:,\d+)?) %")


def claims(text: str) -> list[tuple[int, str]]:
    """(+1 for a rise, −1 for a fall, the percentage quoted) for each verb with a figure."""
    found = []
    for verb, number in _CLAIM.findall(flat(text)):
        found.append((1 if re.fullmatch(_UP, verb) else -1, number))
    return found


@pytest.fixture(scope="module")
def every_brief(inputs):  # type: ignore[no-untyped-def]
    """Region → (tables, summary text) of its brief."""
    return {region: brief_parts(inputs, region) for region in LAN}


def test_claims_finds_verbs_and_signs() -> None:
    text = ("Antalet väntas öka till 3 200 år 2035 (+4,9 %, 80 %-intervall 1–2). X väntas "
            "växa snabbast (+30,0 %), medan y minskar mest (−10,0 %).")
    assert claims(text) == [(1, "+4,9"), (1, "+30,0"), (-1, "−10,0")]
    assert claims("väntas antalet minska till omkring 3 000 år 2035 (−14 %, 80 %-intervall") == [
        (-1, "−14")]


@pytest.mark.parametrize("region", LAN)
def test_every_change_verb_agrees_in_sign_with_its_figure(inputs, every_brief, region) -> None:  # type: ignore[no-untyped-def]
    tables, summary = every_brief[region]
    found = claims(summary)
    for sign, number in found:
        value = parse_number(number)
        assert value == 0 or sign * value > 0, (sign, number)
    # The projected total: when its change interval, as the key-figure table shows it (percent,
    # rounded), lies wholly above or below zero, the summary names that direction with its
    # signed figure, and no other; an interval that holds or touches zero names none.
    key = tables["nyckeltal"].frame
    change = key.loc[f"change_{max(inputs.target_years)}_pct"]
    rise, fall = "öka till omkring", "minska till omkring"
    if change["lower"] > 0:
        assert rise in summary and fall not in summary
        assert quotes(found, 1, change["value"])
    elif change["upper"] < 0:
        assert fall in summary and rise not in summary
        assert quotes(found, -1, change["value"])
    else:
        assert rise not in summary and fall not in summary


def quotes(found: list[tuple[int, str]], sign: int, percent: float) -> bool:
    """Whether a claim of ``sign`` quotes ``percent`` as rounded for reading (to 0,5)."""
    return any(s == sign and abs(parse_number(n) - percent) <= 0.5 for s, n in found)


def test_the_projected_total_is_named_somewhere(every_brief) -> None:
    # Guard against a vacuous sign check: every län summary speaks of the direction of its
    # projected total, either quoting a sure change with a verb or saying that the (two-sided)
    # interval holds both a fall and a rise.
    both = "rymmer både en minskning och en ökning"
    silent = [region for region in LAN
              if not claims(every_brief[region][1]) and both not in flat(every_brief[region][1])]
    assert not silent, silent


@pytest.mark.parametrize("region", LAN)
def test_need_table_sorted_and_led_by_the_largest_need(inputs, every_brief, region) -> None:  # type: ignore[no-untyped-def]
    horizon = max(inputs.target_years)
    frame = every_brief[region][0]["rekryteringsbehov"].frame
    needs = frame[f"need_{horizon}"].to_numpy(float)
    assert (needs[:-1] >= needs[1:]).all()
    # The first row is the largest need of every occupation in the län, not only of those shown.
    table = inputs.projection.table
    mine = table[(table["region"] == region) & (table["year"] == horizon)]
    assert needs[0] == pytest.approx(mine["recruitment_need"].max(), abs=0.5)


@pytest.mark.parametrize("region", LAN)
def test_growth_tables_are_sorted_and_filtered(every_brief, region) -> None:  # type: ignore[no-untyped-def]
    growing = every_brief[region][0]["vaxande"].frame
    declining = every_brief[region][0]["minskande"].frame
    assert (growing["employed"] >= 100).all() and (declining["employed"] >= 100).all()
    assert growing["change"].is_monotonic_decreasing
    assert declining["change"].is_monotonic_increasing


def _health_codes(codes: pd.Series) -> pd.Series:
    return codes.str.startswith(HEALTH_PREFIXES)


@pytest.mark.parametrize("region", LAN)
def test_health_focus_counts_every_listed_occupation(inputs, every_brief, region) -> None:  # type: ignore[no-untyped-def]
    frame = every_brief[region][0]["vard_omsorg"].frame
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
        assert "5321" in set(every_brief[region][0]["vard_omsorg"].frame["ssyk"]), region
