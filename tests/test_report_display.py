"""Notebook tables: Swedish labels and number formats, the source line, data untouched."""

from __future__ import annotations

import pandas as pd
import pytest

from reglab_forecast.report.display import RedrawArea, show, show_table


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


def test_index_values_are_data_not_column_names() -> None:
    """An occupation or scenario called like a column ("year", "men") keeps its name."""
    frame = pd.DataFrame({"employed": [1.0, 2.0], "kind": ["year", "men"]}).set_index("kind")
    html = show(frame).to_html()
    assert ">year<" in html and ">men<" in html and ">Anställda<" in html
    assert ">År<" not in html and ">Män<" not in html


def test_plain_loader_tables_get_swedish_headers() -> None:
    import reglab_forecast as rf

    html = show(rf.search_occupations("underskötersk")).to_html()
    assert ">SSYK<" in html and ">Nivå<" in html and ">Yrke<" in html
    assert "ssyk_name" not in html and ">level<" not in html


def test_source_line_leaves_out_the_repository_commit() -> None:
    frame = _frame()
    frame.attrs["vintage"] = ("Yrkesregistret, referensår 2014–2024 "
                              "(uttag i ai-econ-lab, commit 7c13a65)")
    html = show(frame).to_html()
    assert "Yrkesregistret, referensår 2014–2024" in html
    assert "commit" not in html and "ai-econ-lab" not in html


def test_redraw_area_is_an_output_widget_with_a_front_end(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import ipywidgets as widgets

    monkeypatch.delenv("REGLAB_NO_FRONTEND", raising=False)
    area = RedrawArea()
    assert isinstance(area.widget, widgets.Output) and area.children == [area.widget]


def test_redraw_area_draws_in_the_cell_without_a_front_end(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("REGLAB_NO_FRONTEND", "1")
    area = RedrawArea()
    with area.redraw():
        print("omräknat")
    assert area.widget is None and area.children == []
    assert capsys.readouterr().out == "omräknat\n"
