"""Tables of sections 6–9: the län side by side, health and care, gender balance, sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .breaks import adjusted_change, national_adjusted_change
from .cells import PAST_YEARS, RIKET
from .tablespec import Column, Table

if TYPE_CHECKING:
    from .inputs import ReportInputs
    from .tables import BriefContext

LARGEST_N = 12


def _tbl(*args, **kwargs) -> Table:  # type: ignore[no-untyped-def]
    from .tables import _table

    return _table(*args, **kwargs)


def regions_frame(sums: pd.DataFrame, inputs: ReportInputs, horizon: int) -> pd.DataFrame:
    """The standard indicators for every län and Riket, ranked by recruitment need."""
    frame = sums.copy() if "region" in sums.columns else sums.reset_index()
    e0 = frame["employed"]
    frame["region_name"] = [inputs.region_names.get(r, "Riket" if r == RIKET else r)
                            for r in frame["region"]]
    frame["change_past"] = 100 * (e0 / frame["employed_past"] - 1)
    t0 = inputs.base_year
    riket_adjusted = national_adjusted_change(inputs.employment, t0 - PAST_YEARS, t0)
    riket_change = float(frame.loc[frame["region"] == RIKET, "change_past"].iloc[0])
    frame["change_adj"] = adjusted_change(frame["change_past"], riket_change, riket_adjusted)
    for t in inputs.target_years:
        frame[f"change_{t}"] = 100 * (frame[f"proj_{t}"] / e0 - 1)
    frame["replacement_pct"] = 100 * frame[f"replacement_{horizon}"] / e0
    frame["need_pct"] = 100 * frame[f"need_{horizon}"] / e0
    frame["demography"] = [_ratio(inputs, r) for r in frame["region"]]
    lan = frame[frame["region"] != RIKET].sort_values(["need_pct", "region"],
                                                      ascending=[False, True])
    lan["rank"] = range(1, len(lan) + 1)
    riket = frame[frame["region"] == RIKET].assign(rank=float("nan"))
    return pd.concat([riket, lan], ignore_index=True)


def _ratio(inputs: ReportInputs, region: str) -> float:
    ratio = inputs.demography.get(region)
    return float("nan") if ratio is None else ratio.value


def region_columns(inputs: ReportInputs, t0: int, past: int, horizon: int) -> list[Column]:
    columns = [
        Column("rank", "Rang", "int",
               "Placering bland de 21 länen efter rekryteringsbehov i procent."),
        Column("region", "Kod", "text", "Länskod (SCB); 00 = riket."),
        Column("region_name", "Län", "text", "Länet (arbetsställets län); Riket = hela landet."),
        Column("employed", f"Syss. {t0}", "int", f"Förvärvsarbetande {t0}."),
        Column("change_past", f"Register {past}–{t0}", "signed_pct",
               "Förändring senaste fem åren i procent enligt registret, inkl. seriebrott."),
        Column("change_adj", f"Justerad {past}–{t0}", "signed_pct",
               "Förändring senaste fem åren i procent, skattad och justerad för seriebrott: "
               "länets förändring relativt riket tillämpad på rikets justerade förändring."),
    ]
    columns += [Column(f"change_{t}", f"Prognos {t0}–{t}", "signed_pct",
                       f"Prognostiserad förändring {t0}–{t} i procent.")
                for t in inputs.target_years]
    return columns + [
        Column("replacement_pct", "Pension %", "pct",
               f"Pensionsavgångar {t0}–{horizon} i procent av sysselsatta {t0}."),
        Column("need_pct", "Rekr.behov %", "pct",
               f"Rekryteringsbehov {t0}–{horizon} i procent av sysselsatta {t0}."),
        Column("share_55", "Andel 55+", "pct", "Andel sysselsatta 55 år eller äldre (uppskattad)."),
        Column("demography", "Unga/äldre", "dec2",
               "Personer 10–19 år per person 55–64 år: inflöde mot utflöde i arbetsför ålder."),
    ]


def table_regions(ctx: BriefContext) -> Table:
    frame = regions_frame(ctx.sums, ctx.inputs, ctx.horizon)
    highlight = tuple(int(i) for i in frame.index[frame["region"].isin([ctx.region, RIKET])])
    return _tbl("lan", f"{ctx.region_name} jämfört med riket och övriga län",
                region_columns(ctx.inputs, ctx.t0, ctx.past, ctx.horizon), frame,
                ctx.source("SCB, YREG och befolkningsstatistik; egen prognos"),
                "Länen ordnade efter rekryteringsbehov i procent av sysselsatta.", highlight)


def _health_frame(ctx: BriefContext) -> pd.DataFrame:
    from .tables import HEALTH_CARE_PREFIXES, _need_frame

    t = ctx.horizon
    cells = _need_frame(ctx)
    cells = cells[cells["ssyk"].str.startswith(HEALTH_CARE_PREFIXES)]
    cells["change_past"] = 100 * (cells["employed"] / cells["employed_past"].where(
        cells["employed_past"] > 0) - 1)
    top = cells.sort_values([f"need_{t}", "ssyk"], ascending=[False, True]).head(15)
    total = cells[["employed", "employed_past", f"proj_{t}", f"replacement_{t}", f"need_{t}",
                   "old", "ads"]].sum(min_count=1)
    total_row = {"ssyk": "", "ssyk_name": "Vård och omsorg totalt", **total.to_dict()}
    total_row["change_past"] = 100 * (total["employed"] / total["employed_past"] - 1)
    total_row["change"] = 100 * (total[f"proj_{t}"] / total["employed"] - 1)
    total_row["share_55"] = 100 * total["old"] / total["employed"]
    total_row["need_rate"] = 100 * total[f"need_{t}"] / total["employed"]
    total_row["ads_per_100"] = 100 * total["ads"] / total["employed"]
    return pd.concat([top, pd.DataFrame([total_row])], ignore_index=True)


def table_health_care(ctx: BriefContext) -> Table:
    t = ctx.horizon
    frame = _health_frame(ctx)
    columns = [
        Column("ssyk", "SSYK", "text", "Yrkesgrupp enligt SSYK 2012."),
        Column("ssyk_name", "Yrke", "text", "Yrkesgruppens namn."),
        Column("employed", f"Syss. {ctx.t0}", "int", f"Förvärvsarbetande {ctx.t0}."),
        Column("change_past", f"{ctx.past}–{ctx.t0}", "signed_pct",
               "Förändring senaste fem åren enligt registret, inkl. seriebrott."),
        Column("change", f"{ctx.t0}–{t}", "signed_pct", f"Prognostiserad förändring {ctx.t0}–{t}."),
        Column("share_55", "Andel 55+", "pct", "Andel 55 år eller äldre (uppskattad)."),
        Column(f"need_{t}", "Rekr.­behov", "int", f"Rekryteringsbehov {ctx.t0}–{t}."),
        Column("need_rate", "Behov %", "pct", "Rekryteringsbehovet i procent av sysselsatta."),
        Column("af_rating", "AF brist­värde", "int", "Yrkesprognosens bristvärde 1–5, riket."),
        Column("ads_per_100", "Annonser /100", "dec", "Annonser 2024 per 100 sysselsatta."),
    ]
    return _tbl("vard_omsorg", "Fokus: vård- och omsorgsyrken", columns, frame,
                ctx.source("SCB, YREG; Arbetsförmedlingen; egen prognos"),
                "De 15 vård- och omsorgsyrken med störst rekryteringsbehov samt summan för "
                "samtliga vård- och omsorgsyrken.", (len(frame) - 1,))


def _balance(share: float) -> str:
    if share >= 60:
        return "kvinnodominerat"
    if share <= 40:
        return "mansdominerat"
    return "jämnt"


def table_gender(ctx: BriefContext) -> Table:
    cells = ctx.cells.sort_values(["employed", "ssyk"], ascending=[False, True]).head(LARGEST_N)
    cells = cells.assign(
        women_share=100 * cells["women"] / cells["employed"],
        women_share_past=100 * cells["women_past"] / cells["employed_past"].where(
            cells["employed_past"] > 0),
    )
    cells["women_change"] = cells["women_share"].round(1) - cells["women_share_past"].round(1)
    cells["balance"] = [_balance(s) for s in cells["women_share"].round(1)]
    columns = [
        Column("ssyk", "SSYK", "text", "Yrkesgrupp enligt SSYK 2012."),
        Column("ssyk_name", "Yrke", "text", "Yrkesgruppens namn."),
        Column("employed", f"Syss. {ctx.t0}", "int", f"Förvärvsarbetande {ctx.t0}."),
        Column("women_share_past", f"Andel kvinnor {ctx.past}", "pct",
               f"Andel kvinnor {ctx.past}."),
        Column("women_share", f"Andel kvinnor {ctx.t0}", "pct", f"Andel kvinnor {ctx.t0}."),
        Column("women_change", "Förändring (%-enh.)", "signed_dec",
               "Förändring av andelen kvinnor i procentenheter."),
        Column("balance", "Fördelning", "text",
               "Jämn: 40–60 % kvinnor; annars kvinno- eller mansdominerat."),
    ]
    return _tbl("kon", "Könsfördelning i de största yrkena", columns, cells,
                ctx.source())


def table_sources(ctx: BriefContext) -> list[Table]:
    """Sources with vintages, and the quality declaration when the backtest is available."""
    from .method import table_datasets
    from .quality import table_quality

    return [*table_quality(ctx), table_datasets(ctx)]
