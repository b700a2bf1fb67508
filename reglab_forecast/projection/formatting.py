"""Swedish text and CSV output of a projection table (CLI)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..files import output_path
from ..numbers import fmt_int

if TYPE_CHECKING:
    from .model import Projection


def projection_text(result: Projection, table: pd.DataFrame) -> str:
    """A readable table: one row per occupation and target year."""
    region = table["region_name"].iloc[0] if len(table) else ""
    lines = [f"{region}: prognos från {result.base_year}, scenario '{result.scenario.name}' "
             f"(80 %-intervall inom hakparentes)", ""]
    header = (f"{'SSYK':<6}{'Yrke':<48}{'År':>6}{'Anställda':>14}{'Intervall':>24}"
              f"{'Expansion':>12}{'Pensioner':>12}{'Behov':>12}")
    lines.append(header)
    for row in table.to_dict(orient="records"):
        interval = f"[{fmt_int(row['lower'])}–{fmt_int(row['upper'])}]"
        lines.append(f"{row['ssyk']:<6}{str(row['ssyk_name'])[:46]:<48}{row['year']:>6}"
                     f"{fmt_int(row['employed']):>14}{interval:>24}{fmt_int(row['expansion']):>12}"
                     f"{fmt_int(row['replacement']):>12}{fmt_int(row['recruitment_need']):>12}")
    lines += ["", result.source_note, f"Åldersstruktur: {result.age_note}."]
    return "\n".join(lines)


def write_csv(table: pd.DataFrame, path: Path) -> Path:
    """Write ``table`` as CSV via a temporary file, so a failed write leaves nothing behind;
    a file the toolkit did not write is never replaced (``OutputPathError``)."""
    with output_path(path) as temporary:
        table.to_csv(temporary, index=False)
    return Path(path)
