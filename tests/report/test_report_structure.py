"""The report is laid out as the brief's sections: one module per section with ``build(ctx)``,
compositions as lists of keys, and no private names imported across modules."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import reglab_forecast.report as report
from reglab_forecast.report.section import Section
from reglab_forecast.report.sections import BRIEF, COMPARE, PACKAGE

REPORT = Path(report.__file__).parent


def test_every_composed_key_is_a_section_module_with_build():
    for key in {*BRIEF, *PACKAGE, *COMPARE}:
        module = importlib.import_module(f"reglab_forecast.report.sections.{key}")
        assert callable(module.build), key


def test_no_private_names_are_imported_across_modules():
    for path in REPORT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                private = [a.name for a in node.names
                           if a.name.startswith("_") and not a.name.startswith("__")]
                assert not private, (path.name, node.module, private)


def test_a_section_without_figures_or_layout_is_laid_out():
    plain = Section("prov", "Prov", paragraphs=("En mening.",))
    assert [type(p).__name__ for p in plain.parts()] == ["Text"]
    assert Section("tom", "Tom").parts() == ()
