"""Browser tests: Chromium from the distribution's packages, driven by Playwright for Python.

Playwright's own browser download is not used (it needs the internet); the tests launch the
system Chromium (``REGLAB_CHROMIUM``, else ``chromium`` on the PATH) and skip, saying why,
only when there is none. Screenshots and downloads are kept in ``REGLAB_TEST_ARTEFACTS``
(default ``test-artefacts/`` in the repository).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def chromium_path() -> str | None:
    wanted = os.environ.get("REGLAB_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def artefacts() -> Path:
    folder = Path(os.environ.get("REGLAB_TEST_ARTEFACTS", REPO / "test-artefacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        pytest.skip("ingen Chromium hittades (installera: apt-get install -y chromium, "
                    "eller sätt REGLAB_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield browser
        browser.close()


@pytest.fixture
def start_server() -> Iterator[object]:
    """``start(argv_for_port, cwd, env) -> (process, port)``: a server on a free loopback
    port, in its own process group, stopped after the test."""
    started: list[subprocess.Popen] = []

    def start(argv_for_port, cwd: Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        port = free_port()
        log = (cwd.parent / f"server-{port}.log").open("w")
        process = subprocess.Popen(argv_for_port(port), cwd=cwd, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        started.append(process)
        wait_for_port(port, process)
        return process, port

    yield start
    for process in started:
        stop(process)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"servern avslutades med kod {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"ingen server på port {port} efter {seconds} s")


def stop(process: subprocess.Popen) -> None:
    """Stop a server this test started (its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
