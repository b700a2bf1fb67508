""""Ladda ner underlaget": the PDF brief, the table package and the scenario file, as bytes.

Nothing is written to disk: the brief is rendered to bytes and the workbook built in memory.
The scenario file is TOML that ``load_scenario`` reads back, so a session can be rerun with
``reglab-forecast brief --scenario dialogscenario.toml``.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..report.brief import brief_filename, render_brief
from ..report.context import BriefContext
from ..report.inputs import load_inputs
from ..report.sections import PACKAGE, build_all, tables_of
from ..report.tablepackage import workbook_bytes

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TOML = "application/toml"


@dataclass(frozen=True)
class Download:
    filename: str
    mime: str
    data: bytes

    def link(self, label: str) -> str:
        """An HTML link that downloads the file from the page itself (a data: address)."""
        encoded = base64.b64encode(self.data).decode("ascii")
        return (f'<a download="{html.escape(self.filename)}" '
                f'href="data:{self.mime};base64,{encoded}">{html.escape(label)}</a>')


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_table(prefix: str, table: Mapping[str, Any]) -> list[str]:
    """A table's plain values, then its sub-tables (``[prefix.key]``)."""
    lines = [f"{_toml_key(str(key))} = {_toml_value(value)}" for key, value in table.items()
             if not isinstance(value, Mapping | list)]
    for key, value in table.items():
        if isinstance(value, Mapping):
            name = f"{prefix}.{_toml_key(str(key))}" if prefix else _toml_key(str(key))
            lines += ["", f"[{name}]", *_toml_table(name, value)]
    return lines


def scenario_toml(raw: Mapping[str, Any]) -> str:
    """The scenario dict (``Levers.as_dict``) as a TOML file, keys as in ``scenario.py``
    (``[demography]`` as in ``demography.scenario``)."""
    lines = _toml_table("", raw)
    for table in raw.get("shock", []):
        lines += ["", "[[shock]]"] + [f"{k} = {_toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


def session_files(region: str, raw: Mapping[str, Any], region_name: str
                  ) -> list[Download]:
    """The brief (PDF), the table package (Excel) and the scenario file (TOML) of a session.

    ``raw``: the scenario as a dict (``Levers.as_dict(region)``). One projection run serves
    the brief and the tables. Takes a few seconds.
    """
    from ..projection.scenario import scenario_from_dict

    scenario_from_dict(raw, where="dialogen")  # a bad lever is named as the dialogue's
    # The whole scenario, so that the brief's population side applies the [demography] levers
    # as `brief --scenario dialogscenario.toml` would.
    inputs = load_inputs(raw)
    pdf = render_brief(inputs, region)
    # the same table package as ``reglab-forecast tables`` (report.brief.write_tables)
    tables = tables_of(build_all(BriefContext.create(inputs, region), PACKAGE))
    workbook = workbook_bytes(tables, inputs.vintage)
    stem = brief_filename(region_name).removesuffix(".pdf")
    return [Download(f"{stem}.pdf", PDF, pdf),
            Download(f"{stem}-tabeller.xlsx", XLSX, workbook),
            Download("dialogscenario.toml", TOML, scenario_toml(raw).encode("utf-8"))]
