"""The quality declaration as Swedish text (CLI and the briefs' method section)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from ..numbers import format_percent
from ..snapshot import plain_vintage
from .age_quality import regional_age_quality_text

if TYPE_CHECKING:
    from .declaration import QualityDeclaration


# What each column means, in plain words, printed under the first table.
MEASURES = [
    "Så läses måtten:",
    "- WAPE (viktat absolut procentfel): prognosernas fel utan tecken, summerade och delade med "
    "summan av utfallen, alltså felet i procent av alla anställda. Lägre är bättre.",
    "- Länstotal känd: samma fel när länets totala antal anställda tas ur utfallet, så att "
    "bara fördelningen på yrken prövas.",
    "- Rätt riktning: andelen yrken som ändrades minst 5 % där prognosen sa rätt om de ökade "
    "eller minskade; justerad: mot utfallet rensat för seriebrottens nivåskift.",
    "- Snabbare än snittet: andelen yrken där prognosen sa rätt om yrket växte snabbare än "
    "länets genomsnitt (en slantsingling ger 50 %).",
    "- Täckning 80 %: andelen utfall inom prognosens 80 %-intervall; nära 80 % betyder att "
    "intervallen är lagom breda.",
]


def _table(frame: pd.DataFrame, label_width: int = 24) -> list[str]:
    from .declaration import COLUMNS, METHOD_NAMES

    columns = [c for c in COLUMNS if c in frame.columns]
    header = "".ljust(label_width) + "".join(COLUMNS[c].rjust(22) for c in columns)
    lines = [header]
    for method in METHOD_NAMES:
        row = frame[frame["method"] == method]
        if row.empty:
            continue
        cells = "".join(format_percent(row[c].iloc[0]).rjust(22) for c in columns)
        lines.append(METHOD_NAMES[method].ljust(label_width) + cells)
    return lines


def _by_horizon(declaration: QualityDeclaration) -> list[str]:
    """The method and the baselines at 3 and 5 years (origins 2016–2019)."""
    from .declaration import REPORTED_HORIZONS

    lines: list[str] = []
    by_h = declaration.by_horizon
    for horizon in REPORTED_HORIZONS:
        rows = by_h[by_h["horizon"] == horizon]
        if rows.empty:
            continue
        origins = rows["origins"].iloc[0].replace(",", ", ")
        lines += ["", f"{horizon} år (startår {origins}):", *_table(rows)]
    return lines


def _totals(declaration: QualityDeclaration) -> list[str]:
    """WAPE of the län totals with the totals unknown, per method, at 3 and 5 years."""
    from .declaration import TOTAL_NAMES

    frame = declaration.totals
    if frame.empty:
        return []
    horizons = sorted(int(h) for h in frame["horizon"].unique())
    lines = ["", "Länens totaler, länstotal okänd (WAPE över länen; i parentes med rikets "
             "total känd):"]
    for method, name in TOTAL_NAMES.items():
        rows = frame[frame["method"] == method].set_index("horizon")
        if rows.empty:
            continue
        cells = ", ".join(f"{h} år {format_percent(float(rows['wape'][h]))} "
                          f"({format_percent(float(rows['wape_national_known'][h]))})"
                          for h in horizons if h in rows.index)
        lines.append(f"  {name}: {cells}")
    return lines


def _bins(declaration: QualityDeclaration) -> list[str]:
    """Coverage of the 80 % intervals per size bin at 3 and 5 years."""
    frame = declaration.coverage_bins
    if frame.empty:
        return []
    lines = ["", "Täckning för 80 %-intervallen per storleksklass (anställda i startåret; i "
             "parentes mot utfallet justerat för seriebrottens nivåskift):"]
    for (level, horizon), rows in frame.groupby(["level", "horizon"]):
        where = "länens totaler" if int(str(level)) == 0 else "län × SSYK3"
        cells = "; ".join(f"{r['size']}: {format_percent(r['coverage'])} "
                          f"({format_percent(r['coverage_adjusted'])})"
                          for r in rows.to_dict("records"))
        lines.append(f"  {where}, {horizon} år: {cells}")
    return lines


def _path_worth(declaration: QualityDeclaration) -> list[str]:
    """What a good national projection is worth: the method with the national path known."""
    known = declaration.figure("national_path_known", "wape")
    naive = declaration.figure("constant_shares", "wape")
    if math.isnan(known) or math.isnan(naive):
        return []
    return ["", f"Vad en bra nationell prognos är värd: om rikets faktiska utveckling per yrke "
            f"hade varit känd och fördelats på länen med samma metod, hade WAPE på län × SSYK3 "
            f"varit "
            f"{format_percent(known)} mot {format_percent(naive)} för konstanta yrkesandelar "
            f"({format_percent(1 - known / naive, 0)} lägre)."]


def _verdict(ok: bool) -> str:
    return "uppfyllt" if ok else "ej uppfyllt"


def _targets(declaration: QualityDeclaration) -> list[str]:
    t = declaration.targets
    bins = []
    if not math.isnan(t.get("bins_coverage_low", float("nan"))):
        bins = [f"- Täckning per storleksklass (län × SSYK3) "
                f"{format_percent(t['bins_coverage_low'])}–"
                f"{format_percent(t['bins_coverage_high'])} (mål 75–85 % i varje klass): "
                f"{_verdict(t['bins_coverage_met'])}"]
    if not math.isnan(t.get("totals_coverage", float("nan"))):
        bins.append(f"- Täckning för länens totaler {format_percent(t['totals_coverage'])} "
                    "(mot utfallet justerat för seriebrott; mål 75–85 %): "
                    f"{_verdict(t['totals_coverage_met'])}")
    return [
        f"- WAPE med känd länstotal {format_percent(t['wape_reduction'])} lägre än konstanta "
        f"yrkesandelar (mål minst 10 %, ambition 15 %): {_verdict(t['wape_reduction_met'])}",
        *bins,
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


def _total_figure(declaration: QualityDeclaration, method: str, horizon: int) -> float:
    frame = declaration.totals
    if frame.empty:
        return float("nan")
    row = frame[(frame["method"] == method) & (frame["horizon"] == horizon)]
    return float(row["wape_national_known"].iloc[0]) if len(row) else float("nan")


def plain_summary(declaration: QualityDeclaration) -> list[str]:
    """The declaration's figures beyond the tables, as plain Swedish sentences (the brief)."""
    horizon = int(declaration.meta.get("headline_horizon", 5))
    ours, naive, previous = (_total_figure(declaration, m, horizon) for m in
                             ("standard", "constant_shares", "occupations_only"))
    lines = []
    if not math.isnan(ours):
        lines.append(
            f"Länens totaler bakåt i tiden, {horizon} år fram med rikets total känd: felet "
            f"(WAPE) var {format_percent(ours)} mot {format_percent(naive)} med konstant andel "
            f"av riket och {format_percent(previous)} med den tidigare metoden.")
    adjusted = declaration.figure("standard", "direction_adjusted")
    if not math.isnan(adjusted):
        lines.append(
            f"Rätt riktning för yrken som ändrades minst 5 %: "
            f"{format_percent(declaration.figure('standard', 'direction'))} mot registret och "
            f"{format_percent(adjusted)} mot registret justerat för seriebrott; rätt om ett "
            f"yrke växer snabbare än länets snitt: "
            f"{format_percent(declaration.figure('standard', 'faster'))} (BLS 52–67 %).")
    bins = _bins(declaration)
    if bins:
        rows = [line for line in bins if "SSYK3, " + str(horizon) + " år" in line]
        lines += [f"Täckning per storleksklass, län × SSYK3, {horizon} år: "
                  f"{rows[0].split(': ', 1)[1]}." if rows else ""]
    lines += [line for line in _path_worth(declaration) if line]
    return [line for line in lines if line]


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
        *MEASURES,
        "",
        "Mål:",
        *_targets(declaration),
        *_by_horizon(declaration),
        *_totals(declaration),
        *_bins(declaration),
        *_path_worth(declaration),
    ]
    lines += ["", *(f"Not: {note}" for note in meta.get("notes", []))]
    if meta.get("source") or meta.get("vintage"):
        vintage = plain_vintage(str(meta.get("vintage", "")))
        lines.append(f"Källa: {meta.get('source', '')}; {vintage}; egen "
                     f"bakåtprövning ({meta.get('created', '')}).")
    lines += ["", regional_age_quality_text()]
    return "\n".join(lines)
