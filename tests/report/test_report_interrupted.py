"""The table package, failing midway on a full disk, leaves the previous files intact.

Files opened for writing in the output folder fail after a few kilobytes (``io.open`` is
replaced for the test), the way a full disk fails a write; the table package's workbook and
CSV folder must then be exactly as before, and no temporary file or folder may be left.
(The cache and the PDF are interrupted by the operating system itself, in
``tests/test_interrupted_writes.py``.)
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from pathlib import Path

import hand_case
import pytest
from brief_api import brief_tables

from reglab_forecast.errors import ReglabError
from reglab_forecast.report.tablepackage import write_csv_dir, write_xlsx


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


class _Full(io.FileIO):
    """A file in the output folder on a disk that fills up after ``room`` bytes."""

    room = 2048

    def write(self, data) -> int:  # type: ignore[no-untyped-def]
        view = memoryview(data).cast("B")
        if self.tell() + len(view) > self.room:
            super().write(view[: max(0, self.room - self.tell())])
            raise OSError(errno.ENOSPC, "No space left on device", self.name)
        return super().write(view)


def _fill_up_after(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file opened for writing under ``folder`` fails after ``_Full.room`` bytes, as
    on a full disk; other files (e.g. a library's own scratch files) are left alone."""
    real_open = io.open

    def fake_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        inside = isinstance(file, str | os.PathLike) and Path(file).resolve().is_relative_to(
            folder.resolve())
        if inside and any(flag in mode for flag in "wax+"):
            raw = _Full(os.fspath(file), mode.replace("b", "").replace("t", "") or "w")
            if "b" in mode:
                return io.BufferedWriter(raw)
            return io.TextIOWrapper(io.BufferedWriter(raw), encoding=kwargs.get("encoding"),
                                    newline=kwargs.get("newline"))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(builtins, "open", fake_open)


def test_table_package_survives_a_failed_rewrite(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    tables = brief_tables(hand_case.inputs(), "18")
    out, csv_dir = tmp_path / "tabeller.xlsx", tmp_path / "csv"
    # The previous package, written by the tool (it rewrites only what it wrote itself).
    write_xlsx(tables, out, "yrkesregistret 2014–2023")
    write_csv_dir(tables, csv_dir, "yrkesregistret 2014–2023")
    before = snapshot(tmp_path)
    _fill_up_after(tmp_path, monkeypatch)
    full = "disken är full|No space left"  # the tool's own message, or the system's
    with pytest.raises((OSError, ReglabError), match=full):
        write_xlsx(tables, out, "yrkesregistret 2019–2024")
    with pytest.raises((OSError, ReglabError), match=full):
        write_csv_dir(tables, csv_dir, "yrkesregistret 2019–2024")
    monkeypatch.undo()
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv", "tabeller.xlsx"]
