"""All seven notebooks open in JupyterLab in Chromium, as built by ``notebooks/build.py``.

The notebooks are built into a scratch folder (the ``.ipynb`` a minute newer than its ``.py``,
as after a build), JupyterLab is started there on a free loopback port without a token, and
each notebook is opened in the browser: its cells must show and no "File Load Error" dialog.
Learning notebook 1 is also run with "Run All": its figure must be visible and its solutions
stay folded away. Screenshots go to the artefacts folder.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType

import nbformat
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
LATER = 60  # seconds


def _build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("notebook_build", NOTEBOOKS / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _built_copy(root: Path) -> list[tuple[str, str]]:
    """Copy the sources into ``root`` and build them; (relative .ipynb path, its title)."""
    build = _build()
    found = []
    for source in build.sources():
        relative = source.relative_to(NOTEBOOKS)
        copy = root / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, copy)
        notebook = build.convert(copy)
        target = copy.with_suffix(".ipynb")
        nbformat.write(notebook, target)
        stamp = copy.stat().st_mtime + LATER
        os.utime(target, (stamp, stamp))
        title = notebook.cells[0].source.splitlines()[0].removeprefix("# ")
        found.append((relative.with_suffix(".ipynb").as_posix(), title))
    return found


def _lab_argv(root: Path):  # type: ignore[no-untyped-def]
    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
                "--allow-root", "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root}",
                "--IdentityProvider.token=", "--ServerApp.password=",
                "--LabApp.news_url=None",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    return argv


def _lab_env(root: Path) -> dict[str, str]:
    return {**os.environ, "JUPYTER_RUNTIME_DIR": str(root.parent / "runtime"),
            "JUPYTERLAB_WORKSPACES_DIR": str(root.parent / "workspaces"),
            "REGLAB_OFFLINE": "1", "REGLAB_CACHE_DIR": str(root.parent / "cache"),
            "REGLAB_DATA_DIR": str(root.parent / "data")}


def _open(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url, timeout=180_000)
    page.locator(".jp-Notebook .jp-Cell, .jp-Dialog").first.wait_for(timeout=180_000)
    page.wait_for_timeout(1500)  # a load error would show its dialog by now


def _run_all(page) -> None:  # type: ignore[no-untyped-def]
    """Run → Run All Cells in the open notebook, as a user does."""
    page.locator(".jp-Notebook").first.click()
    page.keyboard.press("Escape")
    page.get_by_role("menuitem", name="Run").click()
    page.get_by_text("Run All Cells", exact=True).click()


def test_every_notebook_opens_in_jupyterlab(browser, start_server, artefacts: Path,
                                            tmp_path: Path) -> None:
    root = tmp_path / "notebooks"
    notebooks = _built_copy(root)
    assert len(notebooks) == 7
    _process, port = start_server(_lab_argv(root), tmp_path, _lab_env(root))
    folder = artefacts / "jupyterlab"
    folder.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    for relative, title in notebooks:
        # ?reset: a clean workspace, so the notebook opened before is not open beside it
        _open(page, f"http://127.0.0.1:{port}/lab/tree/{relative}?reset")
        page.screenshot(path=str(folder / f"{Path(relative).stem}.png"))
        dialogs = page.locator(".jp-Dialog")
        assert dialogs.count() == 0, f"{relative}: {dialogs.first.inner_text()}"
        assert "File Load Error" not in page.inner_text("body")
        # JupyterLab draws only the cells in view; the first is the notebook's title
        assert page.locator(".jp-NotebookPanel:visible .jp-Cell").count() >= 1
        heading = page.locator(".jp-NotebookPanel:visible .jp-RenderedMarkdown h1").first
        assert heading.inner_text().strip().rstrip("¶").strip() == title
    context.close()


def test_learning_notebook_runs_with_figures_and_hidden_solutions(
        browser, start_server, artefacts: Path, tmp_path: Path) -> None:
    root = tmp_path / "notebooks"
    notebooks = dict(_built_copy(root))
    relative = next(name for name in notebooks if name.endswith("1_lasa_en_prognos.ipynb"))
    _process, port = start_server(_lab_argv(root), tmp_path, _lab_env(root))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    _open(page, f"http://127.0.0.1:{port}/lab/tree/{relative}?reset")
    _run_all(page)
    last = page.locator(".jp-NotebookPanel:visible .jp-CodeCell").last
    last.locator(".jp-OutputArea-output").first.wait_for(timeout=400_000)
    page.wait_for_timeout(1000)
    assert page.locator(".jp-OutputArea-output img").count() >= 1  # the figure is shown
    assert page.locator(".jp-OutputArea-output .widget-accordion, .lm-Accordion, "
                        ".jupyter-widget-Collapse").count() >= 4  # one panel per solution
    assert page.get_by_text("Visa lösningen").count() >= 4
    assert "Traceback" not in page.inner_text(".jp-NotebookPanel:visible")
    page.screenshot(path=str(artefacts / "jupyterlab" / "1_lasa_en_prognos-run.png"),
                    full_page=True)
    context.close()


def test_lever_notebook_redraws_in_jupyterlab(browser, start_server, artefacts: Path,
                                              tmp_path: Path) -> None:
    """Learning notebook 3 in a real front end: "Run All" draws the levers' figure inside
    their output widget (the run without a front end draws it in the cell instead)."""
    root = tmp_path / "notebooks"
    notebooks = dict(_built_copy(root))
    relative = next(name for name in notebooks if name.endswith("3_scenarier_i_dialog.ipynb"))
    _process, port = start_server(_lab_argv(root), tmp_path, _lab_env(root))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    _open(page, f"http://127.0.0.1:{port}/lab/tree/{relative}?reset")
    _run_all(page)
    last = page.locator(".jp-NotebookPanel:visible .jp-CodeCell").last
    last.locator(".jp-OutputArea-output").first.wait_for(timeout=400_000)
    drawn = page.locator(".jp-NotebookPanel:visible .widget-output img")
    drawn.first.wait_for(timeout=120_000)  # the levers' figure, inside the Output widget
    assert page.locator(".jp-NotebookPanel:visible .widget-slider").count() >= 3
    assert "Traceback" not in page.inner_text(".jp-NotebookPanel:visible")
    drawn.first.scroll_into_view_if_needed()
    page.screenshot(path=str(artefacts / "jupyterlab" / "3_scenarier_i_dialog-run.png"),
                    full_page=True)
    context.close()


# The notebooks the tests above do not run in the browser; those that draw must show a figure.
RUN_IN_LAB = ("01_kom_igang", "02_hamta_data", "03_prognos_och_backtest",
              "04_underlag_och_tabeller", "2_jamfora_regioner")
RUN_SECONDS = 600


def _saved_cells(path: Path) -> list[nbformat.NotebookNode]:
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def _errors(cells: list[nbformat.NotebookNode]) -> list[str]:
    return [f"{o.get('ename')}: {o.get('evalue')}" for c in cells for o in c.get("outputs", [])
            if o.get("output_type") == "error"]


def _run_all_and_wait(page, path: Path) -> list[nbformat.NotebookNode]:  # type: ignore[no-untyped-def]
    """Run All in the open notebook, saving it every few seconds, until its last code cell
    has run; the saved file is what JupyterLab computed. Fails at the first error."""
    _run_all(page)
    for _ in range(RUN_SECONDS // 5):
        page.wait_for_timeout(5000)
        page.keyboard.press("Control+s")
        page.wait_for_timeout(500)
        cells = _saved_cells(path)
        assert not _errors(cells), f"{path.name}: {_errors(cells)}"
        if cells and cells[-1].get("execution_count") is not None:
            return cells
    raise AssertionError(f"{path.name}: did not finish within {RUN_SECONDS} s")


def test_the_other_notebooks_run_in_jupyterlab_with_their_figures(
        browser, start_server, artefacts: Path, tmp_path: Path) -> None:
    root = tmp_path / "notebooks"
    notebooks = [name for name, _title in _built_copy(root)
                 if Path(name).stem in RUN_IN_LAB]
    assert len(notebooks) == len(RUN_IN_LAB)
    env = {**_lab_env(root), "REGLAB_REPO_DIR": str(NOTEBOOKS.parent)}  # 02 starts tests/fakes
    _process, port = start_server(_lab_argv(root), tmp_path, env)
    (artefacts / "jupyterlab").mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    for relative in notebooks:
        _open(page, f"http://127.0.0.1:{port}/lab/tree/{relative}?reset")
        cells = _run_all_and_wait(page, root / relative)
        assert all(c.get("execution_count") is not None for c in cells), relative
        source = (NOTEBOOKS / relative).with_suffix(".py").read_text(encoding="utf-8")
        images = [o for c in cells for o in c.get("outputs", [])
                  if "image/png" in o.get("data", {})]
        if "plt." in source or "plot" in source:
            assert images, f"{relative}: no figure in the outputs"
        page.screenshot(path=str(artefacts / "jupyterlab" / f"{Path(relative).stem}-run.png"))
    context.close()
