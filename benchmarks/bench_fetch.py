"""Fetch a table of about one million cells from a loopback PxWebApi with the limits on.

    python benchmarks/bench_fetch.py [--cells-per-call 10000] [--calls 10] [--window 1]

The fake server (tests/fakes) runs in its own process and enforces the limits it announces in
/config: more cells than allowed → 403, more calls than allowed in the window → 429. The
client must split the selection and pace its calls. The floor is the time the call limit
alone imposes: calls needed ÷ allowed call rate. The target is at most 1.2 × the floor.

The defaults scale SCB's 150 000 cells and 30 calls per 10 s down (10 000 cells, 10 calls per
second) so that a million cells need about a hundred calls and the limiter, not the loopback
network, sets the pace.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

SELECTION = {"Region": "*", "Civilstand": "G", "Alder": "RANGE(0,100+)", "Kon": "*",
             "ContentsCode": "BE0101N1", "Tid": "RANGE(2009,2024)"}


def _serve(cells: int, calls: int, window: float, port_queue: multiprocessing.Queue) -> None:
    from fakes.pxweb import FakePxWeb
    from fakes.server import FakeHttp
    from fakes.tables import install_all

    http = FakeHttp()
    install_all(FakePxWeb(max_cells=cells, max_calls=calls, window=window)).mount(http)
    http.start()
    port_queue.put(http.url)
    while True:
        time.sleep(3600)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cells-per-call", type=int, default=10_000)
    parser.add_argument("--calls", type=int, default=10, help="calls allowed per window")
    parser.add_argument("--window", type=float, default=1.0, help="window in seconds")
    parser.add_argument("--workers", type=int, default=2)
    return parser.parse_args()


def main() -> int:
    args = _arguments()
    from reglab_forecast.sources.scb import ScbClient

    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue = context.Queue()
    server = context.Process(
        target=_serve, args=(args.cells_per_call, args.calls, args.window, queue), daemon=True)
    server.start()
    try:
        url = queue.get(timeout=60) + "/api/v2"
        with tempfile.TemporaryDirectory() as cache:
            client = ScbClient(url, cache_dir=cache, offline=False, progress=False,
                               workers=args.workers)
            plan = client.plan("TAB638", SELECTION)
            cells = sum(math.prod(len(v) for v in chunk.values()) for chunk in plan)
            time.sleep(args.window * 1.1)  # let config/metadata calls leave the window
            sent_before = client.transport.requests_sent
            started = time.perf_counter()
            frame = client.data("TAB638", SELECTION)
            elapsed = time.perf_counter() - started
            sent = client.transport.requests_sent - sent_before
            started = time.perf_counter()
            client.data("TAB638", SELECTION)
            cached = time.perf_counter() - started
    finally:
        server.kill()
    rate = args.calls / args.window
    ideal_calls = math.ceil(cells / args.cells_per_call)
    floor = len(plan) / rate
    print(f"cells                 {cells:>12,}".replace(",", " "))
    print(f"rows returned         {len(frame):>12,}".replace(",", " "))
    print(f"limits                {args.cells_per_call} cells/call, {args.calls} calls per "
          f"{args.window:g} s")
    print(f"calls planned         {len(plan):>12} (ideal {ideal_calls})")
    print(f"requests sent         {sent:>12} (retries {sent - len(plan)})")
    print(f"elapsed               {elapsed:>12.2f} s")
    print(f"floor                 {floor:>12.2f} s (calls ÷ {rate:g} calls/s)")
    print(f"ratio to floor        {elapsed / floor:>12.2f} (target ≤ 1.20)")
    print(f"again from the cache  {cached:>12.2f} s")
    return 0 if len(frame) == cells else 1


if __name__ == "__main__":
    sys.exit(main())
