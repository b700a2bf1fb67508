"""Section "Utbildning och kompetens": the need by education level and field, and the verdicts.

``build(ctx)`` reads the region and the projection of the shared context. The occupation →
education link is national (levels: SCB 000000CV 2014–2018; fields: JobTech Taxonomy v25), and
every table says so.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...education.balance import education_balance
from ...education.fields import OTHER
from ...education.levels import LEVEL_ORDER
from ...education.need import need_by_education
from ...numbers import fmt_int
from ...projection.model import Projection
from ..section import Section
from ..tablespec import Column, Table

KEY = "utbildning"
HEADING = "Utbildning och kompetens"
LARGEST_FIELDS = 15
SUPPLY_BASE = 2018  # last year of UF0506 by län
LEVEL_LINK = ("Kopplingen yrke → utbildningsnivå är nationell: SCB:s lönestrukturstatistik "
              "2014–2018 (tabell 000000CV), undertryckta celler skattade.")
FIELD_LINK = ("Kopplingen yrke → utbildning är nationell: de vanligaste utbildningsgrupperna per "
              "yrke i Arbetsförmedlingens JobTech-taxonomi (v25, källan till andelarna anges "
              "inte); resten räknas som övrig eller okänd utbildning.")


def _level_table(balance: pd.DataFrame, need: pd.DataFrame, horizon: int, base: int) -> Table:
    frame = balance.merge(need[["education", "replacement", "expansion"]], on="education")
    columns = (
        Column("education", "Utbildningsnivå", "text", "Högsta utbildningsnivå (SUN 2000)."),
        Column("replacement", "Pension", "int", f"Skattade pensionsavgångar {base}–{horizon}."),
        Column("expansion", "Förändring", "signed", f"Skattad förändring av antalet anställda "
               f"{base}–{horizon}."),
        Column("need", "Rekryteringsbehov", "int", "Pension plus ökning, skattat."),
        Column("need_lower", "Behov, lägre", "int", "Nedre gräns, 80 % intervall."),
        Column("need_upper", "Behov, högre", "int", "Övre gräns, 80 % intervall."),
        Column("supply", "Tillskott", "int", "Skattat antal unga (25 år) med nivån som blir "
               "anställda, länets invånare."),
        Column("verdict", "Bedömning", "text", "Bedömning som intervallen tillåter."),
    )
    return Table(key=f"{KEY}_niva", title=f"Rekryteringsbehov och tillskott efter "
                 f"utbildningsnivå {base}–{horizon} (skattat)", columns=columns,
                 frame=frame[[c.key for c in columns]].round(0), source=f"Källa: SCB (yrkes"
                 f"registret, UF0506, befolkningen) och egen prognos. {LEVEL_LINK}")


def _field_table(need: pd.DataFrame, horizon: int, base: int) -> tuple[Table, float]:
    other = float(need.loc[need["education"] == OTHER, "recruitment_need"].sum())
    total = float(need["recruitment_need"].sum())
    named = need[need["education"] != OTHER].nlargest(LARGEST_FIELDS, "recruitment_need")
    columns = (
        Column("education", "Utbildningsgrupp", "text", "Utbildningsgrupp (SCB:s indelning)."),
        Column("recruitment_need", "Rekryteringsbehov", "int", f"Skattat behov {base}–"
               f"{horizon}, spritt efter yrkenas utbildningar."),
        Column("need_lower", "Lägre", "int", "Nedre gräns, 80 % intervall."),
        Column("need_upper", "Högre", "int", "Övre gräns, 80 % intervall."),
    )
    table = Table(key=f"{KEY}_inriktning", title=f"De {len(named)} utbildningsgrupper med störst "
                  f"rekryteringsbehov {base}–{horizon} (skattat)", columns=columns,
                  frame=named[[c.key for c in columns]].round(0).reset_index(drop=True),
                  source=f"Källa: Arbetsförmedlingen (JobTech-taxonomin) och egen prognos. "
                         f"{FIELD_LINK}")
    return table, (other / total if total else 0.0)


def _supply_table(region: str, horizon: int) -> Table:
    from ...education.supply import education_supply

    supply = education_supply([SUPPLY_BASE, horizon], ages=(20, 64))
    supply = supply[supply["region"] == region]
    wide = supply.pivot_table(index="education", columns="year", values="population")
    frame = pd.DataFrame({"education": wide.index, "base": wide[SUPPLY_BASE].to_numpy(),
                          "horizon": wide[horizon].to_numpy()})
    frame["change"] = frame["horizon"] - frame["base"]
    order = {name: i for i, name in enumerate(LEVEL_ORDER)}
    frame = frame.sort_values("education", key=lambda s: s.map(order), ignore_index=True)
    columns = (
        Column("education", "Utbildningsnivå", "text", "Högsta utbildningsnivå (SUN 2000)."),
        Column("base", f"{SUPPLY_BASE}", "int", f"Invånare 20–64 år {SUPPLY_BASE}, länets "
               "nivåer fördelade på ålder efter riksområdet (skattat)."),
        Column("horizon", f"{horizon}", "int", f"Invånare 20–64 år {horizon}, framskrivet "
               "efter kohort (skattat)."),
        Column("change", "Förändring", "signed", "Skillnaden mellan åren."),
    )
    return Table(key=f"{KEY}_befolkning", title=f"Invånare 20–64 år efter utbildningsnivå "
                 f"{SUPPLY_BASE} och {horizon} (skattat)", columns=columns,
                 frame=frame[[c.key for c in columns]].round(0),
                 source="Källa: SCB (befolkningens utbildning UF0506 per län och riksområde "
                        f"{SUPPLY_BASE}, befolkningen) och egen framskrivning.")


def _summary(balance: pd.DataFrame, region_name: str, horizon: int) -> str:
    top = balance.sort_values("need", ascending=False).iloc[0]
    clear = balance[balance["verdict"] != "i balans"]
    verdicts = ("; ".join(f"{r.education}: {r.verdict}" for r in clear.itertuples())
                if len(clear) else "för ingen nivå är skillnaden mellan behov och tillskott "
                                   "större än osäkerheten")
    return (f"I {region_name} gäller det största rekryteringsbehovet fram till {horizon} "
            f"utbildningsnivån {top['education']} (omkring {fmt_int(round(top['need'], -2))} "
            f"personer, skattat); {verdicts}.")


def build_from(projection: Projection, region: str, region_name: str) -> Section:
    """The section for ``region`` from a level-4 ``projection`` of every län."""
    horizon, base = max(projection.target_years), projection.base_year
    levels = need_by_education(projection, "level", years=[horizon])
    levels = levels[levels["region"] == region]
    fields = need_by_education(projection, "field", years=[horizon])
    fields = fields[fields["region"] == region]
    balance = education_balance(projection, horizon, region=region)
    field_table, other = _field_table(fields, horizon, base)
    paragraphs = (
        f"Utbildningsanordnare planerar efter utbildning, inte efter yrke. Här har "
        f"rekryteringsbehovet per yrke i {region_name} fram till {horizon} fördelats efter de "
        f"utbildningar som de anställda i yrket har i hela landet. {LEVEL_LINK}",
        "Tillskottet är de unga i länet som fyller 25 år under perioden med den nivån, "
        "gånger hur stor andel med nivån som är anställda i riket. Bedömningen blir "
        "'behovet större än tillskottet' eller 'tillskottet större' bara när intervallen "
        "inte överlappar; annars står det 'i balans'.",
        f"Utbildningsgrupperna täcker de vanligaste utbildningarna per yrke; omkring "
        f"{round(100 * other)} procent av behovet gäller övrig eller okänd utbildning.",
    )
    return Section(key=KEY, heading=HEADING, paragraphs=paragraphs,
                   tables=(_level_table(balance, levels, horizon, base), field_table,
                           _supply_table(region, horizon)),
                   summary=(_summary(balance, region_name, horizon),))


def build(ctx: Any) -> Section:
    """The section for the context's region; the projection is ``ctx.inputs.extras
    ["projection"]`` when the context carries it, else the standard projection is run."""
    projection = ctx.inputs.extras.get("projection")
    if projection is None:
        from ...projection import project

        projection = project(ctx.inputs.employment, ctx.inputs.age_profile,
                             target_years=ctx.inputs.target_years)
    return build_from(projection, ctx.region, ctx.region_name)
