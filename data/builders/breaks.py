"""Series breaks of the employment panel, checked against the data they describe.

The panel joins three SCB tables: YREG60 (2014–2018), YREG60N (2019) and YREG60BAS
(2020–2024). A break year is one whose change from the year before is partly a change of
measurement. The years and their Swedish notes are written once, here, into MANIFEST.json;
``reglab_forecast.snapshot.series_breaks()`` is the one reader.

The 2018 break is partial: SKR revised the AID job codes of the public sector in February
2018, and some occupations jump in level between 2017 and 2018. Which ones is read off the
data: an occupation (at least 1 000 employees on one side of the step) is affected when its
2017→2018 log change departs from its own mean clean change by more than 0.15 and by more
than three of its own standard deviations (at least 0.03). The same rule flags no occupation
in 2016, 2017, 2021, 2022 or 2024, and many in 2019, 2020 and 2023 — the table switches — which
is the evidence the checks record.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

FULL_BREAKS = {
    2019: "SCB bytte tabellserie: 2014–2018 kommer från tabellen YREG60 och 2019 från YREG60N, "
    "och yrkesregistrets underlag och metod ändrades mellan dem. Jämför nivåer mellan 2018 och "
    "2019 med försiktighet.",
    2020: "Från 2020 bygger uppgifterna på SCB:s nya statistik över befolkningens "
    "arbetsmarknadsstatus (tabellen YREG60BAS) i stället för den äldre registerbaserade "
    "arbetsmarknadsstatistiken. Jämför nivåer mellan 2019 och 2020 med försiktighet. "
    "Förändringen mellan 2021 och 2022 mäts på samma sätt och är vanlig tillväxt.",
    2023: "Från 2023 räknas anställda 16–69 år (tidigare 16–64 år), och SCB skattar yrket med "
    "en modell för anställda vars yrke inte är rapporterat. Antalet anställda ökar därför "
    "språngvis mellan 2022 och 2023; det beror på mätningen, inte på tillväxt.",
}
PARTIAL_YEAR = 2018
PARTIAL_TEXT = (
    "I februari 2018 ändrade Sveriges Kommuner och Regioner (SKR) de yrkeskoder som kommuner "
    "och regioner rapporterar för sina anställda, och SCB avråder från att jämföra yrken mellan "
    "2017 och 2018 utan försiktighet. Det gäller de yrken vars antal ändras språngvis mellan "
    "2017 och 2018 (till exempel 2412 +52 %, 3333 −40 %, 5322 −87 %); övriga yrken jämförs "
    "som vanligt."
)
MIN_SIZE = 1000
MIN_EXCESS = 0.15
MIN_Z = 3.0
MIN_SD = 0.03


def _log_changes(frame: pd.DataFrame) -> pd.DataFrame:
    national = frame.groupby(["ssyk", "year"])["employed"].sum().unstack("year")
    return np.log(national + 1.0).diff(axis=1)


def shifted_occupations(frame: pd.DataFrame, year: int) -> list[str]:
    """SSYK4 codes whose national change into ``year`` is a level shift (module docstring)."""
    national = frame.groupby(["ssyk", "year"])["employed"].sum().unstack("year")
    changes = _log_changes(frame)
    suspect = [*FULL_BREAKS, PARTIAL_YEAR, int(changes.columns[0])]
    clean = changes.drop(columns=[c for c in changes.columns if c in suspect])
    excess = changes[year] - clean.mean(axis=1)
    spread = np.maximum(clean.std(axis=1), MIN_SD)
    large = np.maximum(national[year - 1], national[year]) >= MIN_SIZE
    flagged = large & (excess.abs() > MIN_EXCESS) & (excess.abs() / spread > MIN_Z)
    return sorted(str(code) for code in flagged[flagged].index)


def series_breaks(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The manifest's ``series_breaks`` for the employment panel (``ssyk`` only if partial)."""
    partial = {"year": PARTIAL_YEAR, "sv": PARTIAL_TEXT,
               "ssyk": shifted_occupations(frame, PARTIAL_YEAR)}
    full = [{"year": year, "sv": text} for year, text in FULL_BREAKS.items()]
    return [partial, *full]


def break_evidence(frame: pd.DataFrame, national_total: pd.Series) -> dict[str, Any]:
    """Checks that back the break years: growth, level shifts per year, gap to Riket."""
    totals = frame.groupby("year")["employed"].sum()
    growth = (totals.pct_change() * 100).round(2).dropna()
    years = [int(y) for y in totals.index[1:]]
    return {
        "national_growth_percent": {str(y): float(v) for y, v in growth.items()},
        "occupations_with_level_shift": {str(y): len(shifted_occupations(frame, y))
                                         for y in years},
        "riket_minus_lan_sum": {str(y): int(national_total[y] - totals[y])
                                for y in totals.index if y in national_total.index},
    }
