"""The quality declaration as Swedish text (CLI and the briefs' method section)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from ..numbers import format_percent
from .age_quality import regional_age_quality_text

if TYPE_CHECKING:
    from .declaration import QualityDeclaration


def _table(frame: pd.DataFrame, label_width: int = 24) -> list[str]:
    from .declaration import COLUMNS, METHOD_NAMES

    header = "".ljust(label_width) + "".join(name.rjust(22) for name in COLUMNS.values())
    lines = [header]
    for method in METHOD_NAMES:
        row = frame[frame["method"] == method]
        if row.empty:
            continue
        cells = "".join(format_percent(row[c].iloc[0]).rjust(22) for c in COLUMNS)
        lines.append(METHOD_NAMES[method].ljust(label_width) + cells)
    return lines


def _verdict(ok: bool) -> str:
    return "uppfyllt" if ok else "ej uppfyllt"


def _targets(declaration: QualityDeclaration) -> list[str]:
    t = declaration.targets
    return [
        f"- WAPE med känd länstotal {format_percent(t['wape_reduction'])} lägre än konstanta "
        f"yrkesandelar (mål minst 10 %, ambition 20 %): {_verdict(t['wape_reduction_met'])}",
        f"- Rätt riktning {format_percent(t['direction'])} (mål minst 75 %; BLS 77–84 %): "
        f"{_verdict(t['direction_met'])}",
        f"- Täckning för 80 %-intervallen {format_percent(t['coverage'])} (mål 75–85 %): "
        f"{_verdict(t['coverage_met'])}; kalibrerade bara på fel som var kända vid startåret: "
        f"{format_percent(declaration.figure('standard', 'coverage_realtime'))}",
    ]


def obstacles(declaration: QualityDeclaration) -> list[str]:
    """What stands in the way of the WAPE target, with the diagnostic figure."""
    t = declaration.targets
    known = declaration.figure("national_mix_known", "wape_totals_known")
    if t["wape_reduction_met"] or math.isnan(known):
        return []
    naive = declaration.figure("constant_shares", "wape_totals_known")
    ours = declaration.figure("standard", "wape_totals_known")
    explained = 1 - known / naive
    caught = (naive - ours) / (naive - known) if naive > known else float("nan")
    return [
        "Vad som står i vägen för WAPE-målet: med facit för rikets yrkesmix (regionala "
        f"andelar oförändrade) hade WAPE med känd länstotal varit {format_percent(known)} "
        f"i stället för {format_percent(naive)}. Rikets yrkesmix står alltså för "
        f"{format_percent(explained, 0)} av felet, och metodens trender fångar "
        f"{format_percent(caught, 0)} av den delen: förändringen "
        "går knappt att läsa ut ur 3–6 års historik med seriebrott 2019 och 2023 (nya "
        "registerserier och imputerade yrken). Resten är regionala andelsförändringar, som "
        "i historiken inte fortsätter i samma riktning. Prövat: trender per SSYK3-grupp och "
        "regression över hela perioden med nivåskift vid brotten (inte bättre), yrkenas "
        "åldersstruktur (andel 55+; något bättre men inte nog för målet, ännu inte i "
        "metoden).",
    ]


def declaration_text(declaration: QualityDeclaration) -> str:
    meta = declaration.meta
    origins = meta.get("headline_origins", [])
    span = f"{min(origins)}–{max(origins)}" if origins else ""
    lines = [
        f"Kvalitetsdeklaration: bakåtprövning på {meta.get('level', 'län × SSYK3')}, "
        f"horisont {meta.get('headline_horizon', 5)} år, startår {span} "
        f"(data {'–'.join(str(y) for y in meta.get('data_years', []))})",
        "",
        *_table(declaration.headline),
        "",
        "Mål:",
        *_targets(declaration),
        "",
        "Standardmetoden per horisont (startår "
        f"{'–'.join(str(y) for y in (min(meta['origins']), max(meta['origins'])))}):",
    ]
    by_h = declaration.by_horizon
    for horizon, group in by_h[by_h["method"] == "standard"].groupby("horizon"):
        naive = by_h[(by_h["method"] == "constant_shares") & (by_h["horizon"] == horizon)]
        lines.append(
            f"  {horizon} år: WAPE {format_percent(group['wape'].iloc[0])}, med känd länstotal "
            f"{format_percent(group['wape_totals_known'].iloc[0])} (konstanta andelar "
            f"{format_percent(naive['wape_totals_known'].iloc[0])}), rätt riktning "
            f"{format_percent(group['direction'].iloc[0])}, täckning "
            f"{format_percent(group['coverage'].iloc[0])}"
        )
    lines += ["", *(f"Not: {note}" for note in meta.get("notes", []))]
    if meta.get("source") or meta.get("vintage"):
        lines.append(f"Källa: {meta.get('source', '')}; {meta.get('vintage', '')}; egen "
                     f"bakåtprövning ({meta.get('created', '')}).")
    lines += ["", regional_age_quality_text()]
    return "\n".join(lines)
