"""The quality declaration (the projection's backtest) as tables of the brief."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from .tablespec import Column, Table, round_frame

if TYPE_CHECKING:
    from .context import BriefContext

METHOD_NAMES = {
    "standard": "Standardmetoden (denna prognos)",
    "no_change": "Ingen förändring",
    "constant_shares": "Konstanta yrkesandelar",
    "national_trend": "Endast nationell trend",
    "national_path_known": "Med känd nationell bana (jämförelse)",
}
METRICS = ("wape", "wape_totals_known", "direction", "faster", "coverage")


def quality_frames(declaration: Any) -> dict[str, Any]:
    """Headline and per-horizon metrics in percent, methods named in Swedish."""
    def percent(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        for metric in METRICS:
            out[metric] = 100 * out[metric]
        out["method"] = [METHOD_NAMES.get(m, m) for m in out["method"]]
        return out

    headline = declaration.headline.copy()
    headline["order"] = [list(METHOD_NAMES).index(m) if m in METHOD_NAMES else 9
                         for m in headline["method"]]
    headline = percent(headline.sort_values("order"))
    horizon = percent(declaration.by_horizon[declaration.by_horizon["method"] == "standard"])
    meta = declaration.meta
    from ..projection.declaration_text import plain_summary

    notes = [*plain_summary(declaration), *meta.get("notes", [])]
    return {"headline": headline, "by_horizon": horizon, "notes": notes,
            "horizon": meta.get("headline_horizon"), "origins": meta.get("headline_origins", []),
            "level": meta.get("level", "län × SSYK3")}


_METRIC_COLUMNS = [
    Column("wape", "Genomsnittligt fel", "pct",
           "Summan av felen (utan tecken) delat med summan av utfallen (WAPE)."),
    Column("wape_totals_known", "Fel, känd länssumma", "pct",
           "Genomsnittligt fel när länets totala antal anställda är känt: bara fördelningen "
           "på yrken prövas."),
    Column("direction", "Rätt riktning", "pct",
           "Andel yrken i länen med minst 5 % förändring där riktningen (upp/ned) blev rätt."),
    Column("faster", "Rätt om snabbare än snittet", "pct",
           "Andel yrken i länen rätt placerade över eller under länets tillväxt."),
    Column("coverage", "Täckning 80 %-intervall", "pct",
           "Andel utfall inom 80 %-intervallet; bör ligga nära 80 %."),
]


def table_quality(ctx: BriefContext) -> list[Table]:
    """The backtest's headline figures and the standard method by horizon (empty if absent)."""
    quality = ctx.inputs.projection.quality
    if not quality:
        return []
    origins = "–".join(str(o) for o in (quality["origins"][0], quality["origins"][-1]))
    source = ctx.source("SCB, YREG; bakåtprövning av metoden")
    headline_columns = (Column("method", "Metod", "text", "Prognosmetod eller jämförelsemetod."),
                        *_METRIC_COLUMNS)
    horizon_columns = (Column("horizon", "Horisont (år)", "int",
                              "Antal år mellan startår och utfall."), *_METRIC_COLUMNS)
    return [
        Table("kvalitet", f"Träffsäkerhet bakåt i tiden ({quality['level']}, "
              f"{quality['horizon']} år, startår {origins})", headline_columns,
              round_frame(quality["headline"], headline_columns).reset_index(drop=True), source,
              highlight=(0,)),
        Table("kvalitet_horisont", "Standardmetoden per prognoshorisont", horizon_columns,
              round_frame(quality["by_horizon"], horizon_columns).reset_index(drop=True), source),
    ]
