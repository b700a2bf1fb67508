"""Turn the notebooks' source files (jupytext ``py:percent``) into ``.ipynb``, and run them.

The ``.py`` files in this folder are the source of truth in git; the ``.ipynb`` files are
made from them and are not committed.

    python notebooks/build.py                  # write every .ipynb next to its .py
    python notebooks/build.py --out build/nb   # ... into another folder
    python notebooks/build.py --execute        # also run each one offline and print its time

The test suite (tests/test_notebooks.py) and benchmarks/notebooks.py use ``sources``,
``convert`` and ``execute`` from here, so CI runs the notebooks exactly as written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
KERNEL = "python3"
TIMEOUT = 300  # seconds per cell: far above what any cell needs (< 30 s), so only a hang trips it
IOPUB_TIMEOUT = 60  # seconds to wait for a cell's last outputs after its reply


def sources(folder: Path = HERE) -> list[Path]:
    """The notebook sources: ``NN_*.py`` here and in the sub-folders, in reading order."""
    found = [p for p in folder.rglob("[0-9]*.py") if ".ipynb_checkpoints" not in p.parts]
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def convert(source: Path) -> nbformat.NotebookNode:
    """The notebook for a ``py:percent`` file, with the python3 kernel set, paired to it."""
    notebook = jupytext.read(source, fmt="py:percent")
    notebook.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3",
                                       "language": "python"}
    # The sources' headers pair them ("formats: ipynb,py:percent"): with jupytext in
    # JupyterLab, saving the .ipynb also updates the .py.
    return notebook


def write_ipynb(source: Path, out_dir: Path | None = None) -> Path:
    """Write ``<name>.ipynb`` next to ``source`` (or into ``out_dir``); return its path."""
    folder = source.parent if out_dir is None else out_dir / source.parent.relative_to(HERE)
    target = folder / source.with_suffix(".ipynb").name
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    nbformat.write(convert(source), tmp)
    os.replace(tmp, target)
    return target


@contextmanager
def offline_env(work_dir: Path, extra: Mapping[str, str] | None = None) -> Iterator[None]:
    """Offline mode, with cache and data folders inside ``work_dir``, for the kernel."""
    wanted = {"REGLAB_OFFLINE": "1", "REGLAB_CACHE_DIR": str(work_dir / "cache"),
              "REGLAB_DATA_DIR": str(work_dir / "data"),
              # 02_hamta_data starts the project's test server from <repo>/tests
              "REGLAB_REPO_DIR": str(HERE.parent),
              # No widget front end: solution panels print inline (an Output widget's
              # captured outputs can leave nbclient waiting for a reply that never comes).
              "REGLAB_NO_FRONTEND": "1", **(extra or {})}
    saved = {key: os.environ.get(key) for key in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def execute(source: Path, work_dir: Path, env: Mapping[str, str] | None = None
            ) -> nbformat.NotebookNode:
    """Run the notebook with ``work_dir`` as its working folder; raise on the first error.

    The kernel is python3 of the running interpreter's environment, started offline.
    """
    notebook = convert(source)
    # A hang fails (timeout per cell, iopub_timeout for outputs that never come after the
    # reply, raise_on_iopub_timeout) and the kernel is stopped at once, not waited for.
    client = NotebookClient(notebook, timeout=TIMEOUT, kernel_name=KERNEL,
                            iopub_timeout=IOPUB_TIMEOUT, raise_on_iopub_timeout=True,
                            shutdown_kernel="immediate",
                            resources={"metadata": {"path": str(work_dir)}})
    # The python3 kernel of this interpreter, whatever other python3 kernels are installed.
    spec = client.create_kernel_manager().kernel_spec
    if spec is None:
        raise RuntimeError(f"ingen kärna {KERNEL!r}; installera ipykernel")
    spec.argv[0] = sys.executable
    with offline_env(work_dir, env):
        client.execute()
    return notebook


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Skapa .ipynb av notebookarnas .py-filer.")
    parser.add_argument("--out", type=Path, help="mapp för .ipynb (standard: bredvid .py)")
    parser.add_argument("--execute", action="store_true", help="kör även varje notebook")
    args = parser.parse_args(argv)
    for source in sources():
        target = write_ipynb(source, args.out)
        line = f"{target}"
        if args.execute:
            with tempfile.TemporaryDirectory(prefix="reglab-nb-") as tmp:
                start = time.perf_counter()
                execute(source, Path(tmp))
                line += f"  körd på {time.perf_counter() - start:.1f} s"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(_main())
