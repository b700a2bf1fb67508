"""The 'Befolkning och arbetskraft' section and the befolkning command."""

from __future__ import annotations

import pytest

import reglab_forecast as rf
from reglab_forecast.cli import main
from reglab_forecast.projection import project
from reglab_forecast.prose import prose_round, prose_round_down, prose_round_up
from reglab_forecast.report.demography import ratios_over_horizon
from reglab_forecast.report.population_side import population_side
from reglab_forecast.report.sections.befolkning import build_from


@pytest.fixture(scope="module")
def projection():
    return project(rf.load_employment(level=4), rf.load_age_profile(level=4))


def test_section_tables_agree_with_the_balance(projection):
    section = build_from(projection, projection.target_years, "25", "Norrbottens län")
    assert section.heading == "Befolkning och arbetskraft"
    keys = [t.key for t in section.tables]
    assert keys == ["befolkning_balans", "befolkning_floden", "befolkning_backtest"]
    balance = population_side(projection).balance
    row = balance.table.query("region == '25' and year == 2035").iloc[0]
    shown = section.tables[0].frame.set_index("year").loc["2035"]
    assert shown["gap"] == round(row["gap"])
    flows = section.tables[1].frame.set_index("flow")["working_age"]
    assert flows.iloc[:4].sum() == pytest.approx(flows.iloc[-1], abs=3)  # rounded parts
    assert section.paragraphs[-1] == balance.statement("25", 2035)
    assert "skattat" in section.figures[0].svg or "skattat" in section.figures[0].alt.lower() \
        or "80 %" in section.figures[0].svg


def test_young_to_old_over_the_horizon():
    ratios = ratios_over_horizon(2035)
    assert set(ratios) >= {"01", "18", "25", "00"}
    riket = ratios["00"]
    assert riket.value == pytest.approx(riket.young / riket.old)
    assert "fyller 20" in riket.label and "skattat" in riket.label


def test_command_prints_the_balance(capsys):
    assert main(["befolkning", "--region", "Örebro"]) == 0
    out = capsys.readouterr().out
    assert "Befolkning och arbetskraft" in out and "Örebro län:" in out
    assert "Linjär trend 10 år" in out


def test_command_needs_a_region(capsys):
    assert main(["befolkning"]) == 2
    assert "--region" in capsys.readouterr().err
    assert main(["befolkning", "--region", "Atlantis"]) == 2
    assert main(["befolkning", "--save"]) == 2


def _persons(text: str) -> list[int]:
    """The numbers written in a sentence ('2035', '1 234', '−600'), in order, without the
    interval's '80 %'."""
    import re

    text = text.replace("80 %-intervall", "intervall")
    return [int(n.replace("\u00a0", "").replace(" ", "").replace("−", "-"))
            for n in re.findall(r"(?<!\d)[−-]?\d+(?:[ \u00a0]\d{3})*(?!\d)", text)]


def test_page_one_balance_sentence_agrees_with_the_table_for_every_lan(projection):
    from reglab_forecast.regions import region_names

    names = region_names()
    for region in sorted(population_side(projection).balance.table["region"].unique()):
        if region == "00":
            continue
        section = build_from(projection, projection.target_years, region, names[region])
        sentence = section.summary[0]
        row = section.tables[0].frame.iloc[-1]
        assert row["year"] == str(max(projection.target_years))
        numbers = _persons(sentence)
        assert numbers[0] == int(row["year"])
        gap, low, high = row["gap"], row["gap_lower"], row["gap_upper"]
        # Two significant digits like the rest of the prose; the interval's ends outwards.
        small = abs(gap) < 0.01 * row["employed"]
        if round(gap) == 0 or (low < 0 < high and small):
            assert "ungefär lika stora" in sentence, (region, sentence)
            assert numbers[1:] == [prose_round(row["employed"]), prose_round_down(low),
                                   prose_round_up(high)], (region, sentence)
        elif low < 0 < high:  # within the uncertainty, but over 1 % of the employees
            assert "ungefär lika" not in sentence and "inom osäkerheten" in sentence
            assert ("större" if gap < 0 else "mindre") in sentence, (region, sentence)
            # the interval turned the way the gap is stated (the supply's excess or shortfall)
            ends = [prose_round_down(low), prose_round_up(high)] if gap > 0 else [
                prose_round_down(-high), prose_round_up(-low)]
            assert numbers[1:] == [prose_round(abs(gap)), prose_round(row["employed"]),
                                   *ends], (region, sentence)
        else:
            ends = [prose_round_down(low), prose_round_up(high)] if gap > 0 else [
                prose_round_down(-high), prose_round_up(-low)]
            assert numbers[1:] == [prose_round(abs(gap)), prose_round(row["employed"]),
                                   *ends], (region, sentence)
        assert (": en brist" in sentence) == (low > 0)
        assert (": ett överskott" in sentence) == (high < 0)
        assert "enligt prognosen" in sentence


def test_backtest_command_prints_both_backtests(capsys):
    from reglab_forecast.supply.rate_backtest import load_rate_trend

    before = load_rate_trend()
    assert main(["befolkning", "--backtest"]) == 0
    out = capsys.readouterr().out
    assert "linjär trend 10 år" in out  # the population's baselines
    assert "Andel anställda per invånare, bakåtprövning" in out
    assert "Dämpad trend: 3 år" in out and "Konstant andel (startårets): 3 år" in out
    assert load_rate_trend() == before  # without --save nothing is written
