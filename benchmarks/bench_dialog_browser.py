"""Time the dialogue app's first view in a real browser: from the page request to the first
figure shown, in Chromium (the distribution's, driven by Playwright).

    python benchmarks/bench_dialog_browser.py            # target: first view ≤ 5 s
    python benchmarks/bench_dialog_browser.py --loads 5  # more page loads

The server is started as ``reglab-forecast dialog`` starts it (Voilà, one kernel kept warm with
the dashboard already run). Each load opens a new browser context, as a new visitor would,
after the warm kernel has been refilled and has run the dashboard (as on a server that
has been up a little while). For comparison one load is timed on a server
without a warm kernel (each page starts its kernel and runs the dashboard). Chromium:
``REGLAB_CHROMIUM`` or ``chromium`` on the PATH.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from reglab_forecast.dialog.server import free_port, server_env, voila_argv

FIGURE = ".widget-image[src^='blob:'], .widget-image[src^='data:']"
POOL_FILLED = "is filled with"
STARTED = re.compile(r"Kernel started: ([0-9a-f-]{36})")
SETTLED = 2.0  # seconds without kernel activity: the dashboard has run
TIMEOUT_MS = 180_000


def _chromium() -> str:
    found = os.environ.get("REGLAB_CHROMIUM") or shutil.which("chromium")
    if not found:
        raise SystemExit("ingen Chromium: apt-get install -y chromium, eller sätt REGLAB_CHROMIUM")
    return found


def _wait_for(log: Path, text: str, count: int, seconds: float = 300) -> None:
    """Wait until ``text`` occurs ``count`` times in the server's log."""
    deadline = time.monotonic() + seconds
    while log.read_text(errors="replace").count(text) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{text!r} kom inte i serverns logg")
        time.sleep(0.2)


def _wait_for_warm(port: int, log: Path, seconds: float = 300) -> None:
    """Wait until the newest kernel (the warm one) has run the dashboard: idle, and no
    activity for ``SETTLED`` seconds (``/api/kernels/<id>``)."""
    kernel = STARTED.findall(log.read_text(errors="replace"))[-1]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        url = f"http://127.0.0.1:{port}/api/kernels/{kernel}"
        with urllib.request.urlopen(url, timeout=30) as reply:
            model = json.load(reply)
        last = dt.datetime.fromisoformat(model["last_activity"].replace("Z", "+00:00"))
        quiet = (dt.datetime.now(dt.UTC) - last).total_seconds()
        if model["execution_state"] == "idle" and quiet > SETTLED:
            return
        time.sleep(0.5)
    raise TimeoutError("den varma kärnan blev inte klar")


def _wait_for_port(port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"ingen server på port {port}")


def first_view(browser: Browser, url: str) -> float:
    """Seconds from the page request to the first figure shown."""
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, timeout=TIMEOUT_MS)
    page.locator(FIGURE).first.wait_for(state="visible", timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - start
    context.close()
    return seconds


def serve_and_time(browser: Browser, loads: int, preheat: bool, folder: Path) -> list[float]:
    port = free_port()
    log = folder / f"server-{port}.log"
    runtime = folder / f"runtime-{port}"
    runtime.mkdir()
    with log.open("w") as out:
        process = subprocess.Popen(voila_argv(port, preheat=preheat),
                                   env=server_env("25", str(runtime)), cwd=folder, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_for_port(port)
        times = []
        for i in range(loads):
            if preheat:  # the warm kernel is there again and has run the dashboard
                _wait_for(log, POOL_FILLED, i + 1)
                _wait_for_warm(port, log)
            times.append(first_view(browser, f"http://127.0.0.1:{port}/"))
        return times
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description="Första vyn i dialogverktyget, i Chromium.")
    parser.add_argument("--loads", type=int, default=3, help="sidladdningar med varm kärna")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reglab-bench-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), headless=True,
                                     args=["--no-sandbox", "--disable-dev-shm-usage"])
        warm = serve_and_time(browser, args.loads, True, Path(tmp))
        cold = serve_and_time(browser, 1, False, Path(tmp))
        browser.close()
    print(f"{'första vyn, varm kärna (median av ' + str(len(warm)) + ')':<52}"
          f"{statistics.median(warm):7.2f} s   (alla: "
          f"{', '.join(f'{t:.2f}' for t in warm)} s)")
    print(f"{'första vyn utan varm kärna (jämförelse)':<52}{cold[0]:7.2f} s")


if __name__ == "__main__":
    main()
