"""The balance in plain Swedish: what it takes to close the gap, with its interval."""

from __future__ import annotations

from typing import Any

from ..numbers import fmt_dec
from ..prose import NBSP, prose_count, prose_range


def _per_year(gap: float, rate: float, years: int) -> float:
    """Extra net in-migration 20–64 a year that closes ``gap`` at the rate ``rate``."""
    return gap / max(rate, 1e-9) / max(years, 1)


RATE_WORDS = {"constant": "med dagens andel anställda per invånare",
              "trend": "med andelen anställda per invånare framskriven med sin dämpade trend"}


NEARLY_EQUAL = 0.01  # a gap under 1 % of the employees is called "about equal"


def balance_reading(gap: float, low: float, high: float, employed: float) -> str:
    """How prose reads a balance (``gap`` = employees − supply, its 80 % interval ``low`` to
    ``high``, persons): "equal" when the gap rounds to zero persons, or when the interval holds
    both signs and the gap is under :data:`NEARLY_EQUAL` of the employees; "within" when the
    interval holds both signs but the gap is larger (quoted, said to lie within the
    uncertainty); otherwise "shortage" (gap above zero) or "surplus". The page-1 sentence and
    the population section's statement both read the balance here, so they cannot disagree."""
    if round(gap) == 0 or (low < 0 < high and abs(gap) < NEARLY_EQUAL * abs(employed)):
        return "equal"
    if low < 0 < high:
        return "within"
    return "shortage" if gap > 0 else "surplus"


def oriented(gap: float, low: float, high: float) -> tuple[float, float]:
    """The gap's 80 % interval turned the way :func:`gap_phrase` states the gap: as the
    shortfall of the supply when the gap is above zero, as its excess otherwise."""
    return (low, high) if gap > 0 else (-high, -low)


def gap_phrase(gap: float) -> str:
    """'omkring 12 000 personer större än det beräknade antalet anställda': the supply set
    against the need, ``gap`` being employees minus supply (persons)."""
    more = "större" if gap < 0 else "mindre"
    return f"omkring {prose_count(abs(gap))} personer {more} än det beräknade antalet anställda"


def _shortage(row: Any, gap: float, years: int, rates: str) -> str:
    rate, working = float(row["rate_20_64"]), float(row["working_age"])
    needed = rate + gap / working
    digits = 0 if round(100 * rate) != round(100 * needed) else 1
    return (f"för att möta det beräknade antalet anställda {int(row['year'])} behöver antalet "
            f"anställda per invånare 20–64 år öka från {fmt_dec(100 * rate, digits)}{NBSP}%"
            f"{' (enligt trenden)' if rates == 'trend' else ''} till "
            f"{fmt_dec(100 * needed, digits)}{NBSP}%, eller nettoinflyttningen i arbetsför "
            f"ålder bli omkring {prose_count(_per_year(gap, rate, years))} personer "
            "fler per år än i prognosen, om de inflyttade blir anställda i samma takt som "
            "länets 20–64-åringar (skattning).")


def gap_statement(row: Any, years: int, rates: str = "constant") -> str:
    """One or two sentences for a balance row (fields of ``Balance.table``); ``rates`` says
    how the supply's rates were projected ("constant" or "trend"). Counts are rounded as in
    the rest of the prose (two significant digits, range ends outwards); a shortage or surplus
    is named only when :func:`balance_reading` finds one, otherwise the text says the two are
    about equal or that the gap lies within the uncertainty."""
    year, name = int(row["year"]), str(row["region_name"])
    gap, low, high = float(row["gap"]), float(row["gap_lower"]), float(row["gap_upper"])
    if not float(row["working_age"]) > 0:  # no residents 20–64 (e.g. a partial snapshot)
        return (f"{name}: befolkningen 20–64 år saknas i underlaget för {year}, så balansen "
                "mellan arbetskraft och beräknade anställda kan inte beräknas.")
    band = f"80 %-intervall för skillnaden {prose_range(low, high)} personer"
    reading = balance_reading(gap, low, high, float(row["supply"]) + gap)
    if reading == "equal":
        return (f"{name}: {RATE_WORDS[rates]} är arbetskraften och det beräknade antalet "
                f"anställda {year} ungefär lika stora; skillnaden ligger inom osäkerheten "
                f"({band}, skattning).")
    if reading == "within":
        return (f"{name}: {RATE_WORDS[rates]} blir arbetskraften {year} {gap_phrase(gap)}, "
                f"men skillnaden ligger inom osäkerheten (80 %-intervall "
                f"{prose_range(*oriented(gap, low, high))} personer, skattning).")
    if gap < 0:
        text = (f"{RATE_WORDS[rates]} räcker arbetskraften till det beräknade antalet "
                f"anställda {year} med omkring {prose_count(-gap)} personer över (skattning).")
    else:
        text = _shortage(row, gap, years, rates)
    which = "Bristen" if gap > 0 else "Överskottet"
    return (f"{name}: {text} {which} är omkring {prose_count(abs(gap))} personer "
            f"(80 %-intervall {prose_range(*oriented(gap, low, high))}).")
