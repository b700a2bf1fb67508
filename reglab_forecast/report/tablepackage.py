"""The table package (tabellpaket): the brief's tables as Excel or CSV, with a column guide.

The frames are the very ones the PDF formats (see ``tables.all_tables``), so the numbers agree.
Excel: one sheet per table with its title, source and data vintage above the header, plus a
sheet "Kolumner" explaining every column. CSV: one file per table (semicolon, decimal comma,
UTF-8 with BOM, as Swedish Excel expects) plus ``kolumner.csv`` and ``LASMIG.txt``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ..files import build_package_dir, write_output
from .tablespec import Table

__all__ = ["column_guide", "workbook_bytes", "write_csv_dir", "write_xlsx"]

# Excel number formats per column kind (values are stored raw, percent in percent units).
EXCEL_FORMATS = {
    "int": "#,##0", "signed": "+#,##0;-#,##0;0", "pct": '0.0" %"',
    "signed_pct": '+0.0" %";-0.0" %";0.0" %"', "dec": "0.0", "signed_dec": "+0.0;-0.0;0.0",
    "dec2": "0.00",
}
HEADER_ROW = 5  # title, source, vintage, blank, then the header
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE8EC")


def column_guide(tables: Mapping[str, Table]) -> pd.DataFrame:
    """One row per column of every table: what it holds and where it comes from."""
    rows = [
        {"tabell": t.key, "kolumn": c.label.replace("\u00ad", ""), "nyckel": c.key,
         "beskrivning": c.description, "källa": t.source}
        for t in tables.values() for c in t.columns
    ]
    return pd.DataFrame(rows)


def _excel_value(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _write_sheet(book: Workbook, table: Table, vintage: str) -> None:
    sheet = book.create_sheet(table.key[:31])
    sheet["A1"], sheet["A1"].font = table.title, Font(bold=True, size=12)
    sheet["A2"] = table.source + (f" {table.note}" if table.note else "")
    sheet["A3"] = f"Datavintage: {vintage}"
    for j, column in enumerate(table.columns, start=1):
        cell = sheet.cell(HEADER_ROW, j, column.label.replace("\u00ad", ""))
        cell.font, cell.fill = BOLD, HEADER_FILL
        sheet.column_dimensions[get_column_letter(j)].width = 40 if column.kind == "text" and (
            column.key.endswith("name") or column.key in {"indicator", "title"}) else 14
    for i, row in enumerate(table.frame.itertuples(index=False), start=HEADER_ROW + 1):
        for j, (column, value) in enumerate(zip(table.columns, row, strict=True), start=1):
            cell = sheet.cell(i, j, _excel_value(value))
            kind = column.kind
            if kind in EXCEL_FORMATS:
                cell.number_format = EXCEL_FORMATS[kind]
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)


def _write_guide(book: Workbook, tables: Mapping[str, Table], vintage: str) -> None:
    sheet = book.create_sheet("Kolumner", 0)
    sheet["A1"], sheet["A1"].font = "Kolumner i tabellpaketet", Font(bold=True, size=12)
    sheet["A2"] = "Varje rad förklarar en kolumn i en av tabellerna (flikarna)."
    sheet["A3"] = f"Datavintage: {vintage}"
    guide = column_guide(tables)
    for j, name in enumerate(guide.columns, start=1):
        sheet.cell(HEADER_ROW, j, name).font = BOLD
        sheet.column_dimensions[get_column_letter(j)].width = [18, 26, 18, 70, 60][j - 1]
    for i, row in enumerate(guide.itertuples(index=False), start=HEADER_ROW + 1):
        for j, value in enumerate(row, start=1):
            sheet.cell(i, j, value)


def workbook_bytes(tables: Mapping[str, Table], vintage: str) -> bytes:
    book = Workbook()
    book.remove(book.active)
    _write_guide(book, tables, vintage)
    for table in tables.values():
        _write_sheet(book, table, vintage)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_xlsx(tables: Mapping[str, Table], out: Path, vintage: str) -> None:
    write_output(Path(out), workbook_bytes(tables, vintage))


def _csv_text(frame: pd.DataFrame) -> str:
    return frame.to_csv(sep=";", decimal=",", index=False)


def write_csv_dir(tables: Mapping[str, Table], out_dir: Path, vintage: str) -> None:
    """One CSV per table plus the column guide; the folder appears complete or not at all.

    ``out_dir`` must be missing, empty or a package written here before: a folder with other
    files raises ``OutputPathError`` and is left untouched (``files.build_package_dir``)."""

    def fill(folder: Path) -> None:
        for table in tables.values():
            frame = table.frame.set_axis([c.key for c in table.columns], axis=1)
            (folder / f"{table.key}.csv").write_text(_csv_text(frame), encoding="utf-8-sig")
        guide = column_guide(tables)
        (folder / "kolumner.csv").write_text(_csv_text(guide), encoding="utf-8-sig")
        readme = ("Tabellpaket: samma tabeller som i PDF-underlaget.\n"
                  "Semikolon som avgränsare, decimalkomma, UTF-8.\n"
                  f"Datavintage: {vintage}\nKolumnerna förklaras i kolumner.csv.\n")
        (folder / "LASMIG.txt").write_text(readme, encoding="utf-8")

    build_package_dir(Path(out_dir), fill)
