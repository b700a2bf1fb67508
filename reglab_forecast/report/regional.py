"""The standard indicators of every län and Riket, shared by the brief and the comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .breaks import adjusted_change, national_adjusted_change
from .cells import PAST_YEARS, RIKET
from .tablespec import Column

if TYPE_CHECKING:
    from .inputs import ReportInputs

__all__ = ["region_columns", "regions_frame"]


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
    _add_intervals(frame, inputs.target_years, horizon)
    lan = frame[frame["region"] != RIKET].sort_values(["need_pct", "region"],
                                                      ascending=[False, True])
    riket = frame[frame["region"] == RIKET]
    return pd.concat([riket, lan], ignore_index=True)


def _add_intervals(frame: pd.DataFrame, targets: tuple[int, ...], horizon: int) -> None:
    """80 % intervals of the projected indicators, and each län's group against Riket.

    The change to T has the interval of the län's projected total. The need's interval is
    that same interval laid on the need (retirements counted as known): need ± the distance
    from the projection to the interval's bounds, in percent of the base year.
    """
    e0 = frame["employed"]
    for t in targets:
        frame[f"change_{t}_lower"] = 100 * (frame[f"lower_{t}"] / e0 - 1)
        frame[f"change_{t}_upper"] = 100 * (frame[f"upper_{t}"] / e0 - 1)
    h = horizon
    below = 100 * (frame[f"proj_{h}"] - frame[f"lower_{h}"]) / e0
    above = 100 * (frame[f"upper_{h}"] - frame[f"proj_{h}"]) / e0
    frame["need_pct_lower"] = frame["need_pct"] - below
    frame["need_pct_upper"] = frame["need_pct"] + above
    for column in ("need_pct", f"change_{h}"):
        frame[f"{column}_group"] = group_against_riket(frame, column)


GROUPS = ("högre än riket", "som riket", "lägre än riket")


def group_against_riket(frame: pd.DataFrame, column: str) -> list[str]:
    """'som riket' when Riket's value lies inside the län's 80 % interval, else higher or
    lower; Riket's own row gets ''."""
    riket = float(frame.loc[frame["region"] == RIKET, column].iloc[0])
    groups = []
    for region, low, high in zip(frame["region"], frame[f"{column}_lower"],
                                 frame[f"{column}_upper"], strict=True):
        if region == RIKET:
            groups.append("")
        elif low > riket:
            groups.append(GROUPS[0])
        elif high < riket:
            groups.append(GROUPS[2])
        else:
            groups.append(GROUPS[1])
    return groups


def _ratio(inputs: ReportInputs, region: str) -> float:
    ratio = inputs.demography.get(region)
    return float("nan") if ratio is None else ratio.value


def region_columns(inputs: ReportInputs, t0: int, past: int, horizon: int) -> list[Column]:
    columns = [
        Column("region", "Kod", "text", "Länskod (SCB); 00 = riket."),
        Column("region_name", "Län", "text",
               "Länet där de anställda arbetar; Riket = hela landet."),
        Column("employed", f"Anst. {t0}", "int", f"Anställda {t0}."),
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
               f"Pensionsavgångar {t0}–{horizon} i procent av anställda {t0}."),
        Column("need_pct", "Rekr.behov %", "pct",
               f"Rekryteringsbehov {t0}–{horizon} i procent av anställda {t0}."),
        Column("need_pct_group", "Behov mot riket", "text",
               "Högre än, som eller lägre än riket: 'som riket' när rikets värde ligger inom "
               "länets 80 %-intervall för behovet."),
        Column("share_55", "Andel 55+ (uppsk.)", "pct",
               "Andel anställda 55 år eller äldre, skattad för länet (ingen räkning)."),
        Column("demography", "Unga/äldre", "dec2",
               "Personer som fyller 20 per person som fyller 65 från befolkningsprognosens "
               "basår till prognosåret (skattat): inflöde mot utflöde i arbetsför ålder."),
    ]
