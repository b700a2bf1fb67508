"""The notebook figures: captions carry source and vintage, paths agree with the projection."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import reglab_forecast as rf  # noqa: E402
from reglab_forecast.errors import InputError  # noqa: E402
from reglab_forecast.projection import Projection, project  # noqa: E402
from reglab_forecast.report.plots import (  # noqa: E402
    employment_history,
    plot_history,
    plot_projection,
    plot_regions,
    plot_scenarios,
    plot_series,
    projection_path,
    series_breaks,
    source_note,
)


@pytest.fixture(scope="module")
def employment() -> pd.DataFrame:
    return rf.load_employment(level=4)


@pytest.fixture(scope="module")
def projections(employment: pd.DataFrame) -> dict[str, Projection]:
    ages = rf.load_age_profile(level=4)
    shock = {"name": "Chock", "shock": [{"ssyk": "532", "region": "18", "percent": 20,
                                         "from_year": 2026}]}
    return {"Grund": project(employment, ages), "Chock": project(employment, ages,
                                                                  scenario=shock)}


def _caption(ax: plt.Axes) -> str:
    label = ax.figure.get_supxlabel()
    plt.close(ax.figure)
    return label


def test_source_note_names_source_table_and_vintage() -> None:
    frame = pd.DataFrame({"x": [1]})
    frame.attrs.update(source="SCB, yrkesregistret", table_id="YREG60BAS",
                       vintage="referensår 2024", estimated=True)
    note = source_note(frame, "prognos från basår 2024")
    assert note == ("Källa: SCB, yrkesregistret, tabell YREG60BAS; referensår 2024; "
                    "delvis uppskattat; prognos från basår 2024")
    assert source_note(pd.DataFrame()) == "Källa: okänd källa"


def test_series_breaks_come_from_the_snapshot(employment: pd.DataFrame) -> None:
    breaks = series_breaks(employment)
    assert [year for year, _ in breaks] == [2018, 2019, 2020, 2023]
    assert all(text for _, text in breaks)
    assert series_breaks(pd.DataFrame()) == []


def test_history_sums_sexes_and_occupations(employment: pd.DataFrame) -> None:
    history = employment_history(employment, "18", "532")
    rows = employment[(employment["region"] == "18") & employment["ssyk"].str.startswith("532")
                      & (employment["year"] == 2024)]
    assert history.loc[2024] == rows["employed"].sum()
    assert list(history.index) == list(range(2014, 2025))
    with pytest.raises(InputError, match="region '99'"):
        employment_history(employment, "99")
    with pytest.raises(InputError, match="yrke '9999'"):
        employment_history(employment, "18", "9999")


def test_region_path_adds_up_and_has_its_own_interval(projections: dict[str, Projection]
                                                      ) -> None:
    base = projections["Grund"]
    path = projection_path(base, "18")
    cells = base.paths[base.paths["region"] == "18"].groupby("year")["employed"].sum()
    assert np.allclose(path.set_index("year")["employed"], cells.loc[2024:2035])
    assert list(path["year"]) == list(range(2024, 2036))
    first = path.iloc[0]
    assert first["lower"] == first["employed"] == first["upper"]
    assert (path["lower"] <= path["employed"]).all() and (path["employed"] <= path["upper"]).all()
    width = (path["upper"] - path["lower"]) / path["employed"]
    assert width.iloc[-1] > width.iloc[1] > 0  # wider further ahead


def test_occupation_path_is_the_aggregate(projections: dict[str, Projection]) -> None:
    base = projections["Grund"]
    path = projection_path(base, "00", "532")
    table = base.aggregate(level=3, regions="riket")
    row = table[(table["ssyk"] == "532") & (table["year"] == 2030)].iloc[0]
    at_2030 = path[path["year"] == 2030].iloc[0]
    assert at_2030["employed"] == pytest.approx(row["employed"])
    assert at_2030["upper"] == pytest.approx(row["upper"])
    with pytest.raises(InputError, match="yrke '999'"):
        projection_path(base, "18", "999")


def test_plots_carry_the_source(employment: pd.DataFrame,
                                projections: dict[str, Projection]) -> None:
    assert "Yrkesregistret" in _caption(plot_history(employment, "18"))
    ax = plot_projection(employment, projections["Grund"], "18", "532")
    assert "Undersköterskor, Örebro län" in ax.get_title(loc="left")
    assert "basår 2024, scenario: Grundscenario" in _caption(ax)


def test_scenarios_are_drawn_side_by_side(employment: pd.DataFrame,
                                          projections: dict[str, Projection]) -> None:
    ax = plot_scenarios(employment, projections, "18", "532")
    dashed = {line.get_label(): line for line in ax.get_lines() if line.get_linestyle() == "--"}
    assert set(dashed) == {"Grund", "Chock"}
    grund, chock = (dashed[k].get_ydata()[-1] for k in ("Grund", "Chock"))
    assert chock == pytest.approx(grund * 1.2, rel=1e-6)  # the shock lifts the line by 20 %
    assert "scenarier: Grundscenario, Chock" in _caption(ax)
    with pytest.raises(InputError, match="inga prognoser"):
        plot_scenarios(employment, {}, "18")


def test_regions_are_bars_with_the_region_marked_and_riket_a_line() -> None:
    frame = pd.DataFrame({"region": ["00", "18", "25", "01"],
                          "region_name": ["Riket", "Örebro län", "Norrbottens län",
                                          "Stockholms län"],
                          "need_pct": [27.7, 27.9, 30.1, 25.0]})
    ax = plot_regions(frame, "need_pct", "18", "Rekryteringsbehov", "Källa: test")
    bars = ax.patches
    assert [b.get_width() for b in bars] == [25.0, 27.9, 30.1]  # sorted, Riket not a bar
    marked = [b for b in bars if b.get_facecolor() != bars[0].get_facecolor()]
    assert [b.get_width() for b in marked] == [27.9]
    assert [line.get_xdata()[0] for line in ax.get_lines()] == [27.7]
    assert _caption(ax) == "Källa: test"


def test_series_panels_split_history_and_projection() -> None:
    frame = pd.DataFrame({"andel": [0.04, 0.038, 0.036, 0.035]}, index=[2022, 2023, 2024, 2025])
    fig = plot_series(frame, base_year=2024, percent=True, source="Källa: test")
    (ax,) = fig.axes
    solid, dashed = ax.get_lines()
    assert list(solid.get_xdata()) == [2022, 2023, 2024]
    assert list(dashed.get_xdata()) == [2024, 2025] and dashed.get_linestyle() == "--"
    assert ax.yaxis.get_major_formatter()(0.035, 0) == "3,50\u00a0%"
    assert fig.get_supxlabel() == "Källa: test"
    plt.close(fig)
