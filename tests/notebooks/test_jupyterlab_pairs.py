"""JupyterLab opens every built notebook: jupytext's contents manager accepts each pair.

After ``python notebooks/build.py`` the ``.ipynb`` is newer than its ``.py``. JupyterLab's
jupytext contents manager then reads both and refuses the notebook ("File Load Error") unless
the ``.py`` it would write from the ``.ipynb`` has the same cells. The tests load the pair
through that very contents manager.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import ModuleType

import jupytext
import nbformat
import pytest
from tornado import web

LATER = 60  # seconds: the .ipynb written a minute after the .py, as by notebooks/build.py


def _pair(build: ModuleType, source: Path, folder: Path, text: str | None = None) -> str:
    """Copy ``source`` (or ``text`` as it) into ``folder``, build its .ipynb, age the .py."""
    copy = folder / source.name
    if text is None:
        shutil.copy(source, copy)
    else:
        copy.write_text(text, encoding="utf-8")
    notebook = copy.with_suffix(".ipynb")
    nbformat.write(build.convert(copy), notebook)  # as build.write_ipynb does
    stamp = copy.stat().st_mtime
    os.utime(notebook, (stamp + LATER, stamp + LATER))
    return notebook.name


def _manager(root: Path) -> jupytext.TextFileContentsManager:
    """The contents manager JupyterLab uses when jupytext is installed."""
    return jupytext.TextFileContentsManager(root_dir=str(root))


def test_jupyterlab_opens_the_built_notebook(build: ModuleType, source: Path,
                                             tmp_path: Path) -> None:
    name = _pair(build, source, tmp_path)
    model = _manager(tmp_path).get(name)
    assert model["type"] == "notebook"
    cells = model["content"]["cells"]
    assert len(cells) == len(build.convert(source).cells)


def test_a_pair_that_differs_is_refused(build: ModuleType, tmp_path: Path) -> None:
    """The check above can fail: cell metadata written in another order is a difference."""
    source = next(p for p in build.sources() if "solution" in p.read_text(encoding="utf-8"))
    text = source.read_text(encoding="utf-8").replace(
        '# %% jupyter={"source_hidden": true} tags=["solution"]',
        '# %% tags=["solution"] jupyter={"source_hidden": true}')
    name = _pair(build, source, tmp_path, text)
    with pytest.raises(web.HTTPError, match="more recent than"):
        _manager(tmp_path).get(name)
