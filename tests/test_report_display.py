"""Notebook tables: Swedish labels and number formats, the source line, data untouched."""

from __future__ import annotations

import pandas as pd

from reglab_forecast.report.display import show, show_table


def _frame() -> pd.DataFrame:
    frame = pd.DataFrame({
        "ssyk_name": ["Undersköterskor", "Sjuksköterskor"], "sex": ["women", "men"],
        "year": [2030, 2035], "employed": [12345.6, -7.0], "share_55plus": [0.255, float("nan")],
        "ratio": [1.234, 0.5], "estimated": [True, False],
    })
    frame.attrs.update(source="SCB", table_id="YREG60BAS", vintage="referensår 2024")
    return frame


def test_labels_numbers_and_source_are_swedish() -> None:
    html = show(_frame(), index="ssyk_name", decimals={"ratio": 2}).to_html()
    for text in ("Yrke", "Anställda", "Andel 55+", "kvinnor", ">2030<", "12\u00a0346",
                 "\u22127", "25,5\u00a0%", ">–<", "1,23", "Källa: SCB, tabell YREG60BAS"):
        assert text in html, text
    assert "caption-side: bottom" in html
    assert "2\u00a0030" not in html and "employed" not in html


def test_data_is_left_as_it_is() -> None:
    frame = _frame()
    styler = show(frame, shares=["ratio"], caption="Tabell 1", source="Källa: egen")
    assert styler.data["Anställda"].tolist() == [12345.6, -7.0]
    assert list(frame.columns)[3] == "employed"  # the input is not renamed
    html = styler.to_html()
    assert "Tabell 1 · Källa: egen" in html and "123,4\u00a0%" in html


def test_no_caption_without_provenance() -> None:
    html = show(pd.DataFrame({"employed": [1]})).to_html()
    assert "<caption" not in html


def test_a_brief_table_is_shown_as_in_the_pdf() -> None:
    from reglab_forecast.report.tablespec import Column, Table

    columns = (Column("region_name", "Län", "text", ""),
               Column("need_pct", "Rekr.behov %", "pct", ""))
    frame = pd.DataFrame({"region_name": ["Riket", "Örebro län"], "need_pct": [27.7, 27.94]})
    table = Table("lan", "Länen", columns, frame, "Källa: SCB", "Ordnade.", highlight=(1,))
    html = show_table(table).to_html()
    assert "Rekr.behov %" in html and "27,9\u00a0%" in html
    assert "Länen · Ordnade. · Källa: SCB" in html
    assert html.count("font-weight: bold") == 1
