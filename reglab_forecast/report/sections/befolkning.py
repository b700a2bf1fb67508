"""Section "Befolkning och arbetskraft": who will be there against the projected need.

``build(ctx)`` reads the region and the employment projection of the shared context; the
population projection (cohort-component, every län), the labour supply at today's employees
per resident and the balance come from ``report.population_side``. Every number after the
base year is estimated, and the population of 2020–2025 is itself a bridged estimate.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib import rc_context

from ...demography.backtest import MEASURE_NAMES, METHODS
from ...demography.intervals import DECLARATION
from ...numbers import fmt_int, format_percent
from ...projection.model import Projection
from ...supply.labour import RATE_METHODS
from ...supply.statement import balance_reading, gap_phrase, oriented
from ..figures import Figure, new_figure, render_svg
from ..population_side import PopulationSide, population_side, run_population_side
from ..prose import prose_count, prose_pct, prose_range
from ..section import Section
from ..style import COLORS, RC_PARAMS, int_formatter
from ..tablespec import Column, Table

KEY = "befolkning"
HEADING = "Befolkning och arbetskraft"
SOURCE = ("Källa: SCB (befolkningsstatistik BE0101 1968–2019, månadsstatistik januari 2026, "
          "yrkesregistret); befolkningen 2020–2025 är en skattad brygga; egen framskrivning")
FLOW_ROWS = (
    ("entering", "Unga som fyller 20 år / börjar räknas (16 år)"),
    ("ageing_out", "Åldras ut (fyller 65 / 70 år)"),
    ("deaths", "Avlidna"),
    ("net_migration", "Nettoinflyttning"),
    ("age_shift", "Förskjutning mellan åldrar med olika andel anställda"),
    ("rate_effect", "Ändrad andel anställda per invånare"),
    ("change", "Förändring totalt"),
)


def _rates(side: PopulationSide) -> str:
    """How the supply's rates were projected, in words ("dagens andel …" or "… dämpad trend")."""
    return RATE_METHODS[side.balance.rate_method]


def _flows_table(side: PopulationSide, region: str, horizon: int) -> Table:
    summed = side.balance.over_horizon(horizon).set_index("region").loc[region]
    sign = {"ageing_out": -1, "deaths": -1}
    rows = [{"flow": label,
             "working_age": (sign.get(key, 1) * summed[f"wa_{key}"]
                             if f"wa_{key}" in summed.index else float("nan")),
             "supply": sign.get(key, 1) * summed[key]} for key, label in FLOW_ROWS]
    base = side.people.base_year
    columns = (
        Column("flow", "Flöde", "text", "Vad som ändrar antalet."),
        Column("working_age", "Invånare 20–64 år", "signed",
               f"Personer, summa {base + 1}–{horizon} (skattat)."),
        Column("supply", "Arbetskraftsutbud", "signed",
               f"Anställda 16–69 år, {_rates(side)}, summa {base + 1}–{horizon} "
               "(skattat)."),
    )
    return Table(key=f"{KEY}_floden", title=f"Flöden {base}–{horizon}: befolkningen 20–64 år "
                 "och arbetskraftsutbudet (skattat)", columns=columns,
                 frame=pd.DataFrame(rows).round(0),
                 source=f"{SOURCE}. Flödena summerar till förändringen.")


def _balance_table(side: PopulationSide, region: str, years: tuple[int, ...]) -> Table:
    table = side.balance.table
    frame = table[(table["region"] == region) & table["year"].isin(years)]
    columns = (
        Column("year", "År", "text", "Prognosår."),
        Column("employed", "Anställda (behov)", "int", "Beräknade anställda i länet (behovet)."),
        Column("supply", "Utbud", "int", f"Invånare 16–69 år × {_rates(side)} (bär "
               "nettopendlingen)."),
        Column("gap", "Gap", "signed", "Beräknade anställda minus utbud; positivt = brist."),
        Column("gap_lower", "Gap, lägre", "signed", "Nedre gräns, 80 % intervall."),
        Column("gap_upper", "Gap, högre", "signed", "Övre gräns, 80 % intervall."),
        Column("recruitment_need", "Rekryteringsbehov", "int",
               "Pensionsavgångar plus ökning från basåret (skattat)."),
    )
    frame = frame.assign(year=frame["year"].astype(str))[[c.key for c in columns]]
    return Table(key=f"{KEY}_balans", title="Beräknade anställda mot arbetskraftsutbud (skattat)",
                 columns=columns, frame=frame.round(0).reset_index(drop=True),
                 source=f"{SOURCE}; beräknade anställda från standardmetoden.")


def backtest_table() -> Table:
    """The population backtest as stored with the package (MAPE per län, percent)."""
    import json

    stored = json.loads(DECLARATION.read_text(encoding="utf-8"))
    frame = pd.DataFrame(stored["summary"])
    frame = frame[frame["measure"].isin(["total", "20-64"])]
    wide = frame.pivot_table(index=["origin", "horizon", "measure"], columns="method",
                             values="mape").reset_index()
    wide["measure"] = wide["measure"].map(MEASURE_NAMES)
    wide["origin"] = wide["origin"].astype(str) + " + " + wide["horizon"].astype(str) + " år"
    columns = (
        Column("origin", "Från", "text", "Prognosens startår och längd."),
        Column("measure", "Åldrar", "text", "Mått."),
        *(Column(key, name.capitalize(), "dec2", "Medelfel per län i procent (MAPE).")
          for key, name in METHODS.items()),
    )
    return Table(key=f"{KEY}_backtest", title="Befolkningsprognosens träffsäkerhet bakåt: "
                 "medelfel per län i procent", columns=columns,
                 frame=wide[[c.key for c in columns]].reset_index(drop=True),
                 source=f"Källa: SCB (BE0101); egen bakåtprövning. 80 %-intervallen täckte "
                        f"{prose_pct(100 * stored['coverage'])} av utfallen.")


def _figure(side: PopulationSide, region: str, region_name: str) -> Figure:
    table = side.balance.table.query("region == @region")
    people = side.people.totals((20, 64)).query(
        "region == @region and year <= @table.year.max()")
    fig, ax = new_figure(6.5)
    with rc_context(RC_PARAMS):
        # The supply is dashed and drawn last: where it lies on the employees' line (supply
        # and need about equal) both stay visible.
        for frame, value, low, high, label, colour, style in (
            (people, "population", "lower", "upper", "Invånare 20–64 år", COLORS["muted"], "-"),
            (table, "employed", "employed_lower", "employed_upper",
             "Beräknade anställda", COLORS["region"], "-"),
            (table, "supply", "supply_lower", "supply_upper",
             "Arbetskraftsutbud", COLORS["expansion"], "--"),
        ):
            ax.plot(frame["year"], frame[value], color=colour, label=label, linestyle=style)
            ax.fill_between(frame["year"], frame[low], frame[high], color=colour, alpha=0.15,
                            linewidth=0)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(int_formatter)
        ax.set_title(f"Befolkning och arbetskraft i {region_name} (skattat, 80 %-intervall)")
        ax.legend(loc="lower left", ncols=3)
        fig.subplots_adjust(left=0.1, right=0.98, top=0.88, bottom=0.17)
    last = int(table["year"].max())
    row = table[table["year"] == last].iloc[0]
    alt = (f"Linjediagram: invånare 20–64 år, arbetskraftsutbud och beräknade anställda i "
           f"{region_name} till {last}; utbud {fmt_int(row['supply'])}, anställda "
           f"{fmt_int(row['employed'])}.")
    return Figure("befolkning", render_svg(fig, f"{SOURCE}."), alt, 6.5)


LEVERS_NOTE = (" Scenariots antaganden om flyttning och andelen anställda per invånare (se "
               "sammanfattningen) ingår i befolkningen och utbudet nedan.")


def build_from(projection: Projection | pd.DataFrame | None, target_years: tuple[int, ...],
               region: str, region_name: str, side: PopulationSide | None = None) -> Section:
    """The section for ``region`` from a level-4 ``projection`` of every län (or its totals
    per region and year, see ``supply.balance.employment_totals``), or from its population
    ``side`` when given."""
    if side is None:
        assert projection is not None
        side = population_side(projection)
    horizon = max(target_years)
    statement = side.balance.statement(region, horizon)
    flows = side.balance.over_horizon(horizon).set_index("region").loc[region]
    paragraphs = (
        f"Befolkningen per län är framskriven med kohort-komponentmetoden från "
        f"{side.people.base_year}: dödlighet och fruktsamhet efter ålder och kön, "
        "nettoflyttning efter ålder ur den observerade förändringen. Åren 2020–2025 är en "
        "skattad brygga kalibrerad mot SCB:s månadsstatistik i januari 2026."
        + (LEVERS_NOTE if side.levers is not None else ""),
        f"Fram till {horizon} fyller omkring {fmt_int(round(flows['wa_entering'], -2))} "
        f"personer 20 år och omkring {fmt_int(round(flows['wa_ageing_out'], -2))} fyller 65 "
        "(skattat).",
        supply_paragraph(side),
        statement,
    )
    balance = _balance_table(side, region, target_years)
    return Section(key=KEY, heading=HEADING, paragraphs=paragraphs,
                   tables=(balance, _flows_table(side, region, horizon), backtest_table()),
                   figures=(_figure(side, region, region_name),),
                   summary=(summary_sentence(balance),))


def supply_paragraph(side: PopulationSide) -> str:
    """What the supply is, how its rates were projected and what the rates' backtest found."""
    from ...supply.rate_backtest import load_rate_trend

    text = ("Arbetskraftsutbudet är invånarna 16–69 år gånger antalet anställda per invånare "
            "i samma ålder och kön. De anställda räknas där de arbetar och invånarna där de bor, "
            "så andelen bär länets nettopendling; de anställdas ålder i länet är skattad.")
    if side.balance.rate_method == "trend":
        text += (" Andelarna utgår från basåret och följer sedan sin dämpade trend från "
                 "registrets år 2014–2024.")
    stored = load_rate_trend()
    wape = stored.wape
    return text + (
        f" I en bakåtprövning (startår {stored.origins[0]}–{stored.origins[-1]}, anställda "
        f"16–64 år per län, utfallet justerat för seriebrott) var felet fem år fram "
        f"{format_percent(wape['trend']['5'])} med dämpad trend och "
        f"{format_percent(wape['constant']['5'])} med oförändrad andel (tre år fram "
        f"{format_percent(wape['trend']['3'])} mot {format_percent(wape['constant']['3'])}); "
        f"{'trenden används' if stored.chosen == 'trend' else 'oförändrad andel används'}"
        f"{_bridged(stored.bridged_years)}.")


def _bridged(years: list[int]) -> str:
    if not years:
        return ""
    return f" (invånarna {years[0]}–{years[-1]} är den skattade befolkningsbryggan)"


def summary_sentence(balance: Table) -> str:
    """Page 1's sentence on the balance in the last year of the balance table, its figures
    taken from that table (``befolkning_balans``) and rounded alike (two significant digits,
    the interval's ends outwards); it quotes the gap and the employees, not two near-equal
    levels. A shortage or surplus is named only when the whole interval lies on that side of
    zero; otherwise supply and need are called about equal or the gap is said to lie within
    the uncertainty (``supply.statement.balance_reading``)."""
    row = balance.frame.iloc[-1]
    gap, low, high = (float(row[k]) for k in ("gap", "gap_lower", "gap_upper"))
    employed = float(row["employed"])
    reading = balance_reading(gap, low, high, employed)
    if reading == "equal":
        return (f"Arbetskraftsutbudet och det beräknade antalet anställda blir år "
                f"{row['year']} enligt prognosen ungefär lika stora, omkring "
                f"{prose_count(employed)}; skillnaden ligger inom osäkerheten (80 %-intervall "
                f"för skillnaden {prose_range(low, high)} personer).")
    band = f"80 %-intervall {prose_range(*oriented(gap, low, high))}"
    if reading == "within":
        return (f"Arbetskraftsutbudet år {row['year']} blir enligt prognosen "
                f"{gap_phrase(gap)}, omkring {prose_count(employed)}, men skillnaden ligger "
                f"inom osäkerheten ({band} personer).")
    verdict = "en brist" if gap > 0 else "ett överskott"
    return (f"Arbetskraftsutbudet år {row['year']} blir enligt prognosen {gap_phrase(gap)}, "
            f"omkring {prose_count(employed)}: {verdict} ({band}).")


def build(ctx: Any) -> Section:
    """The section for the context's region from the run's population side."""
    return build_from(None, ctx.targets, ctx.region, ctx.region_name,
                      side=run_population_side(ctx.inputs))
