"""The balance in plain Swedish: what it takes to close the gap, with its interval."""

from __future__ import annotations

from typing import Any

from ..numbers import fmt_dec, fmt_int


def rounded_persons(value: float) -> str:
    """Persons rounded for reading: to tens below 1 000, to hundreds above."""
    step = 10 if abs(value) < 1_000 else 100
    return fmt_int(round(value / step) * step)


def _per_year(gap: float, rate: float, years: int) -> float:
    """Extra net in-migration 20–64 a year that closes ``gap`` at the rate ``rate``."""
    return gap / max(rate, 1e-9) / max(years, 1)


RATE_WORDS = {"constant": "med dagens andel anställda per invånare",
              "trend": "med andelen anställda per invånare framskriven med sin dämpade trend"}


def gap_statement(row: Any, years: int, rates: str = "constant") -> str:
    """One or two sentences for a balance row (fields of ``Balance.table``); ``rates`` says
    how the supply's rates were projected ("constant" or "trend")."""
    year, name = int(row["year"]), str(row["region_name"])
    gap, low, high = float(row["gap"]), float(row["gap_lower"]), float(row["gap_upper"])
    rate, working = float(row["rate_20_64"]), float(row["working_age"])
    if not working > 0:  # no residents 20–64 in the data (e.g. a partial snapshot)
        return (f"{name}: befolkningen 20–64 år saknas i underlaget för {year}, så balansen "
                "mellan arbetskraft och beräknade anställda kan inte beräknas.")
    if gap <= 0:
        text = (f"{name}: {RATE_WORDS[rates]} räcker arbetskraften till "
                f"det beräknade antalet anställda {year} med omkring "
                f"{rounded_persons(-gap)} personer över (skattning).")
    else:
        needed = rate + gap / working
        digits = 0 if round(100 * rate) != round(100 * needed) else 1
        text = (f"{name}: för att möta det beräknade antalet anställda {year} behöver antalet "
                f"anställda per invånare 20–64 år öka från {fmt_dec(100 * rate, digits)}"
                f"{' (enligt trenden)' if rates == 'trend' else ''} till "
                f"{fmt_dec(100 * needed, digits)} procent, eller nettoinflyttningen i arbetsför "
                f"ålder bli omkring {rounded_persons(_per_year(gap, rate, years))} personer "
                "fler per år än i prognosen, om de inflyttade blir anställda i samma takt som "
                "länets 20–64-åringar (skattning).")
    band = (f" Gapet är {rounded_persons(gap)} personer (80 %-intervall "
            f"{rounded_persons(low)} till {rounded_persons(high)}).")
    if low < 0 < high:
        band += " Intervallet rymmer både brist och överskott."
    return text + band
