"""A real threaded HTTP server on 127.0.0.1 with routes, a request log and injected faults.

Faults are queued per path fragment and used up one per matching request:
``("status", 503)``, ``("slow", 0.5)`` (sleep before answering), ``("truncate", None)``
(announce a longer Content-Length than the body, then close), ``("reset", None)`` (close
without answering), ``("garbage", None)`` (a 200 whose body is not JSON) and
``("trickle", seconds)`` (headers at once, then the body one byte every ``seconds``).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass
class Incoming:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    headers: dict[str, str]
    at: float


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None


Route = Callable[[Incoming], Reply]


class FakeHttp:
    """Routes by path prefix; logs every request; applies queued faults."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, Route]] = []
        # Gates see every request first, faults included (a rate limit counts failed calls).
        self.gates: list[tuple[str, Callable[[Incoming], Reply | None]]] = []
        self.log: list[Incoming] = []
        self.faults: deque[tuple[str, str, Any]] = deque()
        self.lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def gate(self, prefix: str, check: Callable[[Incoming], Reply | None]) -> None:
        self.gates.append((prefix, check))

    def route(self, prefix: str, handler: Route) -> None:
        self.routes.append((prefix, handler))

    def add_faults(self, path_fragment: str, *faults: tuple[str, Any]) -> None:
        with self.lock:
            for kind, arg in faults:
                self.faults.append((path_fragment, kind, arg))

    def take_fault(self, path: str) -> tuple[str, Any] | None:
        with self.lock:
            for item in list(self.faults):
                if item[0] in path:
                    self.faults.remove(item)
                    return item[1], item[2]
        return None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeHttp:
        handler = _make_handler(self)
        self._server = _QuietServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,),
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def dispatch(self, incoming: Incoming) -> Reply:
        for prefix, handler in sorted(self.routes, key=lambda r: -len(r[0])):
            if incoming.path.startswith(prefix):
                return handler(incoming)
        return Reply(404, {"title": "Not Found", "status": 404, "detail": incoming.path})


class _QuietServer(ThreadingHTTPServer):
    """Clients that hang up early (timeouts in the tests) are expected, not news."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


def _make_handler(fake: FakeHttp) -> type[BaseHTTPRequestHandler]:
    return type("Handler", (_Handler,), {"fake": fake})


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake: FakeHttp

    def log_message(self, *args: Any) -> None:  # keep test output clean
        pass

    def _incoming(self) -> Incoming:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length) if length else b""
        body = json.loads(data) if data else None
        return Incoming(self.command, unquote(parts.path), parse_qs(parts.query),
                        body, dict(self.headers.items()), time.monotonic())

    def _handle(self) -> None:
        incoming = self._incoming()
        with self.fake.lock:
            self.fake.log.append(incoming)
        for prefix, check in self.fake.gates:
            refusal = check(incoming) if incoming.path.startswith(prefix) else None
            if refusal is not None:
                self._send(refusal)
                return
        fault = self.fake.take_fault(incoming.path)
        if fault is not None and self._apply_fault(*fault):
            return
        self._send(self.fake.dispatch(incoming))

    def _apply_fault(self, kind: str, arg: Any) -> bool:
        """True when the fault replaced the answer."""
        if kind == "slow":
            time.sleep(float(arg))
            return False
        if kind == "trickle":
            self._trickle(float(arg))
            return True
        if kind == "status":
            self._send(Reply(int(arg), {"title": "fault", "status": int(arg)}))
        elif kind == "garbage":
            self._send(Reply(200, raw=b'{"version": "2.0", "class": "data'))
        else:
            self._cut(truncate=kind == "truncate")
        return True

    def _trickle(self, interval: float) -> None:
        """A 200 whose body arrives one byte at a time (until the client hangs up)."""
        body = json.dumps({"slow": "x" * 200}).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.flush()
        try:
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(interval)
        except OSError:
            self.close_connection = True

    def _cut(self, truncate: bool) -> None:
        """Close the connection: after half a body (truncate) or before any answer."""
        if truncate:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b'{"version": "2.0", "class": "dataset", "id": [')
            self.wfile.flush()
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    def _send(self, reply: Reply) -> None:
        raw = reply.raw
        if raw is None:
            raw = json.dumps(reply.body, ensure_ascii=False).encode("utf-8")
        self.send_response(reply.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(raw)))
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(raw)

    do_GET = _handle
    do_POST = _handle
