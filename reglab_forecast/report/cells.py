"""One wide frame per run: every län × SSYK4 cell with all the figures a brief shows.

Each table of the brief is then a filter, a sort and a rename of this frame (or of its sums per
region), which keeps the tables small and consistent with each other. Columns::

    region, ssyk, ssyk_name, employed, employed_past, women, women_past, share_55,
    proj_<T>, lower_<T>, upper_<T>, expansion_<T>, replacement_<T>, need_<T>   (each target T)
    ads, af_rating (Yrkesprognos, Riket), af_outlook, af_opportunities, af_round (Yrkesbarometer,
    per län; may hold for a larger area)

``employed`` is the base year T0, ``*_past`` is T0 − 5, ``share_55`` the share aged 55+ in
percent (from the projection: the occupation's national age structure applied to the region).
"""

from __future__ import annotations

import pandas as pd

from .inputs import ReportInputs

__all__ = ["PAST_YEARS", "build_cells", "region_sums", "RIKET"]

PAST_YEARS = 5
RIKET = "00"
SUMMED = ("employed", "employed_past", "women", "women_past", "old", "ads")
PER_TARGET = ("proj", "lower", "upper", "expansion", "replacement", "need")


def _history(inputs: ReportInputs) -> pd.DataFrame:
    t0 = inputs.base_year
    emp = inputs.employment
    emp = emp[emp["year"].isin([t0, t0 - PAST_YEARS])]
    wide = emp.pivot_table(
        index=["region", "ssyk"], columns=["year", "sex"], values="employed",
        aggfunc="sum", fill_value=0,
    )
    out = pd.DataFrame(index=wide.index)
    out["employed"] = wide[(t0, "men")] + wide[(t0, "women")]
    out["employed_past"] = wide[(t0 - PAST_YEARS, "men")] + wide[(t0 - PAST_YEARS, "women")]
    out["women"] = wide[(t0, "women")]
    out["women_past"] = wide[(t0 - PAST_YEARS, "women")]
    return out


def share_55(inputs: ReportInputs) -> pd.Series:
    """Share aged 55+ (0–1) per län × SSYK4 in the base year, as the projection estimated it."""
    table = inputs.projection.table
    first = table[table["year"] == table["year"].min()]
    return first.set_index(["region", "ssyk"])["share_55plus"]


def _projection(inputs: ReportInputs) -> pd.DataFrame:
    table = inputs.projection.table.rename(
        columns={"employed": "proj", "recruitment_need": "need"}
    )
    wide = table.pivot_table(index=["region", "ssyk"], columns="year",
                             values=list(PER_TARGET), aggfunc="sum")
    wide.columns = [f"{pair[0]}_{pair[1]}" for pair in wide.columns]
    return wide


def _external(inputs: ReportInputs, cells: pd.DataFrame) -> pd.DataFrame:
    """Join ads (per län × SSYK4) and Arbetsförmedlingen's ratings where the data has them."""
    out = cells
    if inputs.ads is not None:
        ads = inputs.ads.groupby(["region", "ssyk"])["ads"].sum()
        out = out.join(ads, how="left")
    else:
        out["ads"] = float("nan")
    out["af_rating"] = float("nan")
    out["af_outlook"] = None
    if inputs.af_view is not None:
        out = _join_af(out, inputs.af_view)
    if inputs.barometer is not None:
        out = _join_af(out, inputs.barometer)
    else:
        out["af_opportunities"] = None
    return out


def _join_af(cells: pd.DataFrame, af: pd.DataFrame) -> pd.DataFrame:
    keys = ["region", "ssyk"] if "region" in af.columns else ["ssyk"]
    cols = [c for c in ("af_rating", "af_outlook", "af_opportunities", "af_round")
            if c in af.columns]
    joined = cells.drop(columns=cols, errors="ignore").reset_index().merge(
        af[keys + cols].drop_duplicates(keys), on=keys, how="left"
    )
    return joined.set_index(["region", "ssyk"])


def build_cells(inputs: ReportInputs) -> pd.DataFrame:
    """The wide län × SSYK4 frame (Riket not included; see :func:`region_sums`)."""
    cells = _history(inputs).join(_projection(inputs), how="left")
    share = share_55(inputs).reindex(cells.index).fillna(0.0)
    cells["old"] = cells["employed"] * share
    cells["share_55"] = 100 * share
    ssyk = cells.index.get_level_values("ssyk")
    cells = _external(inputs, cells)
    cells["ssyk_name"] = [inputs.ssyk_names.get(code, code) for code in ssyk]
    return cells.reset_index()


def region_sums(cells: pd.DataFrame, inputs: ReportInputs) -> pd.DataFrame:
    """Sums per län plus Riket ("00"), with the projection's own intervals where it has them."""
    columns = [c for c in cells.columns if c in SUMMED or c.split("_")[0] in PER_TARGET]
    lan = cells.groupby("region")[columns].sum(min_count=1)
    riket = lan.sum(min_count=1).to_frame(RIKET).T
    sums = pd.concat([lan, riket])
    sums.index.name = "region"
    totals = inputs.projection.totals
    if totals is not None:
        for year in inputs.target_years:
            own = totals[totals["year"] == year].set_index("region")
            for bound in ("lower", "upper"):
                sums[f"{bound}_{year}"] = own[bound].reindex(sums.index)
    sums["share_55"] = 100 * sums["old"] / sums["employed"]
    return sums.reset_index()
