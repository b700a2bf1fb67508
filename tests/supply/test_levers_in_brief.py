"""A scenario's [demography] levers reach the brief: the population, the supply, the balance,
the young-to-old measure and page 1; the dialogue's download is the CLI's brief of its file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import reglab_forecast as rf
from reglab_forecast.demography import project_population
from reglab_forecast.report.context import BriefContext
from reglab_forecast.report.inputs import load_inputs
from reglab_forecast.report.population_side import run_totals
from reglab_forecast.report.section import Bullets
from reglab_forecast.report.sections import get
from reglab_forecast.report.sections.befolkning import LEVERS_NOTE
from reglab_forecast.supply import balance, labour_supply

LEVERS = """name = "Inflyttning till Örebro"
[demography.net_migration]
"Örebro län" = 2000
[demography.employment_rate]
"60-69" = 5
"""


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("levers") / "inflyttning.toml"
    path.write_text(LEVERS, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def with_levers(scenario: Path) -> BriefContext:
    return BriefContext.create(load_inputs(scenario), "18")


@pytest.fixture(scope="module")
def without(context_for) -> BriefContext:  # type: ignore[no-untyped-def]
    return context_for("18")


@pytest.fixture(scope="module")
def context_for():  # type: ignore[no-untyped-def]
    inputs = load_inputs()
    return lambda region: BriefContext.create(inputs, region)


def _balance_row(ctx: BriefContext, year: str = "2035"):  # type: ignore[no-untyped-def]
    return get(ctx, "befolkning").tables[0].frame.set_index("year").loc[year]


def test_the_population_side_applies_the_levers(scenario, with_levers, without):
    assert with_levers.inputs.demographic.net_migration == {"18": 2000.0}
    assert without.inputs.demographic is None
    # expected from the public functions, the levers read from the file by the demography
    people = project_population(rf.load_population(), scenario=scenario)
    expected = balance(run_totals(with_levers.inputs.projection), labour_supply(people), people)
    row = expected.table.query("region == '18' and year == 2035").iloc[0]
    shown = _balance_row(with_levers)
    assert shown["gap"] == round(row["gap"])
    # 2 000 more residents a year and a higher rate at 60–69: more supply, a smaller gap
    assert shown["supply"] > _balance_row(without)["supply"] + 10_000
    assert shown["gap"] < _balance_row(without)["gap"]
    assert LEVERS_NOTE.strip() in get(with_levers, "befolkning").paragraphs[0]
    assert LEVERS_NOTE.strip() not in get(without, "befolkning").paragraphs[0]


def test_the_young_to_old_measure_follows_the_levers(with_levers, without):
    mine, base = with_levers.inputs.demography["18"], without.inputs.demography["18"]
    assert mine.young > base.young  # in-movers are mostly young adults
    assert with_levers.inputs.demography["09"].value == pytest.approx(
        without.inputs.demography["09"].value, rel=0.02)


def test_page_1_states_the_demographic_assumptions(with_levers):
    layout = get(with_levers, "sammanfattning").layout
    bullets = [line for part in layout if isinstance(part, Bullets) for line in part.items]
    assert any("2\u00a0000 fler personer per år flyttar till Örebro län" in b for b in bullets)
    assert any("60–69 år" in b and "5,0 procentenheter högre" in b and "till 2040" in b
               for b in bullets)  # phased in over the population projection, to 2040


@pytest.mark.slow
def test_the_dialogue_download_is_the_brief_of_its_scenario_file(tmp_path, monkeypatch):
    from reglab_forecast.dialog.downloads import session_files
    from reglab_forecast.dialog.engine import Levers
    from reglab_forecast.report.brief import write_brief

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    raw = Levers(net_migration=1500, rate_points=3).as_dict("18", label="Örebro län")
    pdf, _, toml_file = session_files("18", raw, "Örebro län")
    assert tomllib.loads(toml_file.data.decode("utf-8"))["demography"]
    path = tmp_path / "dialogscenario.toml"
    path.write_bytes(toml_file.data)
    brief = write_brief("18", tmp_path / "brief.pdf", scenario=path).path.read_bytes()
    assert pdf.data == brief


def test_the_levers_population_is_made_once_for_the_measure_and_the_side(scenario):
    from reglab_forecast.report.population_side import run_population_side, scenario_population

    inputs = load_inputs(scenario)  # the young-to-old measure made the levers' population
    people = scenario_population(inputs.demographic)
    assert run_population_side(inputs).people is people
    assert scenario_population(inputs.demographic) is people
