"""The snapshot on disk: checked against its manifest, and always usable after a killed fetch.

A kill between the two renames of the swap (tested with a real SIGKILL) leaves a snapshot
that the next start puts back in place; scratch folders of dead processes are removed, those
of live ones and every other folder are left alone; a data folder whose ``snapshot`` the
toolkit did not write is refused before anything is downloaded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fakes.fixtures import FAST_RETRY
from fakes.jobtech import FakeJobTech
from fakes.pxweb import PREFIX, FakePxWeb
from fakes.server import FakeHttp

from reglab_forecast import snapshot
from reglab_forecast.cli import main
from reglab_forecast.errors import OutputPathError, SnapshotError
from reglab_forecast.sources.refresh import fetch

REPO_SNAPSHOT = Path(__file__).resolve().parent.parent / "data" / "snapshot"


@pytest.fixture
def fresh_cache():  # type: ignore[no-untyped-def]
    snapshot.clear_cache()
    yield
    snapshot.clear_cache()


def _copy_snapshot(target: Path, note: str = "") -> Path:
    shutil.copytree(REPO_SNAPSHOT, target)
    if note:
        (target / "note.txt").write_text(note)
    return target


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


# --- files that disagree with MANIFEST.json ------------------------------------------------------


@pytest.mark.parametrize(("field", "value", "needle"), [
    ("rows", 12, r"rader men MANIFEST.json säger 12"),
    ("years", [2014, 2015], r"åren 2014–2024 \(11 år\) men MANIFEST.json säger 2014–2015"),
])
def test_a_dataset_that_disagrees_with_the_manifest_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None, field: str,
        value: object, needle: str) -> None:
    folder = _copy_snapshot(tmp_path / "snap")
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["datasets"]["employment"][field] = value
    (folder / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setenv("REGLAB_SNAPSHOT_DIR", str(folder))
    snapshot.clear_cache()
    with pytest.raises(SnapshotError, match=needle):
        snapshot.read_dataset("employment")


def test_the_committed_snapshot_agrees_with_its_manifest(fresh_cache: None) -> None:
    for name in snapshot.manifest()["datasets"]:
        snapshot.read_dataset(name)  # raises on any disagreement


# --- leftovers and a swap killed halfway ---------------------------------------------------------


def test_only_dead_processes_scratch_folders_are_removed(tmp_path: Path) -> None:
    target = _copy_snapshot(tmp_path / "snapshot", "current")
    dead = tmp_path / f".snapshot-new-{_dead_pid()}"
    dead.mkdir()
    live = tmp_path / f".snapshot-new-{os.getpid()}"
    live.mkdir()
    other = tmp_path / ".snapshot-new-mine"
    other.mkdir()
    snapshot.recover_swap(target)
    assert not dead.exists() and live.exists() and other.exists()
    assert (target / "note.txt").read_text() == "current"


SWAP_KILLED = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from reglab_forecast.sources import snapshot_writer

    sys.stdin.readline()  # the test prepares .snapshot-new-<our pid> first
    target = Path(sys.argv[1])
    new = target.parent / f".snapshot-new-{os.getpid()}"
    real_replace = os.replace

    def replace_then_die(source, destination):
        real_replace(source, destination)
        os.kill(os.getpid(), signal.SIGKILL)  # killed right after the first rename

    os.replace = replace_then_die
    snapshot_writer._swap(new, target)
""")


def test_a_kill_between_the_two_renames_leaves_a_usable_snapshot(tmp_path: Path) -> None:
    target = _copy_snapshot(tmp_path / "snapshot", "old")
    script = tmp_path / "swap.py"
    script.write_text(SWAP_KILLED)
    process = subprocess.Popen([sys.executable, str(script), str(target)],
                               stdin=subprocess.PIPE, text=True)
    new = _copy_snapshot(tmp_path / f".snapshot-new-{process.pid}", "new")
    assert process.stdin is not None
    process.stdin.write("go\n")
    process.stdin.close()
    process.wait()
    assert process.returncode == -9
    old = tmp_path / f".snapshot-old-{process.pid}"
    # Killed between the renames: the old snapshot is aside, the new one not yet in place.
    assert not target.exists() and old.exists() and new.exists()
    snapshot.recover_swap(target)
    assert (target / "note.txt").read_text() == "new"  # the complete new one wins
    assert (target / "MANIFEST.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["snapshot", "swap.py"]


def test_an_incomplete_new_folder_gives_way_to_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "snapshot"
    pid = _dead_pid()
    _copy_snapshot(tmp_path / f".snapshot-old-{pid}", "old")
    half = _copy_snapshot(tmp_path / f".snapshot-new-{pid}", "new")
    (half / "MANIFEST.json").unlink()  # killed before the manifest, which is written last
    snapshot.recover_swap(target)
    assert (target / "note.txt").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["snapshot"]


def test_the_reader_recovers_on_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      fresh_cache: None) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _copy_snapshot(data / f".snapshot-old-{_dead_pid()}", "old")
    monkeypatch.setenv("REGLAB_DATA_DIR", str(data))
    monkeypatch.delenv("REGLAB_SNAPSHOT_DIR", raising=False)
    assert str(snapshot.snapshot_location()) == str(data / "snapshot")
    assert len(snapshot.read_dataset("regions")) > 300


# --- fetch's data folder ------------------------------------------------------------------------


@pytest.fixture
def servers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_http: FakeHttp,
            pxweb: FakePxWeb, jobtech_server: FakeJobTech) -> FakeHttp:
    monkeypatch.setenv("REGLAB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("REGLAB_SCB_URL", fake_http.url + PREFIX)
    return fake_http


def test_fetch_refuses_a_foreign_snapshot_folder_before_downloading(
        tmp_path: Path, servers: FakeHttp, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "mina-dokument"
    (data / "snapshot").mkdir(parents=True)
    (data / "snapshot" / "bilder.txt").write_text("the user's own folder")
    with pytest.raises(OutputPathError, match="inte en ögonblicksbild"):
        fetch(["af_outlook"], data_dir=data, progress=False, retry=FAST_RETRY,
              report=lambda _: None)
    assert servers.log == []
    assert main(["fetch", "--tables", "af_outlook", "--data-dir", str(data)]) == 2
    assert "inte en ögonblicksbild" in capsys.readouterr().err
    assert (data / "snapshot" / "bilder.txt").read_text() == "the user's own folder"


def test_fetch_replaces_its_own_snapshot(tmp_path: Path, servers: FakeHttp,
                                         fresh_cache: None) -> None:
    data = tmp_path / "data"
    for _ in range(2):
        result = fetch(["af_outlook"], data_dir=data, progress=False, retry=FAST_RETRY,
                       report=lambda _: None)
        assert result.ok and snapshot.written_here(data / "snapshot")
    assert sorted(p.name for p in data.iterdir()) == ["snapshot"]
