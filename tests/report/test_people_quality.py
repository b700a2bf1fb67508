"""The method section's sentences on the län totals' intervals and the supply's rates agree
with what the backtests stored."""

from __future__ import annotations

from reglab_forecast.numbers import format_percent
from reglab_forecast.projection import load_quality_declaration
from reglab_forecast.report.people_quality import supply_rate_text, totals_interval_text
from reglab_forecast.report.sections import get
from reglab_forecast.supply.rate_backtest import load_rate_trend


def test_sentences_quote_the_stored_figures() -> None:
    declaration = load_quality_declaration()
    bins = declaration.coverage_bins
    row = bins[(bins["level"] == 0) & (bins["horizon"] == 5)].iloc[0]
    text = totals_interval_text()
    assert format_percent(float(row["coverage_adjusted"]), 0) in text
    assert format_percent(declaration.meta["totals_bias"]["median_5"], plus=True) in text
    stored = load_rate_trend()
    rates = supply_rate_text()
    assert format_percent(stored.wape["trend"]["5"]) in rates
    assert format_percent(stored.wape["constant"]["5"]) in rates
    assert ("dämpade trend" in rates) == (stored.chosen == "trend")


def test_method_section_prints_them(context_for) -> None:
    section = get(context_for("18"), "metod")
    texts = [p for part in section.parts() for p in getattr(part, "paras", ())]
    assert totals_interval_text() in texts and supply_rate_text() in texts
