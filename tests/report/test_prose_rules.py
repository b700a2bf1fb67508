"""Rules for the balance and need sentences: one precision per sentence, a gap about zero said
plainly, and a need breakdown that never claims parts that do not add up."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from reglab_forecast.prose import shorten, typeset
from reglab_forecast.report.method import reader_text
from reglab_forecast.report.narrative import Facts, need_sentence
from reglab_forecast.supply.statement import gap_statement

NB = "\u00a0"
COUNT = re.compile(r"(?<![\d,])\d{1,3}(?:\u00a0\d{3})*(?![\d,])")


def _facts(need: float, replacement: float, expansion: float) -> Facts:
    key = pd.DataFrame({"value": [need, replacement, expansion, need / 11]},
                       index=["need", "replacement", "expansion", "need_per_year"])
    return Facts("Örebro län", key, 2024, 2019, 2035)


def _significant(text: str) -> list[int]:
    """The significant digits of each count in ``text`` (trailing zeros dropped)."""
    return [len(c.replace(NB, "").rstrip("0")) for c in COUNT.findall(text)
            if not 2000 <= int(c.replace(NB, "")) <= 2100]


@pytest.mark.parametrize("need, replacement, expansion", [
    (43_504, 32_511, 10_980),  # Örebro: the floored need is larger than the two parts
    (6_529, 6_500, 29),        # Gotland: almost no net change
    (20_000, 24_000, -4_000),  # a shrinking county
    (1_000, 900, 100),
])
def test_need_breakdown_never_claims_parts_that_do_not_add_up(need, replacement, expansion):
    text = need_sentence(_facts(need, replacement, expansion))
    assert "av dem" not in text
    assert all(digits <= 2 for digits in _significant(text)), text
    if abs(expansion) < need / 20:
        assert "lite" in text and f"{expansion:.0f}" not in text.replace(NB, "")
    elif expansion > 0:
        assert "krymper" in text and "öka med" in text
    else:
        assert "minska" in text


def _row(gap: float, low: float, high: float, supply: float = 150_000) -> pd.Series:
    return pd.Series({"year": 2035, "region_name": "Gotlands län", "gap": gap,
                      "gap_lower": low, "gap_upper": high, "rate_20_64": 0.764,
                      "working_age": 0.6 * supply, "supply": supply})


@pytest.mark.parametrize("gap, low, high", [(0.4, -900, 1_100), (710, -3_100, 4_400),
                                            (0.4, 0.1, 0.8)])
def test_a_gap_about_zero_is_said_plainly(gap, low, high):
    text = gap_statement(_row(gap, low, high), 11, "trend")
    assert "ungefär lika stora" in text and "inom osäkerheten" in text
    for word in ("procent", "per år", "Gapet", "brist", "överskott", " 0 personer"):
        assert word not in text, text


def test_a_gap_within_the_uncertainty_is_quoted_when_rounding_would_not_hide_it():
    # 166 567 in supply against 154 119 employees: "about equal" would read as 170 000 = 150 000
    text = gap_statement(_row(-12_448, -40_000, 15_000, supply=166_567), 11, "trend")
    assert "ungefär lika" not in text and "inom osäkerheten" in text
    assert "omkring 12\u00a0000 personer större än det beräknade antalet anställda" in text
    # the interval of that excess, turned the same way: −15 000 … 40 000, not −40 000 … 15 000
    assert "80 %-intervall \u221215\u00a0000 till 40\u00a0000 personer" in text
    for word in ("per år", "brist", "överskott"):
        assert word not in text, text


@pytest.mark.parametrize("gap, low, high", [(21_300, 8_000, 35_010), (-69_900, -131_000, -9_800)])
def test_balance_sentences_use_one_precision(gap, low, high):
    text = gap_statement(_row(gap, low, high, supply=1_479_000), 11, "constant")
    assert all(digits <= 2 for digits in _significant(text)), text
    assert ("Bristen" in text) == (gap > 0) and ("Överskottet" in text) == (gap < 0)
    assert "\u2212" not in text  # a surplus is named with its size, not a negative gap


def test_printed_text_has_no_double_stops_or_straight_quotes():
    text = typeset("Brist på lagerpersonal m.fl.. Se 'Behovet större' och \"i balans\"; tre...")
    assert ".." not in text.replace("...", "")
    assert "'" not in text and '"' not in text
    expected = "m.fl. Se ”Behovet större” och ”i balans”; tre..."
    assert text[len("Brist på lagerpersonal "):] == expected


def test_names_are_cut_at_a_word_with_an_ellipsis():
    name = "Verkställande direktörer, verkschefer och liknande eller motsvarande"
    cut = shorten(name, 46)
    assert cut.endswith("…") and len(cut) <= 46
    assert name.startswith(cut[:-1]) and name[len(cut) - 1] == " "
    assert shorten("Kockar", 46) == "Kockar"



@pytest.mark.parametrize("manifest, shown", [
    ("Skattad av data/build_snapshot.py ur folkmängden 2019 och januari 2026",
     "Skattad ur folkmängden 2019 och januari 2026"),
    ("JobTech Taxonomy-export (version anges inte i filen; hämtad 2025-12)",
     "JobTech Taxonomy-export (hämtad 2025-12)"),
    ("Källan till andelarna anges inte i filen; utbildningsgrupperna är SCB:s grupper.",
     "Utbildningsgrupperna är SCB:s grupper."),
    ("ca 2024-2 och 2025-1", "ca 2024-2 och 2025-1"),
])
def test_source_tables_speak_to_readers(manifest, shown):
    assert reader_text(manifest) == shown


@pytest.mark.parametrize("width_cm", [17.0, 8.4])
def test_county_chart_legend_lies_outside_the_axes(monkeypatch, width_cm):
    from reglab_forecast.report import figures

    drawn = []
    monkeypatch.setattr(figures, "render_svg", lambda fig, caption: drawn.append(fig) or "")
    values = [20.0 + i for i in range(21)]
    frame = pd.DataFrame({"region": ["00", *[f"{i:02d}" for i in range(1, 22)]],
                          "region_name": ["Riket", *[f"Län {i}" for i in range(1, 22)]],
                          "v": [28.6, *values], "v_lower": [20.0, *(v - 8 for v in values)],
                          "v_upper": [36.0, *(v + 20 for v in values)]})
    figures.figure_regions(frame, "Län 21", "v", "Rubrik", "Källa", width_cm=width_cm,
                           interval=True)
    fig = drawn[0]
    fig.canvas.draw()
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent()
    assert legend.y0 >= ax.get_window_extent().y1 - 1  # above the axes, not over the data
