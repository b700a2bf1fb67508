"""Typst rendering: data.json and SVGs in a temp dir → PDF bytes → atomic file write.

Fonts come only from matplotlib's bundled DejaVu TTFs (system fonts ignored), and the PDF's
date is the production date: midnight UTC of today, or ``SOURCE_DATE_EPOCH`` when it is set, so
the same input on the same day (or with the same ``SOURCE_DATE_EPOCH``) gives identical bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import typst

from ..errors import InputError, ReglabError
from ..files import check_output_file, check_package_dir
from .figures import Figure
from .style import font_dir

__all__ = ["FIXED_TIMESTAMP", "check_writable", "check_writable_dir", "compile_pdf",
           "production_time"]

# Midnight 1 January of the data's publication year would also do; a constant keeps it simple.
FIXED_TIMESTAMP = int(dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp())


class RenderError(ReglabError):
    """Typst could not compile the brief (a bug in the template or its data)."""


def production_time() -> dt.datetime:
    """When the document is said to be made: ``SOURCE_DATE_EPOCH`` (seconds since 1970, for
    reproducible builds) when set, else midnight UTC today.

    Raises InputError when ``SOURCE_DATE_EPOCH`` is not a whole number of seconds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise InputError(f"SOURCE_DATE_EPOCH={epoch!r}: ska vara sekunder sedan 1970, "
                             f"t.ex. 1767225600")
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    today = dt.datetime.now(dt.UTC).date()
    return dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)


def template_text(name: str) -> str:
    return resources.files("reglab_forecast.report").joinpath("templates", name).read_text("utf-8")


def compile_pdf(template: str, data: dict[str, Any], figures: Iterable[Figure] = ()) -> bytes:
    """Compile ``templates/<template>`` with ``data`` (as data.json) and SVG figures."""
    with tempfile.TemporaryDirectory(prefix="reglab-brief-") as tmp:
        root = Path(tmp)
        (root / "main.typ").write_text(template_text(template), encoding="utf-8")
        (root / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        for figure in figures:
            (root / f"{figure.name}.svg").write_text(figure.svg, encoding="utf-8")
        try:
            return _compile(root / "main.typ", int(production_time().timestamp()))
        except typst.TypstError as error:
            raise RenderError(f"Typst kunde inte skapa PDF:en: {error}") from error


def compile_markup(source: str) -> bytes:
    """Compile a small Typst document with the brief's fonts (for checks and tests)."""
    with tempfile.TemporaryDirectory(prefix="reglab-typst-") as tmp:
        main = Path(tmp) / "main.typ"
        main.write_text(source, encoding="utf-8")
        return _compile(main, FIXED_TIMESTAMP)


@cache
def _fonts() -> typst.Fonts:
    """The fonts of every document: matplotlib's TTFs and Typst's own, system fonts ignored;
    found once per process (a worker of ``brief --all`` compiles many documents)."""
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True,
                       font_paths=[str(font_dir())])


def _compile(main: Path, timestamp: int) -> bytes:
    """The PDF of ``main`` (its folder is the root Typst may read)."""
    compiler = typst.Compiler(str(main), root=str(main.parent), font_paths=_fonts(),
                              ignore_system_fonts=True)
    pdf = compiler.compile(timestamp=timestamp)
    assert isinstance(pdf, bytes)  # one PDF, not pages
    return pdf


def check_writable(out: Path, suffixes: tuple[str, ...] = (), option: str = "--out") -> None:
    """Fail early, before any work, when ``out`` cannot or may not be written
    (see ``files.check_output_file``)."""
    check_output_file(out, option, suffixes)


def check_writable_dir(folder: Path, option: str = "--csv") -> None:
    """A package folder that may be created or replaced (see ``files.check_package_dir``)."""
    check_package_dir(folder, option)
