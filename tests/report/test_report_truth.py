"""What the brief claims holds for every one of the 21 län: who is counted, the summary
against the tables, 'minskar' lists, and national or estimated figures labelled as such."""

from __future__ import annotations

import re

import pytest

from reglab_forecast.numbers import fmt_dec, fmt_int
from reglab_forecast.report.prose import (
    prose_count,
    prose_pct,
    prose_round_down,
    prose_round_up,
    prose_signed_pct,
)
from reglab_forecast.report.sections import get
from reglab_forecast.report.tables import all_tables
from reglab_forecast.report.tablespec import format_value

LAN = [f"{c:02d}" for c in (1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 17, 18, 19, 20, 21, 22, 23,
                            24, 25)]
# A number as written in Swedish text: digit groups with a non-breaking space, decimal comma.
NUMBER = re.compile(r"[+\u2212]?\d{1,3}(?:\u00a0\d{3})*(?:,\d+)?(?:\u00a0%)?")
WRONG_UNIVERSE = ("förvärvsarbetande", "sysselsatta", "16–74")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text) if s]


def _readings(tables) -> set[str]:  # type: ignore[no-untyped-def]
    """Every way the brief may write a number of its tables: exact as in the table, or
    rounded for prose (count, percent, signed percent), and numbers in titles and labels."""
    found: set[str] = set()
    for table in tables.values():
        for text in [table.title, table.note, *(c.label for c in table.columns)]:
            found.update(NUMBER.findall(text))
        for column in table.columns:
            if column.kind == "text":
                continue
            for value in table.frame[column.key].dropna():
                value = float(value)
                found.update({prose_count(value), prose_pct(value), prose_signed_pct(value),
                              fmt_dec(value, 2), prose_count(abs(value)),
                              fmt_int(prose_round_down(value)),
                              fmt_int(prose_round_up(value))})  # range ends, rounded outwards
                found.update({fmt_int(abs(prose_round_down(value))),  # a surplus's range
                              fmt_int(abs(prose_round_up(value))),
                              # the range of an excess within the uncertainty, turned
                              fmt_int(-prose_round_up(value)), fmt_int(-prose_round_down(value))})
                # Other sections round to hundreds or give fractions as whole percent.
                found.update(fmt_int(round(value, d)) for d in (0, -1, -2))
                found.add(fmt_int(round(100 * value)))
                if column.kind != "unit":
                    found.add(format_value(value, column.kind))
    return found


@pytest.mark.parametrize("region", LAN)
def test_every_number_in_the_summary_comes_from_a_table(region, context_for, summary_of):
    ctx = context_for(region)
    tables = all_tables(ctx)
    summary = summary_of(region)
    # The education section's sentence quotes a share of the need that none of its tables
    # holds ("omkring 42 procent"); its sentences are checked once its tables carry it.
    for sentence in get(ctx, "utbildning").summary:
        summary = summary.replace(sentence, "")
    numbers = NUMBER.findall(summary)
    assert len(numbers) >= 8
    readings = _readings(tables)
    years = {str(y) for y in range(2000, 2100)}
    missing = [n for n in numbers if n not in readings and n not in years]
    assert not missing, (missing, summary)


@pytest.mark.parametrize("region", LAN)
def test_the_universe_is_anstallda_everywhere(region, context_for):
    ctx = context_for(region)
    sections = [get(ctx, key) for key in ("sammanfattning", "nyckeltal", "lasanvisning",
                                          "metod")]
    texts = [p for s in sections for p in s.paragraphs]
    texts += [p for s in sections for part in s.parts() for p in getattr(part, "paras", ())]
    for table in all_tables(ctx).values():
        texts += [table.title, table.note, table.source]
        texts += [c.label + " " + c.description for c in table.columns]
    joined = " ".join(texts).lower()
    for wrong in WRONG_UNIVERSE:
        assert wrong not in joined, wrong
    assert "anställda 16–64 år (från 2023 16–69 år)" in joined
    assert "egna företagare ingår inte" in joined


@pytest.mark.parametrize("region", LAN)
def test_lists_hold_what_their_title_says(region, tables_for):
    tables = tables_for(region)
    assert (tables["minskande"].frame["change"] < 0).all()
    assert (tables["vaxande"].frame["change"] > 0).all()


@pytest.mark.parametrize("region", LAN)
def test_summary_agrees_with_the_flags_in_the_tables(region, tables_for, summary_of):
    flagged = set()
    for table in tables_for(region).values():
        if "flag" in table.frame.columns:
            flagged |= set(table.frame.loc[table.frame["flag"].fillna("") != "", "ssyk"])
    summary = summary_of(region)
    if flagged:
        assert "pekar Arbetsförmedlingens bedömning åt ett annat håll" in summary
        assert "Ingen av Arbetsförmedlingens bedömningar" not in summary
    else:
        assert "Ingen av Arbetsförmedlingens bedömningar" in summary


@pytest.mark.parametrize("region", LAN)
def test_national_and_estimated_figures_are_labelled(region, summary_of):
    for sentence in _sentences(summary_of(region)):
        if "Arbetsförmedlingens yrkesprognos" in sentence:
            assert "hela riket" in sentence, sentence
        if "55 år" in sentence:
            assert "skattad" in sentence, sentence
    assert not summary_of(region).startswith("Andelen anställda som är 55 år eller äldre är")


@pytest.mark.parametrize("region", LAN)
def test_projection_words_never_stronger_than_the_interval(region, tables_for, summary_of):
    key = tables_for(region)["nyckeltal"].frame
    proj = key.loc[[i for i in key.index if i.startswith("proj_")][-1]]
    e0 = key.loc["employed", "value"]
    summary = summary_of(region)
    if proj["lower"] < e0 < proj["upper"]:
        assert "rymmer både en minskning och en ökning" in summary
        assert "väntas antalet anställda öka" not in summary
        assert "väntas antalet anställda minska" not in summary


@pytest.mark.parametrize("region", LAN)
def test_regional_af_view_is_labelled(region, tables_for):
    """AF's barometer is given per län but may hold for a larger area, and two of its rounds
    are inferred: the table says both wherever it shows the view."""
    for table in tables_for(region).values():
        if "af_outlook" not in table.frame.columns:
            continue
        if table.frame["af_outlook"].notna().any():
            assert "kan gälla ett större område än länet" in table.note
            assert "omgång" in table.note
        rating = next(c for c in table.columns if c.key == "af_rating")
        assert "riket" in rating.label.lower()
