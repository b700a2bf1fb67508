"""One Swedish number formatter, below both the projection and the report layer."""

from __future__ import annotations

import ast
from pathlib import Path

import reglab_forecast.numbers as shared
import reglab_forecast.report.numbers as report_numbers

PROJECTION = Path(shared.__file__).parent / "projection"


def test_report_numbers_re_exports_the_shared_functions() -> None:
    assert report_numbers.__all__ == shared.__all__
    for name in shared.__all__:
        assert getattr(report_numbers, name) is getattr(shared, name)


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_projection_never_imports_the_report_layer() -> None:
    offenders = {
        path.name: sorted(m for m in _imported_modules(path)
                          if m.startswith("..report") or m.startswith("reglab_forecast.report"))
        for path in sorted(PROJECTION.glob("*.py"))
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}
    assert "..numbers" in _imported_modules(PROJECTION / "formatting.py")
    assert "..numbers" in _imported_modules(PROJECTION / "declaration_text.py")
