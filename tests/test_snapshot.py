"""Locating, reading and validating the snapshot."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reglab_forecast import snapshot
from reglab_forecast.errors import DataContractError, SnapshotError

REPO_SNAPSHOT = Path(__file__).resolve().parent.parent / "data" / "snapshot"


@pytest.fixture
def fresh_cache():
    snapshot.clear_cache()
    yield
    snapshot.clear_cache()


def test_manifest_describes_every_file():
    entries = snapshot.manifest()["datasets"]
    location = snapshot.snapshot_location()
    for name, entry in entries.items():
        assert location.joinpath(entry["file"]).is_file(), name
        for key in ("title", "keys", "origins", "licence", "vintage", "series_breaks"):
            assert key in entry, (name, key)
        for origin in entry["origins"]:
            assert len(origin["commit"]) == 40


def test_series_breaks_explained_in_swedish():
    breaks = snapshot.dataset_info("employment")["series_breaks"]
    # The panel's table switches (YREG60 -> YREG60N 2019 -> YREG60BAS 2020), the 2023 age
    # change, and the partial 2018 break (SKR's AID codes); 2021 -> 2022 is ordinary growth.
    assert [b["year"] for b in breaks] == [2018, 2019, 2020, 2023]
    assert all("20" in b["sv"] and len(b["sv"]) > 40 for b in breaks)


def test_unknown_dataset_names_the_existing_ones():
    with pytest.raises(SnapshotError, match="employment"):
        snapshot.read_dataset("nonexistent")


def test_snapshot_dir_env_must_hold_a_manifest(tmp_path, monkeypatch, fresh_cache):
    monkeypatch.setenv("REGLAB_SNAPSHOT_DIR", str(tmp_path))
    with pytest.raises(SnapshotError, match="MANIFEST"):
        snapshot.read_dataset("employment")


def test_refreshed_snapshot_in_data_dir_wins(tmp_path, monkeypatch, fresh_cache):
    shutil.copytree(REPO_SNAPSHOT, tmp_path / "snapshot")
    monkeypatch.setenv("REGLAB_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("REGLAB_SNAPSHOT_DIR", raising=False)
    assert Path(str(snapshot.snapshot_location())) == tmp_path / "snapshot"
    assert snapshot.read_dataset("regions").attrs["snapshot"] == str(tmp_path / "snapshot")


def test_broken_dataset_is_rejected_on_load(tmp_path, monkeypatch, fresh_cache):
    shutil.copytree(REPO_SNAPSHOT, tmp_path, dirs_exist_ok=True)
    frame = snapshot.read_dataset("regions")
    broken = __import__("pandas").concat([frame, frame.head(1)])
    broken.to_parquet(tmp_path / "regions.parquet", index=False)
    monkeypatch.setenv("REGLAB_SNAPSHOT_DIR", str(tmp_path))
    snapshot.clear_cache()
    with pytest.raises(DataContractError, match="samma nyckel"):
        snapshot.read_dataset("regions")


def test_incomplete_cube_is_rejected(tmp_path, monkeypatch, fresh_cache):
    shutil.copytree(REPO_SNAPSHOT, tmp_path, dirs_exist_ok=True)
    frame = snapshot.read_dataset("employment")
    frame.iloc[1:].to_parquet(tmp_path / "employment.parquet", index=False)
    manifest = json.loads((tmp_path / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["datasets"]["employment"]["complete"] is True
    monkeypatch.setenv("REGLAB_SNAPSHOT_DIR", str(tmp_path))
    snapshot.clear_cache()
    with pytest.raises(DataContractError, match="komplett"):
        snapshot.read_dataset("employment")


def test_build_checks_are_recorded():
    """The build compared the age profile cell by cell with SCB's raw TAB4442 response."""
    checks = snapshot.dataset_info("age_profile")["checks"]
    assert checks["tab4442_cells_equal_share"] == 1.0
    assert checks["tab4442_total_excl_0002"]["2024"] == checks["total_by_year"]["2024"]
    population = snapshot.dataset_info("population")["checks"]
    assert population["demdata_vs_kommun_2010_2015_equal_share"] == 1.0


def test_every_embedded_dataset_passes_the_full_contract_check_and_matches_its_sha256():
    """Loading skips the contract check for a file whose bytes the build recorded; here every
    embedded file gets the full check, and its recorded sha256 is that of the file on disk."""
    import hashlib
    import io

    import pandas as pd

    entries = json.loads((REPO_SNAPSHOT / "MANIFEST.json").read_text(encoding="utf-8"))
    for name, entry in entries["datasets"].items():
        data = (REPO_SNAPSHOT / entry["file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), name
        snapshot.validate_dataset(pd.read_parquet(io.BytesIO(data)), name, entry)


def _count_checks(monkeypatch):
    calls = []
    original = snapshot.validate_dataset
    monkeypatch.setattr(snapshot, "validate_dataset",
                        lambda frame, name, entry: (calls.append(name),
                                                    original(frame, name, entry)))
    return calls


def test_a_file_as_built_is_not_checked_again_a_changed_one_is(tmp_path, monkeypatch,
                                                                 fresh_cache):
    shutil.copytree(REPO_SNAPSHOT, tmp_path, dirs_exist_ok=True)
    frame = snapshot.read_dataset("regions")
    monkeypatch.setenv("REGLAB_SNAPSHOT_DIR", str(tmp_path))
    snapshot.clear_cache()
    calls = _count_checks(monkeypatch)
    snapshot.read_dataset("regions")
    assert calls == []
    frame.iloc[::-1].to_parquet(tmp_path / "regions.parquet", index=False)  # same rows
    snapshot.clear_cache()
    assert len(snapshot.read_dataset("regions")) == len(frame)
    assert calls == ["regions"]


def test_a_fetched_snapshot_is_always_checked(tmp_path, monkeypatch, fresh_cache):
    shutil.copytree(REPO_SNAPSHOT, tmp_path, dirs_exist_ok=True)
    (tmp_path / snapshot.MARKER).write_text('{"written_by": "reglab-forecast fetch"}\n')
    monkeypatch.setenv("REGLAB_SNAPSHOT_DIR", str(tmp_path))
    snapshot.clear_cache()
    calls = _count_checks(monkeypatch)
    snapshot.read_dataset("regions")
    assert calls == ["regions"]
