"""The committed snapshot is what data/build_snapshot.py makes of the raw files.

Needs the raw files (``REGLAB_RAW_DIR`` or ``../shared/data/raw`` next to the repository);
skipped where they are not present, e.g. on a fresh machine with only the repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parent.parent
RAW = Path(os.environ.get("REGLAB_RAW_DIR", REPO.parent / "shared" / "data" / "raw"))

needs_raw = pytest.mark.skipif(
    not RAW.is_dir(),
    reason=f"needs the raw files (shared/data/raw): not found at {RAW}; set REGLAB_RAW_DIR",
)


@needs_raw
@pytest.mark.slow
def test_rebuild_matches_committed_snapshot(tmp_path):
    import rdata  # noqa: F401  (in the test extra: the build reads R .rda files)
    script = REPO / "data" / "build_snapshot.py"
    done = subprocess.run(
        [sys.executable, str(script), "--raw", str(RAW), "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    committed = REPO / "data" / "snapshot"
    for built in sorted(tmp_path.glob("*.parquet")):
        expected = pd.read_parquet(committed / built.name)
        pd.testing.assert_frame_equal(pd.read_parquet(built), expected)
    assert (tmp_path / "MANIFEST.json").read_text() == (committed / "MANIFEST.json").read_text()


@needs_raw
def test_employment_equals_raw_panel():
    panel = "scb/ai-econ-lab__AI_Econ_daioe_years_regions/data/scb_yr_regions.parquet"
    raw = pd.read_parquet(RAW / panel)
    ours = pd.read_parquet(REPO / "data" / "snapshot" / "employment.parquet")
    assert ours["employed"].sum() == raw["value"].sum()
    raw_2024 = raw[raw["year"].astype(int) == 2024]["value"].sum()
    assert ours.loc[ours["year"] == 2024, "employed"].sum() == raw_2024


def test_build_script_rejects_missing_raw_folder(tmp_path):
    done = subprocess.run(
        [sys.executable, str(REPO / "data" / "build_snapshot.py"), "--raw", str(tmp_path / "no"),
         "--out", str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert "raw folder not found" in done.stderr
