"""Lever widgets, the debouncer, the page, the scenario file and the server command line."""

from __future__ import annotations

import asyncio
import tomllib

import pytest

import reglab_forecast as rf
from reglab_forecast.dialog.app import DialogApp
from reglab_forecast.dialog.downloads import Download, scenario_toml
from reglab_forecast.dialog.engine import DialogModel, Levers
from reglab_forecast.dialog.server import voila_argv
from reglab_forecast.dialog.widgets import Debouncer, DecimalLever, parse_decimal
from reglab_forecast.errors import InputError
from reglab_forecast.projection import load_scenario


@pytest.mark.parametrize(("text", "value"), [("1,5", 1.5), ("1.5", 1.5), (" -0,4 ", -0.4),
                                             ("\u22120,4", -0.4), ("2", 2.0)])
def test_parse_decimal_reads_swedish(text: str, value: float) -> None:
    assert parse_decimal(text) == value


@pytest.mark.parametrize("text", ["", "1,5,2", "ett", "1..5", "5 %"])
def test_parse_decimal_refuses_with_a_hint(text: str) -> None:
    with pytest.raises(InputError, match="skriv t.ex. 1,5"):
        parse_decimal(text, "Länets tillväxt")


def test_decimal_lever_is_off_with_its_checkbox() -> None:
    lever = DecimalLever("Länets tillväxt", -1.0, 3.0, 1.0)
    assert lever.slider.disabled and lever.text.disabled and lever.value is None
    lever.enabled.value = True
    assert not lever.slider.disabled and not lever.text.disabled
    lever.text.value = "1,5"
    assert lever.slider.value == pytest.approx(1.5) and lever.value == 1.5
    lever.slider.value = 2.3
    assert lever.text.value == "2,3"
    lever.text.value = "9"
    assert lever.slider.value == 3.0 and "utanför" in lever.error.value
    lever.text.value = "x"
    assert "inget tal" in lever.error.value and lever.slider.value == 3.0


def test_debouncer_calls_once_after_the_last_trigger(in_fresh_thread) -> None:
    calls: list[float] = []
    delay = 0.5

    async def burst() -> None:
        loop = asyncio.get_running_loop()
        debounced = Debouncer(lambda: calls.append(loop.time()), delay=delay)
        last = loop.time()
        for _ in range(5):
            last = loop.time()
            debounced.trigger()
            await asyncio.sleep(0)
        assert calls == [] or calls[0] >= last + delay  # never before the pause
        deadline = loop.time() + 60.0  # generous: the machine may be loaded
        while not calls and loop.time() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(delay * 2)  # a second call would have come by now
        assert len(calls) == 1 and calls[0] >= last + delay

    in_fresh_thread(lambda: asyncio.run(burst()))


def test_debouncer_without_a_loop_calls_at_once(in_fresh_thread) -> None:
    calls: list[int] = []
    in_fresh_thread(lambda: Debouncer(lambda: calls.append(1)).trigger())
    assert calls == [1]


@pytest.fixture(scope="module")
def model() -> DialogModel:
    return DialogModel(rf.load_employment(level=4), rf.load_age_profile(level=4))


def test_page_recomputes_when_a_lever_moves(model: DialogModel, in_fresh_thread) -> None:
    in_fresh_thread(lambda: _page_recomputes(model))


def _page_recomputes(model: DialogModel) -> None:
    """Outside an event loop the page's debouncer recomputes at once."""
    app = DialogApp(model, "25")
    figure, table = app.figure.value, app.table.value
    assert "Norrbottens län" in table and "Riket" in table
    assert app.occupation.disabled and app.levers.ssyk.disabled
    assert app.levers.ssyk.value == app.occupation.value == "0110"
    app.levers.regional.enabled.value = True
    app.levers.regional.text.value = "2,5"
    assert app.figure.value != figure and app.table.value != table
    assert "Norrbottens län 2,5 % per år" in app.status.value
    app.view.value = "occupation"
    assert not app.occupation.disabled
    app.view.value = "areas"
    assert "Yrkesområde" in app.table.value
    assert len(app.timings) >= 4


def test_scenario_file_reads_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    raw = Levers(0.4, 1.0, 1, "8121", 500, 2027).as_dict("25", label="Norrbottens län")
    text = scenario_toml(raw)
    assert tomllib.loads(text) == raw
    path = tmp_path / "dialogscenario.toml"
    path.write_text(text, encoding="utf-8")
    scenario = load_scenario(path)
    assert scenario.regional_growth == {"25": 1.0} and scenario.shocks[0].persons == 500
    assert scenario.description.startswith("riket 0,4 % per år")


def test_download_link_carries_the_file() -> None:
    import base64

    link = Download("a b.pdf", "application/pdf", b"%PDF-1.7").link("Underlag")
    assert 'download="a b.pdf"' in link
    assert base64.b64encode(b"%PDF-1.7").decode() in link


def test_voila_serves_only_loopback_with_culling() -> None:
    argv = voila_argv(8870)
    assert "--Voila.ip=127.0.0.1" in argv and "--port=8870" in argv and "--no-browser" in argv
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in argv)
    assert argv[3].endswith("dashboard.ipynb")


@pytest.mark.slow
def test_session_files_carry_the_chosen_scenario() -> None:
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader

    from reglab_forecast.dialog.downloads import session_files

    raw = Levers(regional_growth=2.0).as_dict("25", label="Norrbottens län")
    pdf, workbook, scenario = session_files("25", raw, "Norrbottens län")
    assert pdf.filename == "kompetensbild-norrbottens-lan.pdf"
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Norrbotten" in text and "Dialogscenario" in text
    book = load_workbook(io.BytesIO(workbook.data), read_only=True)
    assert len(book.sheetnames) >= 3
    assert tomllib.loads(scenario.data.decode("utf-8")) == raw


def test_voila_culls_with_the_dialog_kernel_manager() -> None:
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from traitlets.utils.importstring import import_item

    from reglab_forecast.dialog.server import KERNEL_MANAGER

    argv = voila_argv(8870, cull_idle=3, cull_interval=1)
    assert "--MappingKernelManager.cull_idle_timeout=3" in argv
    assert "--MappingKernelManager.cull_interval=1" in argv
    assert f"--VoilaConfiguration.multi_kernel_manager_class={KERNEL_MANAGER}" in argv
    assert issubclass(import_item(KERNEL_MANAGER), AsyncMappingKernelManager)
