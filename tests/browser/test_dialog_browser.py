"""``reglab-forecast dialog`` in a real browser: choose a län, move a lever, download.

The app is started as a user would start it, on a free loopback port; Chromium loads the
page, the test picks Västerbotten, switches on the regional-growth lever with the Swedish
"2,5", checks that the figure and the table change, downloads the PDF brief with the chosen
scenario and reads it with pypdf. A second browser context checks that each tab has its own
state. Screenshots go to the artefacts folder.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

LOAD_SECONDS = 120_000  # ms; the first page waits for a kernel on a busy 2-core machine


def _argv(port: int) -> list[str]:
    return [sys.executable, "-m", "reglab_forecast", "dialog", "--region", "Norrbotten",
            "--port", str(port), "--no-browser"]


def _figure(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.locator(".widget-image").first.get_attribute("src"))


def _table(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.locator(".reglab-dialog-table").first.inner_text())


def _changed(page, before: str, read) -> str:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        now = read(page)
        if now != before:
            return now
        page.wait_for_timeout(200)
    raise AssertionError("sidan ändrades inte")


def _wait_for_text(page, text: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 60
    while text not in page.inner_text("body"):
        assert time.monotonic() < deadline, f"{text!r} visades inte"
        page.wait_for_timeout(200)


def _open(browser, url: str, artefacts: Path, name: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 1500},
                                  accept_downloads=True)
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, timeout=LOAD_SECONDS)
    page.locator(".reglab-dialog-table").first.wait_for(timeout=LOAD_SECONDS)
    seconds = time.perf_counter() - start
    page.screenshot(path=str(artefacts / f"{name}.png"), full_page=True)
    return context, page, seconds


def test_dialog_in_chromium(browser, start_server, artefacts: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    _process, port = start_server(_argv, work)
    url = f"http://127.0.0.1:{port}/"
    (artefacts / "dialog").mkdir(exist_ok=True)
    context, page, first_view = _open(browser, url, artefacts / "dialog", "dialog-1-start")
    assert "Norrbottens län" in _table(page)
    assert "def " not in page.inner_text("body") and "import" not in page.inner_text("body")
    assert list(work.iterdir()) == []  # nothing written to disk on page load

    figure, table = _figure(page), _table(page)
    page.get_by_label("Län", exact=True).select_option(label="Västerbottens län")
    figure, table = _changed(page, figure, _figure), _changed(page, table, _table)
    assert "Västerbottens län" in table

    lever = page.locator(".widget-hbox", has_text="Länets tillväxt").first
    lever.locator("input[type=checkbox]").check()
    text = lever.locator("input[type=text]")
    text.fill("2,5")
    text.press("Enter")
    _wait_for_text(page, "Västerbottens län 2,5 % per år")
    table = _changed(page, table, _table)
    figure = _changed(page, figure, _figure)
    page.screenshot(path=str(artefacts / "dialog" / "dialog-2-lever.png"), full_page=True)
    _other_views(page, artefacts / "dialog")

    other, second, _ = _open(browser, url, artefacts / "dialog", "dialog-3-second-tab")
    assert "Norrbottens län" in _table(second) and "Västerbottens län" in _table(page)
    other.close()

    page.get_by_role("button", name="Ladda ner underlaget").click()
    link = page.get_by_role("link", name="Underlag (PDF)")
    link.wait_for(timeout=240_000)
    with page.expect_download() as caught:
        link.click()
    pdf_path = artefacts / "dialog" / caught.value.suggested_filename
    caught.value.save_as(pdf_path)
    page.screenshot(path=str(artefacts / "dialog" / "dialog-4-download.png"), full_page=True)
    _check_pdf(pdf_path.read_bytes())
    (artefacts / "dialog" / "timings.json").write_text(
        json.dumps({"first_view_seconds": round(first_view, 2)}), encoding="utf-8")
    context.close()


def _other_views(page, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The education and the population view draw their own figure and table."""
    for label, text, name in (("Utbildning", "forskarutbildning", "dialog-5-utbildning.png"),
                              ("Befolkning", "Arbetskraftsutbud", "dialog-6-befolkning.png")):
        figure = _figure(page)
        page.locator(".widget-toggle-button", has_text=label).first.click()
        _wait_for_text(page, text)
        _changed(page, figure, _figure)
        page.screenshot(path=str(folder / name), full_page=True)
    page.locator(".widget-toggle-button", has_text="Alla yrken").first.click()
    _wait_for_text(page, "Rekryteringsbehov 2025")


def _check_pdf(data: bytes) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    assert data.startswith(b"%PDF") and len(reader.pages) >= 2
    assert "Västerbotten" in text and "Dialogscenario" in text


def test_dialog_refuses_a_bad_region() -> None:
    done = subprocess.run([sys.executable, "-m", "reglab_forecast", "dialog", "--region",
                           "Norrbotn", "--no-browser"], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 2 and "Norrbotten" in done.stderr
    assert done.stderr.count("\n") == 1
