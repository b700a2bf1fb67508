"""The dialogue server culls the kernel of a closed page, keeps a page's kernel while the page is
open, and a page that takes the warm kernel (idle far longer than the cull timeout) still gets
to use it. Checked through the server's ``/api/kernels/<id>`` with a short cull timeout.
Nothing is written to the working folder on page load.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from reglab_forecast.dialog.server import server_env, voila_argv

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CULL_IDLE = 3  # seconds
CULL_INTERVAL = 1
LOAD_MS = 180_000
KERNEL_ID = re.compile(r"kernel[_-]?[iI]d[\"']?\s*[:=]\s*[\"']([0-9a-f-]{36})")


def _kernel_alive(port: int, kernel_id: str) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernels/{kernel_id}",
                                    timeout=30) as reply:
            return bool(reply.status == 200)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise


def _open(browser, url: str):  # type: ignore[no-untyped-def]
    page = browser.new_context(viewport={"width": 1280, "height": 1400}).new_page()
    page.goto(url, timeout=LOAD_MS)
    page.locator(".reglab-dialog-table").first.wait_for(timeout=LOAD_MS)
    found = KERNEL_ID.findall(page.content())
    assert found, "sidan nämner ingen kärna"
    return page, found[0]


def _wait_until(check, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return False


def test_closed_page_kernel_is_culled(browser, start_server, tmp_path: Path) -> None:
    work, runtime = tmp_path / "work", tmp_path / "runtime"
    work.mkdir()
    runtime.mkdir()

    def argv(port: int) -> list[str]:
        return voila_argv(port, cull_idle=CULL_IDLE, cull_interval=CULL_INTERVAL)

    _process, port = start_server(argv, work, server_env("25", str(runtime)))
    url = f"http://127.0.0.1:{port}/"
    page, kernel = _open(browser, url)
    assert list(work.iterdir()) == []  # nothing written on page load
    time.sleep(3 * CULL_IDLE)  # idle past the timeout, but the page is connected
    assert _kernel_alive(port, kernel)

    page.close()  # without "beforeunload": the page just goes away, as a lost tab would
    assert _wait_until(lambda: not _kernel_alive(port, kernel), 60), "kärnan städades inte bort"

    # The warm kernel has been idle far past the timeout; the next page must still get it.
    time.sleep(3 * CULL_IDLE)
    second, other = _open(browser, url)
    assert other != kernel
    table = second.locator(".reglab-dialog-table").first.inner_text()
    second.get_by_label("Län", exact=True).select_option(label="Västerbottens län")
    assert _wait_until(lambda: second.locator(".reglab-dialog-table").first.inner_text()
                       != table, 60), "sidan räknade inte om"
    assert _kernel_alive(port, other) and list(work.iterdir()) == []
    second.close()
