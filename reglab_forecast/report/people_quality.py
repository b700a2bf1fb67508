"""Plain sentences for the method section: how the län totals' intervals and the labour
supply's rates were chosen, with the figures their backtests measured.

Both read what the backtests stored with the package: the quality declaration
(``projection.load_quality_declaration``: ``meta['totals_bias']`` and the län totals' row of
``coverage_bins``) and the rate backtest (``supply.rate_backtest.load_rate_trend``). A
missing store gives no sentence rather than a guess.
"""

from __future__ import annotations

from ..errors import SnapshotError
from ..numbers import format_percent


def totals_interval_text(horizon: int = 5) -> str:
    """The län totals' lean against the outcomes and their symmetric 80 % interval."""
    from ..projection import load_quality_declaration

    try:
        declaration = load_quality_declaration()
    except SnapshotError:
        return ""
    bias = declaration.meta.get("totals_bias", {})
    bins = declaration.coverage_bins
    if f"median_{horizon}" not in bias or bins.empty:
        return ""
    rows = bins[(bins["level"] == 0) & (bins["horizon"] == horizon)]
    if rows.empty:
        return ""
    return (f"Länens totala antal anställda har i bakåtprövningen oftast blivit högre än "
            f"prognosen: {horizon} år fram låg {format_percent(bias[f'above_{horizon}'], 0)} av "
            f"utfallen över, i median {format_percent(bias[f'median_{horizon}'], plus=True)}. "
            "Intervallet för länets total är därför lika brett åt båda hållen och rymde "
            f"{format_percent(float(rows['coverage_adjusted'].iloc[0]), 0)} av utfallen "
            f"{horizon} år fram.")


def supply_rate_text() -> str:
    """How the employees per resident of the labour supply are projected, and why."""
    from ..supply.rate_backtest import load_rate_trend

    try:
        stored = load_rate_trend()
    except SnapshotError:
        return ""
    wape = stored.wape
    choice = ("följer andelen anställda per invånare sin dämpade trend"
              if stored.chosen == "trend" else "hålls andelen anställda per invånare på "
              "basårets nivå")
    return (f"I arbetskraftsutbudet {choice}: i en bakåtprövning blev felet i anställda per "
            f"län fem år fram {format_percent(wape['trend']['5'])} med dämpad trend och "
            f"{format_percent(wape['constant']['5'])} med oförändrad andel.")
