"""The transport against a real loopback server: limiter, retries, cache, offline mode."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from fakes.fixtures import FAST_RETRY
from fakes.server import FakeHttp, Incoming, Reply

from reglab_forecast.errors import OfflineCacheMiss, RateLimitError, ResponseError, ServerError
from reglab_forecast.sources.http import (
    Request,
    SlidingWindowLimiter,
    Transport,
    parse_retry_after,
)


@pytest.fixture
def echo(fake_http: FakeHttp) -> FakeHttp:
    def answer(incoming: Incoming) -> Reply:
        return Reply(200, {"path": incoming.path, "updated": "2026-01-01T00:00:00Z",
                           "key": incoming.headers.get("api-key")})
    fake_http.route("/echo", answer)
    return fake_http


def _transport(http: FakeHttp, cache: Path, **kwargs: object) -> Transport:
    options: dict[str, object] = {"cache_dir": cache, "offline": False, "retry": FAST_RETRY,
                                  "timeout": 2.0}
    options.update(kwargs)
    return Transport("scb", http.url, **options)  # type: ignore[arg-type]


def _req(table: str = "TAB1", **kwargs: object) -> Request:
    return Request("GET", "echo/x", table=table, what="data", **kwargs)  # type: ignore[arg-type]


def test_limiter_never_allows_more_than_the_limit_in_any_window() -> None:
    limiter = SlidingWindowLimiter(5, 0.2)
    stamps: list[float] = []
    lock = threading.Lock()

    def call() -> None:
        for _ in range(6):
            limiter.acquire()
            with lock:
                stamps.append(time.monotonic())
            limiter.release()

    threads = [threading.Thread(target=call) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stamps.sort()
    assert len(stamps) == 24
    assert all(stamps[i + 5] - stamps[i] >= 0.2 for i in range(len(stamps) - 5))


def test_retry_after_seconds_and_dates() -> None:
    assert parse_retry_after("3", 10) == 3
    assert parse_retry_after("0.25", 10) == 0.25
    assert parse_retry_after(None, 10) == 10
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 10) == 0


def test_cache_entry_is_atomic_with_sidecar(echo: FakeHttp, cache_dir: Path) -> None:
    transport = _transport(echo, cache_dir)
    body = transport.get_json(_req(params={"lang": "sv"}, lang="sv"))
    path = transport.cache_path(_req(params={"lang": "sv"}, lang="sv"))
    assert path.parent == cache_dir / "scb" / "TAB1" / "sv"
    sidecar = json.loads(path.with_suffix(".meta.json").read_text())
    assert sidecar["url"].endswith("/echo/x") and sidecar["updated"] == body["updated"]
    assert "fetched_at" in sidecar and sidecar["params"] == {"lang": "sv"}
    # Only the entry and its sidecar: no temporary file of any name is left beside them.
    assert sorted(p.name for p in path.parent.iterdir()) == sorted(
        [path.name, path.with_suffix(".meta.json").name])
    transport.get_json(_req(params={"lang": "sv"}, lang="sv"))
    assert len(echo.log) == 1  # second call came from the cache


def test_corrupt_cache_entry_is_refetched(echo: FakeHttp, cache_dir: Path) -> None:
    transport = _transport(echo, cache_dir)
    transport.get_json(_req())
    transport.cache_path(_req()).write_text('{"half": ')
    assert transport.get_json(_req())["path"] == "/echo/x"
    assert len(echo.log) == 2


def test_stale_by_table_update(echo: FakeHttp, cache_dir: Path) -> None:
    transport = _transport(echo, cache_dir)
    transport.get_json(_req(updated="2026-01-01T00:00:00Z"))
    transport.get_json(_req(updated="2026-01-01T00:00:00Z"))
    assert len(echo.log) == 1
    transport.get_json(_req(updated="2026-02-01T00:00:00Z"))
    assert len(echo.log) == 2


def test_offline_serves_cache_and_names_the_table_on_a_miss(
    echo: FakeHttp, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _transport(echo, cache_dir).get_json(_req())
    monkeypatch.setenv("REGLAB_OFFLINE", "1")
    offline = _transport(echo, cache_dir, offline=None)
    assert offline.offline
    assert offline.get_json(_req())["path"] == "/echo/x"
    with pytest.raises(OfflineCacheMiss, match="TAB2"):
        offline.get_json(_req(table="TAB2"))
    assert len(echo.log) == 1


@pytest.mark.parametrize("fault", [("status", 503), ("status", 500), ("truncate", None),
                                   ("reset", None), ("garbage", None), ("slow", 3.0)])
def test_transient_faults_are_retried(echo: FakeHttp, cache_dir: Path,
                                      fault: tuple[str, object]) -> None:
    echo.add_faults("/echo", fault, fault)
    transport = _transport(echo, cache_dir, timeout=0.5)
    assert transport.get_json(_req())["path"] == "/echo/x"
    assert transport.requests_sent == 3


def test_429_waits_for_retry_after_and_pauses_the_limiter(
    fake_http: FakeHttp, cache_dir: Path
) -> None:
    calls: list[float] = []

    def answer(incoming: Incoming) -> Reply:
        calls.append(incoming.at)
        if len(calls) == 1:
            return Reply(429, {"status": 429}, {"Retry-After": "0.3"})
        return Reply(200, {"ok": True})

    fake_http.route("/echo", answer)
    transport = _transport(fake_http, cache_dir, limiter=SlidingWindowLimiter(100, 1.0))
    assert transport.get_json(_req()) == {"ok": True}
    assert calls[1] - calls[0] >= 0.3


def test_after_the_last_try_a_clear_error(fake_http: FakeHttp, cache_dir: Path) -> None:
    fake_http.route("/echo", lambda _: Reply(429, {"status": 429}, {"Retry-After": "0"}))
    with pytest.raises(RateLimitError, match=r"TAB1.*4 försök.*cachen"):
        _transport(fake_http, cache_dir).get_json(_req())
    fake_http.routes.clear()
    fake_http.route("/echo", lambda _: Reply(502, {"status": 502}))
    with pytest.raises(ServerError, match=r"TAB1.*502.*försök igen"):
        _transport(fake_http, cache_dir).get_json(_req())


def test_client_errors_are_not_retried(fake_http: FakeHttp, cache_dir: Path) -> None:
    fake_http.route("/echo", lambda _: Reply(404, {"title": "Not found", "detail": "no TAB1"}))
    transport = _transport(fake_http, cache_dir)
    with pytest.raises(ResponseError, match="404: no TAB1"):
        transport.get_json(_req())
    assert transport.requests_sent == 1


def test_api_key_header_is_sent_when_given(echo: FakeHttp, cache_dir: Path) -> None:
    transport = _transport(echo, cache_dir, headers={"api-key": "secret"})
    assert transport.get_json(_req(cache=False))["key"] == "secret"
