"""Whether the län differ by more than the uncertainty, in plain Swedish.

Reads the standard indicators of every län (``regional.regions_frame``): the projected
change of employees to the horizon, ``change_<h>``, with its 80 % interval
(``_lower``/``_upper``) and its group against Riket (``_group``). Two tests, both on those
columns: is Riket's change inside the län's interval (the län "som riket"), and is the spread
of all län's projected changes smaller than the width of a typical län's interval.
"""

from __future__ import annotations

import pandas as pd

from .cells import RIKET
from .prose import prose_signed_pct
from .regional import GROUPS


def _lan(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["region"] != RIKET]


def spread_and_width(frame: pd.DataFrame, horizon: int) -> tuple[float, float, float]:
    """Lowest and highest projected change of the län, and the median width of their 80 %
    intervals (percentage points)."""
    column = f"change_{horizon}"
    lan = _lan(frame)
    width = (lan[f"{column}_upper"] - lan[f"{column}_lower"]).median()
    return float(lan[column].min()), float(lan[column].max()), float(width)


def spread_clause(frame: pd.DataFrame, horizon: int) -> str:
    """'Länens beräknade förändringar … mindre än osäkerheten.' or '' when they differ more."""
    low, high, width = spread_and_width(frame, horizon)
    if high - low >= width:
        return ""
    return (f"Länens beräknade förändringar ligger mellan {prose_signed_pct(low)} och "
            f"{prose_signed_pct(high)}, ett spann mindre än ett läns 80 %-intervall (i median "
            f"omkring {width:.0f} procentenheter brett): länen skiljer sig mindre än "
            "osäkerheten.")


def region_sentence(frame: pd.DataFrame, region: str, name: str, t0: int, horizon: int,
                    spread: bool = True) -> str:
    """The län's projected change against Riket's, with the uncertainty, in one sentence,
    followed (``spread``) by the spread clause (Riket's own row: only the spread clause)."""
    column = f"change_{horizon}"
    if region == RIKET:
        return spread_clause(frame, horizon)
    row = frame[frame["region"] == region].iloc[0]
    riket = float(frame.loc[frame["region"] == RIKET, column].iloc[0])
    mine, low, high = (float(row[c]) for c in (column, f"{column}_lower", f"{column}_upper"))
    group = str(row[f"{column}_group"])
    change = f"Den beräknade förändringen av antalet anställda {t0}–{horizon}"
    if group == GROUPS[1]:
        text = (f"{change} i {name}, {prose_signed_pct(mine)}, skiljer sig från rikets "
                f"{prose_signed_pct(riket)} mindre än osäkerheten: länets 80 %-intervall "
                f"({prose_signed_pct(low)} till {prose_signed_pct(high)}) rymmer rikets värde.")
    else:
        how = "snabbare" if group == GROUPS[0] else "långsammare"
        text = (f"{change} i {name}, {prose_signed_pct(mine)}, är {how} än rikets "
                f"{prose_signed_pct(riket)} även med osäkerheten medräknad (80 %-intervall "
                f"{prose_signed_pct(low)} till {prose_signed_pct(high)}).")
    clause = spread_clause(frame, horizon) if spread else ""
    return f"{text} {clause}" if clause else text


def compare_sentence(frame: pd.DataFrame, t0: int, horizon: int) -> str:
    """For the comparison: how many län's intervals hold Riket's change, and the spread."""
    lan = _lan(frame)
    like = int((lan[f"change_{horizon}_group"] == GROUPS[1]).sum())
    text = (f"För {like} av {len(lan)} län rymmer länets 80 %-intervall rikets beräknade "
            f"förändring av antalet anställda {t0}–{horizon}.")
    clause = spread_clause(frame, horizon)
    return f"{text} {clause}" if clause else text
