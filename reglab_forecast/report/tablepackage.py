"""The table package (tabellpaket): the brief's tables as Excel or CSV, with a column guide.

The tables are the very ones the PDF formats (see ``tables.all_tables``), stored unrounded:
Excel shows them rounded through number formats (percentages stored as fractions with a %
format, so Excel computes with them as shares). Excel: one sheet per table with its title,
source and data version above the header (headers wrap, widths fit, autofilter, frozen
header, A4 landscape fitted to the page width with the header repeated), plus a sheet
"Kolumner" explaining every column; the workbook carries title and author. CSV: one file per
table (semicolon, decimal comma, UTF-8 with BOM, as Swedish Excel expects) plus
``kolumner.csv`` and ``LASMIG.txt``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from ..files import build_package_dir, write_output
from .tablespec import Column, Table

__all__ = ["column_guide", "excel_value", "workbook_bytes", "write_csv_dir", "write_xlsx"]

# Excel number formats per column kind. Percent kinds are stored as fractions (0.234).
EXCEL_FORMATS = {
    "int": "#,##0", "signed": "+#,##0;-#,##0;0", "pct": "0.0 %",
    "signed_pct": "+0.0 %;-0.0 %;0.0 %", "dec": "0.0", "signed_dec": "+0.0;-0.0;0.0",
    "dec2": "0.00",
}
PERCENT_KINDS = {"pct", "signed_pct"}
# Key figures: the kind of a row comes from its unit.
UNIT_KINDS = {"antal": "int", "procent": "pct", "förändring": "signed",
              "förändring, %": "signed_pct", "kvot": "dec2"}
HEADER_ROW = 5  # title, source, data version, blank, then the header
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE8EC")
WRAP = Alignment(wrap_text=True, vertical="top")


def column_guide(tables: Mapping[str, Table]) -> pd.DataFrame:
    """One row per column of every table: what it holds and where it comes from."""
    rows = [
        {"tabell": t.key, "kolumn": c.label.replace("\u00ad", ""), "nyckel": c.key,
         "beskrivning": c.description, "källa": t.source}
        for t in tables.values() for c in t.columns
    ]
    return pd.DataFrame(rows)


def excel_value(value: object, kind: str) -> object:
    """A cell value as Excel stores it: None for missing, fractions for percentages."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    value = value.item() if hasattr(value, "item") else value
    if kind in PERCENT_KINDS and isinstance(value, (int, float)):
        return value / 100
    return value


def _row_kind(column: Column, row: dict[Any, Any]) -> str:
    return UNIT_KINDS.get(str(row.get("unit")), "dec") if column.kind == "unit" else column.kind


def _width(column: Column, values: pd.Series) -> float:
    """A column width (characters) that fits its values; the header wraps instead."""
    longest = max((len(str(v)) for v in values.dropna()), default=0)
    if column.kind != "text":
        longest = max(8, min(longest, 14))
    header = max(len(w) for w in column.label.replace("\u00ad", "").split())
    return float(min(60, max(longest, header) + 2))


def _header(sheet: Worksheet, table: Table, frame: pd.DataFrame) -> None:
    for j, column in enumerate(table.columns, start=1):
        cell = sheet.cell(HEADER_ROW, j, column.label.replace("\u00ad", ""))
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        sheet.column_dimensions[get_column_letter(j)].width = _width(column, frame[column.key])


def _print_setup(sheet: Worksheet, rows: int, columns: int) -> None:
    last = get_column_letter(max(columns, 1))
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(rows, 1)}"
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _write_sheet(book: Workbook, table: Table, vintage: str) -> None:
    sheet = book.create_sheet(table.key[:31])
    sheet["A1"], sheet["A1"].font = table.title, Font(bold=True, size=12)
    sheet["A2"] = table.source + (f" {table.note}" if table.note else "")
    sheet["A3"] = f"Dataversion: {vintage}"
    frame = table.unrounded()
    _header(sheet, table, frame)
    for i, row in enumerate(frame.to_dict("records"), start=HEADER_ROW + 1):
        for j, column in enumerate(table.columns, start=1):
            kind = _row_kind(column, row)
            cell = sheet.cell(i, j, excel_value(row[column.key], kind))
            if kind in EXCEL_FORMATS:
                cell.number_format = EXCEL_FORMATS[kind]
    _print_setup(sheet, len(frame), len(table.columns))


def _write_guide(book: Workbook, tables: Mapping[str, Table], vintage: str) -> None:
    sheet = book.create_sheet("Kolumner", 0)
    sheet["A1"], sheet["A1"].font = "Kolumner i tabellpaketet", Font(bold=True, size=12)
    sheet["A2"] = "Varje rad förklarar en kolumn i en av tabellerna (flikarna)."
    sheet["A3"] = f"Dataversion: {vintage}"
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
    book.properties.title = next(iter(tables.values())).title if tables else "Tabellpaket"
    book.properties.title = f"Tabellpaket: {book.properties.title}"
    book.properties.creator = f"reglab_forecast {__version__}"
    book.properties.subject = f"Dataversion: {vintage}"
    buffer = io.BytesIO()
    book.save(buffer)
    return _stamped(buffer.getvalue())


def _stamped(data: bytes) -> bytes:
    """The workbook with every time in it set to the production time (``SOURCE_DATE_EPOCH``
    or midnight UTC today, as on the PDFs): openpyxl writes the clock time into
    ``docProps/core.xml`` and every zip entry, so the same tables would never give the same
    bytes."""
    from .render import production_time

    when = production_time()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*",
                              lambda m: m.group(1) + stamp, body)
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            target.writestr(entry, body)
    return out.getvalue()


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
            frame = table.unrounded().set_axis([c.key for c in table.columns], axis=1)
            (folder / f"{table.key}.csv").write_text(_csv_text(frame), encoding="utf-8-sig")
        guide = column_guide(tables)
        (folder / "kolumner.csv").write_text(_csv_text(guide), encoding="utf-8-sig")
        readme = ("Tabellpaket: samma tabeller som i PDF-underlaget.\n"
                  "Semikolon som avgränsare, decimalkomma, UTF-8.\n"
                  "Talen är oavrundade; procent står i procentenheter.\n"
                  f"Dataversion: {vintage}\nKolumnerna förklaras i kolumner.csv.\n")
        (folder / "LASMIG.txt").write_text(readme, encoding="utf-8")

    build_package_dir(Path(out_dir), fill)
