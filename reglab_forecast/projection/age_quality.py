"""The quality declaration's entry for the estimated regional age structure.

The measured error (``regional_age_check.regional_age_error``) is stored as
``regional_age_quality.json`` beside the quality declaration (see stored.py) by
``save_regional_age_quality()`` (``python benchmarks/bench_regional_age.py --save``), and
``regional_age_quality_text()`` states it in plain Swedish for the declaration and the brief.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ..files import write_json_atomic
from ..numbers import fmt_dec
from ..regional_age_check import regional_age_error
from .stored import read_path, save_path

AGE_QUALITY = "regional_age_quality.json"


def save_regional_age_quality(path: Path | None = None) -> Path:
    """Measure the error now and store it; returns the file written."""
    table = regional_age_error()
    target = path or save_path(AGE_QUALITY)
    write_json_atomic(target, {"created": date.today().isoformat(),
                               "records": table.to_dict(orient="records")})
    return target


def load_regional_age_quality(path: Path | None = None) -> dict[str, Any]:
    """The stored figures: ``{"created": …, "records": [{check, method, mae_55_64_pp, …}]}``;
    an empty dict when none are stored."""
    source = path or read_path(AGE_QUALITY)
    if not source.is_file():
        return {}
    stored: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return stored


def regional_age_quality_text(stored: dict[str, Any] | None = None) -> str:
    """One paragraph in Swedish: the error of the estimate against Riket's profile."""
    stored = load_regional_age_quality() if stored is None else stored
    if not stored:
        return ""
    mae = {(r["check"], r["method"]): float(r["mae_55_64_pp"]) for r in stored["records"]}
    pp = " procentenheter"
    return (
        "Regional åldersstruktur (skattad): länens åldersfördelning per yrke är inte publicerad "
        "och skattas (iterativ proportionell anpassning till rikets åldersprofil per yrke, "
        "riksområdets åldersfördelning per yrkesgrupp 2017 och länets befolkning). Mot SCB:s "
        "verkliga länstabeller för yrkesgrupperna 214 och 311 (2014–2017) missar skattningen "
        f"andelen 55–64 år med i genomsnitt {fmt_dec(mae[('lan', 'standard')], 1)}{pp}, "
        f"mot {fmt_dec(mae[('lan', 'national')], 1)}{pp} om rikets åldersprofil används "
        "för varje län. Utan riksområdestabell (de 8 riksområdena 2017) är felet "
        f"{fmt_dec(mae[('riksomrade', 'population')], 1)}{pp} mot "
        f"{fmt_dec(mae[('riksomrade', 'national')], 1)}{pp}."
    )
