"""A non-editable install carries the snapshot and finds it through importlib.resources."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SNAPSHOT = REPO / "data" / "snapshot"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:  # a wheel that cannot be built is a packaging fault, not a skip
        pytest.fail(f"cannot build a wheel: {done.stderr.strip()[-300:]}")
    return next(out.glob("reglab_forecast-*.whl"))


def test_wheel_holds_every_snapshot_file(wheel):
    manifest = json.loads((SNAPSHOT / "MANIFEST.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        packaged = json.loads(archive.read("reglab_forecast/_snapshot/MANIFEST.json"))
    assert packaged == manifest
    for entry in manifest["datasets"].values():
        assert f"reglab_forecast/_snapshot/{entry['file']}" in names
    assert not any(name.startswith("data/") for name in names)


def test_installed_package_reads_its_own_snapshot(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        check=True, capture_output=True,
    )
    script = (
        "import reglab_forecast as rf\n"
        "from reglab_forecast.snapshot import snapshot_location\n"
        "print(snapshot_location())\n"
        "print(int(rf.load_employment(years=[2024])['employed'].sum()))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target), "REGLAB_DATA_DIR": str(tmp_path / "empty")}
    env.pop("REGLAB_SNAPSHOT_DIR", None)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    location, total = done.stdout.split()
    assert Path(location) == target / "reglab_forecast" / "_snapshot"
    assert int(total) == 4_949_062
