"""Writes that fail halfway leave the previous file intact and no temporary file behind.

Each write runs in a child process whose file-size limit (RLIMIT_FSIZE) is set after its
imports, so the operating system itself stops the write after a fixed number of bytes, as a
full disk would, however the code under test opens and writes its file. The child must fail
with "File too large"; the folder must then hold exactly what it held before, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

resource = pytest.importorskip("resource", reason="needs POSIX resource limits (RLIMIT_FSIZE)")

# The child: ignore SIGXFSZ so an oversize write raises OSError(EFBIG) instead of killing it.
PRELUDE = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
def limit(size):
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
"""


def run_limited(body: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    code = PRELUDE + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=timeout)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_the_limit_really_stops_a_plain_write(tmp_path: Path) -> None:
    # The harness itself: an in-place write under the limit is cut short and leaves a torn file.
    target = tmp_path / "plain.bin"
    target.write_bytes(b"old")
    result = run_limited(f"""
        from pathlib import Path
        limit(1000)
        Path({str(target)!r}).write_bytes(b"x" * 5000)
    """)
    assert result.returncode != 0 and "File too large" in result.stderr
    assert target.read_bytes() == b"x" * 1000


def test_cache_entry_survives_a_failed_rewrite(tmp_path: Path) -> None:
    from reglab_forecast.sources.cache import DiskCache

    root = tmp_path / "cache"
    cache = DiskCache(root)
    path = cache.path("scb", "TAB638", "sv", "a" * 64)
    cache.put(path, json.dumps({"value": [1, 2, 3]}).encode(), {"url": "http://127.0.0.1/x"})
    before = snapshot(root)
    result = run_limited(f"""
        from pathlib import Path
        from reglab_forecast.sources.cache import DiskCache
        cache = DiskCache(Path({str(root)!r}))
        path = cache.path("scb", "TAB638", "sv", "a" * 64)
        body = ('{{"value": [' + ",".join(["7"] * 50000) + ']}}').encode()
        limit(4096)
        cache.put(path, body, {{"url": "http://127.0.0.1/x"}})
    """)
    assert result.returncode != 0 and "File too large" in result.stderr, result.stderr
    assert snapshot(root) == before
    entry = cache.get(path)
    assert entry is not None and entry.body == {"value": [1, 2, 3]}


def test_brief_pdf_survives_a_failed_rewrite(tmp_path: Path) -> None:
    out = tmp_path / "orebro.pdf"
    # The child writes the brief once (the tool rewrites only files it wrote itself), lists
    # the folder, then writes it again under the limit. The data is loaded and a brief
    # rendered before the limit (font and figure caches are written then), so the PDF, well
    # over 64 kB, is the one large file written under it.
    result = run_limited(f"""
        import hashlib, json
        from pathlib import Path
        import reglab_forecast.report.brief as brief
        import reglab_forecast.report.inputs as inputs
        loaded = inputs.load_inputs()
        brief.load_inputs = lambda scenario=None: loaded
        out = Path({str(out)!r})
        brief.write_brief("18", out)
        print(json.dumps({{p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                          for p in sorted(out.parent.iterdir())}}))
        limit(64 * 1024)
        brief.write_brief("18", out)
    """)
    assert result.returncode != 0 and "File too large" in result.stderr, result.stderr[-2000:]
    before = json.loads(result.stdout.splitlines()[-1])
    assert out.stat().st_size > 64 * 1024  # the write under the limit was cut short midway
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(tmp_path.iterdir())}
    assert after == before
