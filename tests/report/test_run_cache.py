"""The run cache: a brief from a kept run equals one computed afresh; every change of input is a
new key; a damaged, foreign or unwritable cache costs time, never an output or a user's file."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from pathlib import Path

import pytest

from reglab_forecast.cli import main
from reglab_forecast.report import run_cache
from reglab_forecast.report.brief import write_all_briefs, write_brief
from reglab_forecast.report.run_cache import KEEP, MAGIC, read_entry, run_key, shared_run
from reglab_forecast.snapshot import snapshot_location

SCENARIO = 'name = "Prov"\nnational_growth = 0.5\n'


@pytest.fixture
def runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own; the folder the entries go to."""
    monkeypatch.setenv("REGLAB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    monkeypatch.delenv("REGLAB_RUN_CACHE", raising=False)
    return tmp_path / "cache" / "runs"


def _no_compute(scenario: object) -> None:
    raise AssertionError("the run was computed again instead of read from the cache")


def test_a_kept_run_gives_the_same_brief_byte_for_byte(runs, tmp_path, monkeypatch):
    first = write_brief("09", tmp_path / "first.pdf").path.read_bytes()
    entries = list(runs.glob("run-*.pickle"))
    assert len(entries) == 1 and entries[0].name == f"run-{run_key()}.pickle"
    with monkeypatch.context() as patched:
        patched.setattr(run_cache, "compute", _no_compute)
        kept = write_brief("09", tmp_path / "kept.pdf").path.read_bytes()
    monkeypatch.setenv("REGLAB_RUN_CACHE", "0")
    fresh = write_brief("09", tmp_path / "fresh.pdf").path.read_bytes()
    assert first == kept == fresh
    assert list(runs.glob("run-*.pickle")) == entries  # the cache off writes nothing


def test_all_briefs_read_the_kept_run(runs, tmp_path, monkeypatch):
    single = write_brief("18", tmp_path / "single.pdf").path.read_bytes()
    with monkeypatch.context() as patched:
        patched.setattr(run_cache, "compute", _no_compute)
        results = write_all_briefs(tmp_path / "alla", workers=1, regions=["18"])
    assert results[0].path.read_bytes() == single


def test_every_input_of_a_run_changes_its_key(runs, tmp_path, monkeypatch):
    base = run_key()
    scenario = tmp_path / "prov.toml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    same_bytes = tmp_path / "kopia.toml"
    same_bytes.write_text(SCENARIO, encoding="utf-8")
    assert run_key(scenario) == run_key(same_bytes) != base
    assert run_key("batterifabrik-norrbotten") not in {base, run_key(scenario)}
    scenario.write_text(SCENARIO.replace("0.5", "0.6"), encoding="utf-8")
    assert run_key(scenario) != run_key(same_bytes)

    monkeypatch.setenv("REGLAB_LANG", "en")
    assert run_key() != base
    monkeypatch.delenv("REGLAB_LANG")

    copy = tmp_path / "snapshot"
    shutil.copytree(str(snapshot_location()), copy)
    monkeypatch.setenv("REGLAB_SNAPSHOT_DIR", str(copy))
    assert run_key() == base  # the same bytes in another folder: the same run
    readme = copy / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert run_key() != base


def test_a_damaged_entry_is_computed_again_and_replaced(runs):
    shared_run()
    entry = next(runs.glob("run-*.pickle"))
    data = entry.read_bytes()
    assert read_entry(entry) is not None

    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    entry.write_bytes(bytes(flipped))
    assert read_entry(entry) is None
    entry.write_bytes(data[: len(data) // 3])  # cut short
    assert read_entry(entry) is None

    run = shared_run()
    assert run.path == entry and read_entry(entry) is not None
    assert run.inputs.base_year == 2024 and len(run.cells)


def test_an_entry_that_holds_something_else_is_not_used(runs):
    runs.mkdir(parents=True)
    payload = pickle.dumps({"not": "a run"})
    entry = runs / f"run-{run_key()}.pickle"
    entry.write_bytes(MAGIC + hashlib.sha256(payload).digest() + payload)
    assert read_entry(entry) is None
    assert shared_run().path == entry and read_entry(entry) is not None


def test_an_unwritable_cache_folder_still_gives_the_output(runs, tmp_path):
    runs.parent.mkdir(parents=True)
    runs.write_text("en fil som användaren lagt här\n", encoding="utf-8")  # not a folder
    result = write_brief("09", tmp_path / "gotland.pdf")
    assert result.path.read_bytes().startswith(b"%PDF")
    assert runs.read_text(encoding="utf-8") == "en fil som användaren lagt här\n"
    assert shared_run().path is None


def test_pruning_removes_only_old_entries_written_here(runs):
    """Entries are known by name and header: a file with an entry's name but not its header
    (e.g. the user's own) is never removed."""
    runs.mkdir(parents=True)
    old = [runs / f"run-{hashlib.sha256(bytes([i])).hexdigest()}.pickle" for i in range(KEEP + 2)]
    for age, path in enumerate(old, start=1):
        path.write_bytes(MAGIC + b"old")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))
    foreign = [runs / "run-anteckningar.pickle", runs / "anteckningar.txt",
               runs / f"RUN-{'a' * 64}.pickle", runs / f"run-{'b' * 64}.pickle"]
    for path in foreign:
        path.write_text("användarens\n", encoding="utf-8")
        os.utime(path, (1, 1))
    kept = shared_run().path
    assert kept is not None and kept.exists()
    assert [p for p in old if p.exists()] == old[: KEEP - 1]  # the newest old ones
    assert all(p.read_text(encoding="utf-8") == "användarens\n" for p in foreign)


def test_a_bad_run_cache_setting_exits_2_naming_it(runs, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REGLAB_RUN_CACHE", "kanske")
    code = main(["brief", "--region", "09", "--out", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "REGLAB_RUN_CACHE" in err
    assert not (tmp_path / "x.pdf").exists()
