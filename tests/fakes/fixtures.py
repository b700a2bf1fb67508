"""pytest fixtures: the loopback servers and clients pointed at them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reglab_forecast.sources.http import RetryPolicy
from reglab_forecast.sources.jobtech import JobTechClient
from reglab_forecast.sources.scb import ScbClient

from .jobtech import PREFIX as JOBTECH_PREFIX
from .jobtech import FakeJobTech
from .pxweb import PREFIX, FakePxWeb
from .server import FakeHttp
from .tables import install_all

# Real retry counts, tiny waits: the suite stays fast.
FAST_RETRY = RetryPolicy(max_tries=4, backoff_base=0.001, backoff_max=0.01, jitter=0.1,
                         retry_after_default=0.05, retry_after_max=2.0)


@pytest.fixture
def fake_http() -> Iterator[FakeHttp]:
    http = FakeHttp().start()
    yield http
    http.stop()


@pytest.fixture
def pxweb(fake_http: FakeHttp) -> FakePxWeb:
    """The fake PxWebApi with generous limits; tests tighten them as they need."""
    fake = install_all(FakePxWeb(max_cells=150_000, max_calls=1000, window=1.0))
    fake.mount(fake_http)
    return fake


@pytest.fixture
def scb_url(fake_http: FakeHttp, pxweb: FakePxWeb) -> str:
    return fake_http.url + PREFIX


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def scb(scb_url: str, cache_dir: Path) -> Iterator[ScbClient]:
    client = ScbClient(scb_url, cache_dir=cache_dir, offline=False, retry=FAST_RETRY,
                       timeout=5.0, progress=False)
    yield client
    client.close()


@pytest.fixture
def jobtech_server(fake_http: FakeHttp, monkeypatch: pytest.MonkeyPatch) -> FakeJobTech:
    """The fake JobTech endpoints, with REGLAB_JOBTECH_URL pointing at them."""
    fake = FakeJobTech()
    fake.mount(fake_http)
    monkeypatch.setenv("REGLAB_JOBTECH_URL", fake_http.url + JOBTECH_PREFIX)
    return fake


@pytest.fixture
def jobtech(jobtech_server: FakeJobTech, cache_dir: Path) -> Iterator[JobTechClient]:
    client = JobTechClient(cache_dir=cache_dir, offline=False, retry=FAST_RETRY, timeout=5.0,
                           progress=False)
    yield client
    client.close()
