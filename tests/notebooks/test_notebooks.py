"""Every notebook converts to a valid .ipynb and runs offline, top to bottom, without error.

Deselect the (slower) execution tests with ``pytest -m "not notebooks"``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import jupytext
import nbformat
import pytest

TIME_KEY = "notebook_seconds"  # read by tests/notebook_summary.py
ANALYST = {"01_kom_igang", "02_hamta_data", "03_prognos_och_backtest",
           "04_underlag_och_tabeller"}
LEARNING = {"1_lasa_en_prognos", "2_jamfora_regioner", "3_scenarier_i_dialog"}


def test_every_notebook_is_there(build: ModuleType) -> None:
    sources = build.sources()
    assert {p.stem for p in sources if p.parent.name == "notebooks"} == ANALYST
    assert {p.stem for p in sources if p.parent.name == "larprojekt"} == LEARNING


def test_build_writes_ipynb_beside_or_into_folder(build: ModuleType, tmp_path: Path) -> None:
    for source in build.sources():
        target = build.write_ipynb(source, tmp_path)
        assert target.relative_to(tmp_path) == source.relative_to(build.HERE).with_suffix(
            ".ipynb")


def test_converts_to_valid_notebook(build: ModuleType, source: Path, tmp_path: Path) -> None:
    notebook = nbformat.read(build.write_ipynb(source, tmp_path), as_version=4)
    nbformat.validate(notebook)
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds[0] == "markdown" and notebook.cells[0].source.startswith("# ")
    assert kinds.count("code") >= 3 and kinds.count("markdown") >= 3
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    assert notebook.metadata["jupytext"]["formats"] == "ipynb,py:percent"


def test_source_is_in_jupytext_form(build: ModuleType, source: Path) -> None:
    """Saving the paired .ipynb in JupyterLab rewrites the .py; that must change nothing.

    (Only the line naming the jupytext version may differ.)
    """
    written = jupytext.writes(build.convert(source), fmt="py:percent")
    assert _without_version(written) == _without_version(source.read_text(encoding="utf-8"))


def _without_version(text: str) -> list[str]:
    return [line for line in text.splitlines() if "jupytext_version:" not in line]


def test_learning_notebook_has_exercises_and_solutions(build: ModuleType,
                                                       learning_source: Path) -> None:
    cells = build.convert(learning_source).cells
    headings = [c.source.splitlines()[0] for c in cells if c.cell_type == "markdown"]
    exercises = [h for h in headings if h.startswith("## Övning")]
    solutions = [c for c in cells
                 if c.cell_type == "code" and "solution" in c.metadata.get("tags", [])]
    assert any(h.startswith("## Introduktion") for h in headings)
    assert exercises and len(solutions) >= len(exercises)


@pytest.mark.notebooks
def test_notebook_runs_offline(build: ModuleType, source: Path, tmp_path: Path,
                               record_property: Callable[[str, object], None]) -> None:
    start = time.perf_counter()
    notebook = build.execute(source, tmp_path)
    record_property(TIME_KEY, time.perf_counter() - start)
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert outputs and not [o for o in outputs if o.get("output_type") == "error"]


def test_offline_env_is_set_for_the_kernel_and_restored(build: ModuleType, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGLAB_OFFLINE", "0")
    monkeypatch.delenv("REGLAB_REPO_DIR", raising=False)
    with build.offline_env(tmp_path, {"EXTRA": "x"}):
        assert os.environ["REGLAB_OFFLINE"] == "1"
        assert os.environ["REGLAB_CACHE_DIR"] == str(tmp_path / "cache")
        assert Path(os.environ["REGLAB_REPO_DIR"], "tests", "fakes").is_dir()
        assert os.environ["EXTRA"] == "x"
    assert os.environ["REGLAB_OFFLINE"] == "0"
    assert "REGLAB_REPO_DIR" not in os.environ and "EXTRA" not in os.environ
