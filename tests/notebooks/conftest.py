"""Notebook tests: the notebook sources as parameters (run times: tests/notebook_summary.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def load_build() -> ModuleType:
    """notebooks/build.py as a module (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location("notebook_build", NOTEBOOKS / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``source``: every notebook; ``learning_source``: the learning-project ones."""
    sources = load_build().sources(NOTEBOOKS)
    if "source" in metafunc.fixturenames:
        metafunc.parametrize("source", sources,
                             ids=[str(p.relative_to(NOTEBOOKS)) for p in sources])
    if "learning_source" in metafunc.fixturenames:
        learning = [p for p in sources if p.parent.name == "larprojekt"]
        metafunc.parametrize("learning_source", learning, ids=[p.stem for p in learning])


@pytest.fixture(scope="session")
def build() -> ModuleType:
    return load_build()
