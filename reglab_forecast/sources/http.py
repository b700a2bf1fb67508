"""One transport for SCB and JobTech: rate limiter, retries, disk cache and offline mode.

Every attempt, retries included, first takes a slot from a sliding-window limiter, so a run of
retries can never burst past the server's call limit. HTTP 429 waits for ``Retry-After`` (and
pauses the limiter for everyone); 5xx, timeouts and cut or truncated connections back off
exponentially with jitter. After the last try the error names the table and says what to do.

Each try has one deadline for the whole answer (``timeout`` seconds from the request, however
slowly the bytes arrive), not only a limit per read.

An answer is stored in the ``DiskCache`` only after it has been parsed and passed the
request's ``check`` (a JSON-stat answer whose values disagree with its size, or JSON that is
not what was asked for, is never stored), and a cached entry that fails the check is dropped
and fetched again. With ``offline=True`` (or ``REGLAB_OFFLINE=1``) only the cache is used and
a miss raises ``OfflineCacheMiss`` naming the table.
"""

from __future__ import annotations

import email.utils
import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from .. import __version__
from ..config import get_settings
from ..errors import OfflineCacheMiss, RateLimitError, ResponseError, ServerError
from .cache import DiskCache, cache_key

USER_AGENT = f"reglab_forecast/{__version__} (+https://github.com/reglab/reglab_forecast)"

# Network failures that mean "try again": cut, refused, reset, truncated, timed out.
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


class ClientStatusError(ResponseError):
    """The server refused the request with a 4xx status (other than 429)."""

    def __init__(self, message: str, status: int, detail: str = "",
                 problem: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail
        self.problem = problem  # the parsed problem body (RFC 7807), None when there was none

    @property
    def too_many_cells(self) -> bool:
        """True when the server refused the selection for its size, not for its content.

        PxWebApi 2.0 says so in the problem body (title/detail "Too many cells selected"); a
        403 without a problem body is the older API's way of saying the same."""
        if self.problem is not None:
            text = f"{self.problem.get('title', '')} {self.problem.get('detail', '')}".lower()
            return "too many" in text or "för många" in text
        return self.status == 403


class SlidingWindowLimiter:
    """At most ``max_calls`` calls in any ``window`` seconds, shared by every thread.

    A call holds its slot from the moment it is sent until it has been answered, and the
    window is counted from the answer, not from the send. The server received the call
    somewhere in between, so this never undercounts, whatever the network's jitter.
    """

    def __init__(
        self,
        max_calls: int,
        window: float,
        *,
        margin: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_calls < 1 or window <= 0:
            raise ValueError(f"bad rate limit: {max_calls} calls per {window} s")
        self.max_calls = max_calls
        self.window = window * (1 + margin)
        self._clock = clock
        self._done: list[float] = []  # answer times of finished calls still in the window
        self._in_flight = 0
        self._paused_until = 0.0
        self._cond = threading.Condition()
        self.calls = 0

    def _wait_time(self, now: float) -> float | None:
        """0 when a call may go now, seconds to wait, or None to wait for an answer."""
        self._done = [t for t in self._done if now - t < self.window]
        if self._paused_until > now:
            return self._paused_until - now
        if len(self._done) + self._in_flight < self.max_calls:
            return 0.0
        if not self._done:
            return None
        return min(self._done) + self.window - now

    def acquire(self) -> None:
        """Block until a call may be sent, then count it as in flight."""
        with self._cond:
            while True:
                wait = self._wait_time(self._clock())
                if wait is not None and wait <= 0:
                    self._in_flight += 1
                    self.calls += 1
                    return
                self._cond.wait(timeout=wait)

    def release(self) -> None:
        """The call that took a slot has been answered (or failed)."""
        with self._cond:
            self._in_flight = max(0, self._in_flight - 1)
            self._done.append(self._clock())
            self._cond.notify_all()

    def pause(self, seconds: float) -> None:
        """Hold every caller back for ``seconds`` (the server said Retry-After)."""
        with self._cond:
            self._paused_until = max(self._paused_until, self._clock() + seconds)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry. Tests shrink the waits; the counts stay real."""

    max_tries: int = 5
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    jitter: float = 0.25
    retry_after_default: float = 10.0
    retry_after_max: float = 120.0

    def backoff(self, attempt: int) -> float:
        delay = min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))
        return delay * (1 + random.uniform(0, self.jitter))

    def retry_after(self, header: str | None) -> float:
        return min(self.retry_after_max, parse_retry_after(header, self.retry_after_default))


def parse_retry_after(header: str | None, default: float) -> float:
    """Seconds from a ``Retry-After`` header: a number of seconds or an HTTP date."""
    if not header:
        return default
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return default
    return max(0.0, moment.timestamp() - time.time())


@dataclass(frozen=True)
class Request:
    """One HTTP request and where its answer lives in the cache."""

    method: str
    path: str
    table: str
    what: str
    params: dict[str, Any] | None = None
    body: Any = None
    lang: str = "-"
    cache: bool = True
    max_age: float | None = None  # seconds; None = never stale by age
    updated: str | None = None  # the table's `updated`; a cached entry with another is stale
    check: Callable[[Any], object] | None = field(default=None, compare=False)
    # ``check(body)`` raises ResponseError for an answer that must not be used or cached

    def key_material(self) -> dict[str, Any]:
        return {"method": self.method, "path": self.path, "params": self.params or {},
                "body": self.body}


class Transport:
    """HTTP for one source (``scb`` or ``jobtech``) with limiter, retries, cache, offline."""

    def __init__(
        self,
        source: str,
        base_url: str,
        *,
        cache_dir: Path | None = None,
        offline: bool | None = None,
        timeout: float | None = None,
        limiter: SlidingWindowLimiter | None = None,
        retry: RetryPolicy | None = None,
        headers: dict[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        settings = get_settings()
        self.source = source
        self.base_url = base_url.rstrip("/")
        self.cache = DiskCache(Path(cache_dir) if cache_dir else settings.cache_dir)
        self.offline = settings.offline if offline is None else offline
        self.limiter = limiter
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self.timeout = timeout if timeout is not None else settings.timeout
        self._client = httpx.Client(
            timeout=self.timeout,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})},
            follow_redirects=True,
        )
        self._count_lock = threading.Lock()
        self.requests_sent = 0  # every attempt, retries included

    def close(self) -> None:
        self._client.close()

    def url(self, path: str) -> str:
        return path if path.startswith("http") else f"{self.base_url}/{path.lstrip('/')}"

    def cache_path(self, request: Request) -> Path:
        return self.cache.path(self.source, request.table, request.lang,
                               cache_key(request.key_material()))

    def cached(self, request: Request) -> Any | None:
        """The cached body if present and fresh, else None."""
        if not request.cache:
            return None
        path = self.cache_path(request)
        entry = self.cache.get(path)
        if entry is None:
            return None
        if request.check is not None:
            try:
                request.check(entry.body)
            except ResponseError:
                self.cache.discard(path)  # stored by an older version before checks
                return None
        if self.offline:
            return entry.body
        if request.max_age is not None and entry.age_seconds > request.max_age:
            return None
        if request.updated and entry.meta.get("updated") not in (None, request.updated):
            return None
        return entry.body

    def get_json(self, request: Request) -> Any:
        """The parsed JSON answer to ``request``: from the cache when possible."""
        hit = self.cached(request)
        if hit is not None:
            return hit
        if self.offline:
            raise offline_miss(f"{request.what} för {request.table}", self.cache.root)
        raw, body = self._fetch_parsed(request)
        if request.check is not None:
            try:
                request.check(body)
            except ResponseError as error:
                raise ResponseError(
                    f"{self.source}: svaret för {request.table} ({request.what}) går inte att "
                    f"använda och sparas inte i cachen: {error}") from error
        if request.cache:
            meta = {"url": self.url(request.path), "method": request.method,
                    "params": request.params, "body": request.body, "source": self.source,
                    "table": request.table, "lang": request.lang,
                    "updated": request.updated or _updated_of(body)}
            self.cache.put(self.cache_path(request), raw, meta)
        return body

    def _fetch_parsed(self, request: Request) -> tuple[bytes, Any]:
        """Send with retries. A 200 whose body does not parse counts as a cut connection."""
        last = ""
        for attempt in range(1, self.retry.max_tries + 1):
            try:
                response, raw = self._send(request)
                if response.status_code < 300:
                    return raw, json.loads(raw)
            except (*_RETRYABLE_ERRORS, ValueError) as error:
                last = f"{type(error).__name__}: {error}"
                self._sleep(self.retry.backoff(attempt))
                continue
            last = self._handle_status(request, response, raw, attempt)
        raise self._final_error(request, last)

    def _send(self, request: Request) -> tuple[httpx.Response, bytes]:
        """One attempt. The limiter slot is held until the answer's headers are in: by then
        the server has counted the call, and the body may take its time."""
        if self.limiter is not None:
            self.limiter.acquire()
        with self._count_lock:
            self.requests_sent += 1
        released = False
        try:
            built = self._client.build_request(
                request.method, self.url(request.path), params=request.params,
                json=request.body if request.method == "POST" else None,
            )
            deadline = time.monotonic() + self.timeout
            response = self._client.send(built, stream=True)
            if self.limiter is not None:
                self.limiter.release()
                released = True
            try:
                return response, _read_before(response, deadline, self.timeout)
            finally:
                response.close()
        finally:
            if self.limiter is not None and not released:
                self.limiter.release()

    def _handle_status(self, request: Request, response: httpx.Response, raw: bytes,
                       attempt: int) -> str:
        status = response.status_code
        if status == 429:
            wait = self.retry.retry_after(response.headers.get("Retry-After"))
            if self.limiter is not None:
                self.limiter.pause(wait)
            else:
                self._sleep(wait)
            return "429"
        if status >= 500:
            self._sleep(self.retry.backoff(attempt))
            return str(status)
        detail, problem = _problem_detail(response, raw)
        raise ClientStatusError(
            f"{self.source}: {request.table} ({request.what}) avvisades med HTTP {status}: "
            f"{detail}",
            status=status, detail=detail, problem=problem,
        )

    def _final_error(self, request: Request, last: str) -> Exception:
        tries = self.retry.max_tries
        if last == "429":
            return RateLimitError(
                f"{self.source}: servern svarade 429 (för många anrop) för {request.table} "
                f"({request.what}) efter {tries} försök. Vänta några minuter och kör igen; "
                "det som redan hämtats ligger kvar i cachen."
            )
        return ServerError(
            f"{self.source}: {request.table} ({request.what}) kunde inte hämtas efter {tries} "
            f"försök (senast: {last}). Servern kan vara nere: försök igen senare, eller arbeta "
            "vidare med den inbyggda ögonblicksbilden."
        )


def offline_miss(what: str, cache_root: Path) -> OfflineCacheMiss:
    """The error for a request that offline mode cannot serve, saying how to fill the cache."""
    return OfflineCacheMiss(
        f"Offline-läge: {what} finns inte i cachen ({cache_root}). Fyll cachen med "
        "`reglab-forecast fetch` på en dator med nätverk (samma REGLAB_CACHE_DIR), eller slå av "
        "offline-läget (REGLAB_OFFLINE=0)."
    )


def _read_before(response: httpx.Response, deadline: float, timeout: float) -> bytes:
    """The whole body, or ``httpx.ReadTimeout`` once ``deadline`` has passed (a server that
    trickles a byte at a time never trips httpx's per-read timeout)."""
    chunks = []
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout(f"svaret tog mer än {timeout:g} s")
    return b"".join(chunks)


def _updated_of(body: Any) -> str | None:
    if isinstance(body, dict) and isinstance(body.get("updated"), str):
        return str(body["updated"])
    return None


def _problem_detail(response: httpx.Response, raw: bytes
                    ) -> tuple[str, dict[str, Any] | None]:
    """A short text for the error message, and the problem body when there is one."""
    try:
        problem = json.loads(raw)
    except ValueError:
        text = raw[:200].decode("utf-8", "replace").strip()
        return text or response.reason_phrase, None
    if isinstance(problem, dict):
        title, detail = str(problem.get("title") or ""), str(problem.get("detail") or "")
        text = f"{detail} ({title})" if detail and title and title != detail else detail or title
        return (text or str(problem))[:300], problem
    return str(problem)[:300], None
