"""Section "Utbildning och kompetens": the need by education level and field, and the verdicts.

``build(ctx)`` reads the region and the projection of the shared context. The occupation →
education link is national (levels: SCB 000000CV 2014–2018; fields: JobTech Taxonomy v25), and
every table says so.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...education.balance import BALANCE, NEED_LARGER, SUPPLY_LARGER, education_balance
from ...education.fields import OTHER
from ...education.levels import LEVEL_ORDER
from ...education.need import need_by_education
from ...projection.model import Projection
from ..section import Section
from ..tablespec import Column, Table

KEY = "utbildning"
HEADING = "Utbildning och kompetens"
LARGEST_FIELDS = 12
SUPPLY_BASE = 2018  # last year of UF0506 by län
POST_SECONDARY = ("eftergymnasial, under 3 år", "eftergymnasial, 3 år eller mer",
                  "forskarutbildning")
LEVEL_LINK = ("Kopplingen yrke → utbildningsnivå är nationell: SCB:s lönestrukturstatistik "
              "2014–2018 (tabell 000000CV), undertryckta celler skattade.")
FIELD_LINK = ("Kopplingen yrke → utbildning är nationell: de vanligaste utbildningsgrupperna per "
              "yrke i Arbetsförmedlingens JobTech-taxonomi (v25, källan till andelarna anges "
              "inte); resten räknas som övrig eller okänd utbildning.")


def _level_table(need: pd.DataFrame, horizon: int, base: int) -> Table:
    order = {name: i for i, name in enumerate(LEVEL_ORDER)}
    frame = need.sort_values("education", key=lambda s: s.map(order), ignore_index=True)
    columns = (
        Column("education", "Utbildningsnivå", "text", "Högsta utbildningsnivå (SUN 2000)."),
        Column("replacement", "Pension", "int", f"Skattade pensionsavgångar {base}–{horizon}."),
        Column("expansion", "Förändring", "signed", f"Skattad förändring av antalet anställda "
               f"{base}–{horizon}."),
        Column("recruitment_need", "Rekryteringsbehov", "int", "Pension plus ökning, skattat."),
        Column("need_lower", "Lägre", "int", "Nedre gräns för behovet, 80 % intervall."),
        Column("need_upper", "Högre", "int", "Övre gräns för behovet, 80 % intervall."),
    )
    return Table(key=f"{KEY}_niva", title=f"Rekryteringsbehov efter utbildningsnivå {base}–"
                 f"{horizon} (skattat)", columns=columns,
                 frame=frame[[c.key for c in columns]].round(0),
                 source=f"Källa: SCB (yrkesregistret) och egen prognos. {LEVEL_LINK}")


def _balance_table(balance: pd.DataFrame, horizon: int, base: int) -> Table:
    columns = (
        Column("education", "Utbildningsnivå", "text", "Nivåer som bedöms tillsammans."),
        Column("need", "Behov", "int", f"Rekryteringsbehov {base}–{horizon}, skattat."),
        Column("need_lower", "Behov, lägre", "int", "Nedre gräns, 80 % intervall."),
        Column("need_upper", "Behov, högre", "int", "Övre gräns, 80 % intervall."),
        Column("supply", "Tillskott", "int", f"Unga i länet som fyller 25 år {base + 1}–"
               f"{horizon} med nivån, gånger andelen anställda med nivån i riket, skattat."),
        Column("supply_lower", "Tillskott, lägre", "int", "Nedre gräns: trenden hos de unga "
               "och felet i antalet 25-åringar."),
        Column("supply_upper", "Tillskott, högre", "int", "Övre gräns, som ovan."),
        Column("verdict", "Bedömning", "text", "Så stark bedömning som intervallen tillåter."),
    )
    return Table(key=f"{KEY}_balans", title=f"Behov och tillskott efter utbildningsnivå "
                 f"{base}–{horizon} (skattat)", columns=columns,
                 frame=balance[[c.key for c in columns]].round(0),
                 source=f"Källa: SCB (yrkesregistret, lönestrukturstatistiken, UF0506, "
                        f"befolkningen) och egen prognos. {LEVEL_LINK}")


def _field_table(need: pd.DataFrame, horizon: int, base: int) -> Table:
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
    note = (f"Utbildningsgrupperna täcker de vanligaste utbildningarna per yrke; omkring "
            f"{round(100 * other / total) if total else 0} procent av behovet gäller övrig "
            "eller okänd utbildning.")
    title = (f"De {len(named)} utbildningsgrupper med störst rekryteringsbehov {base}–{horizon} "
             "(skattat)")
    table = Table(key=f"{KEY}_inriktning", note=note, title=title, columns=columns,
                  frame=named[[c.key for c in columns]].round(0).reset_index(drop=True),
                  source=f"Källa: Arbetsförmedlingen (JobTech-taxonomin) och egen prognos. "
                         f"{FIELD_LINK}")
    return table


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


def _summary(levels: pd.DataFrame, balance: pd.DataFrame, region_name: str, horizon: int
             ) -> str:
    total = float(levels["recruitment_need"].sum())
    post = float(levels.loc[levels["education"].isin(POST_SECONDARY), "recruitment_need"].sum())
    clear = balance[balance["verdict"] != BALANCE]
    verdicts = ("; ".join(f"{r.education}: {r.verdict}" for r in clear.itertuples())
                if len(clear) else "för ingen utbildningsnivå är skillnaden mellan behov och "
                                   "tillskott större än osäkerheten")
    return (f"Av rekryteringsbehovet i {region_name} fram till {horizon} gäller omkring "
            f"{round(100 * post / total)} procent eftergymnasial utbildning (skattat, med "
            f"yrkenas utbildning i riket); {verdicts}.")


def build_from(projection: Projection, region: str, region_name: str) -> Section:
    """The section for ``region`` from a level-4 ``projection`` of every län."""
    horizon, base = max(projection.target_years), projection.base_year
    levels = need_by_education(projection, "level", years=[horizon])
    levels = levels[levels["region"] == region]
    fields = need_by_education(projection, "field", years=[horizon])
    fields = fields[fields["region"] == region]
    balance = education_balance(projection, horizon, region=region)
    field_table = _field_table(fields, horizon, base)
    paragraphs = (
        f"Utbildningsanordnare planerar efter utbildning, inte efter yrke. Här fördelas "
        f"rekryteringsbehovet per yrke i {region_name} fram till {horizon} efter de "
        f"utbildningar som de anställda i yrket har i hela landet.",
        "Tillskottet är länets unga som fyller 25 år under perioden, efter nivå, gånger andelen "
        "anställda med nivån i riket. 'Behovet större än tillskottet' eller 'tillskottet "
        "större' står bara när intervallen inte överlappar, annars 'i balans'. Gymnasiets två- "
        "och treåriga nivåer bedöms tillsammans (de unga går treåriga program), "
        "forskarutbildning med lång eftergymnasial utbildning (den avslutas efter 25 år).",
    )
    return Section(key=KEY, heading=HEADING, paragraphs=paragraphs,
                   tables=(_level_table(levels, horizon, base),
                           _balance_table(balance, horizon, base),
                           _supply_table(region, horizon), field_table),
                   summary=(_summary(levels, balance, region_name, horizon),))


def compare_table(projection: Projection, region_names: dict[str, str]) -> Table:
    """One row per län: the need to the horizon, the share of it asking for post-secondary
    education, and how many levels get each verdict (for ``compare``)."""
    horizon, base = max(projection.target_years), projection.base_year
    balance = education_balance(projection, horizon)
    balance["post"] = balance["education"].isin(POST_SECONDARY) * balance["need"]
    rows = balance.groupby("region").agg(
        need=("need", "sum"), post=("post", "sum"),
        need_larger=("verdict", lambda v: int((v == NEED_LARGER).sum())),
        supply_larger=("verdict", lambda v: int((v == SUPPLY_LARGER).sum()))).reset_index()
    rows["post_share"] = 100 * rows["post"] / rows["need"]
    rows["region_name"] = rows["region"].map(region_names).fillna(rows["region"])
    columns = (
        Column("region_name", "Län", "text", "Länets namn."),
        Column("need", "Rekryteringsbehov", "int", f"Skattat behov {base}–{horizon}."),
        Column("post_share", "Eftergymnasial, %", "pct", "Andel av behovet som gäller "
               "eftergymnasial utbildning eller forskarutbildning."),
        Column("need_larger", "Nivåer: behovet större", "int", "Antal utbildningsnivåer där "
               "behovet är större än tillskottet även med osäkerheten."),
        Column("supply_larger", "Nivåer: tillskottet större", "int", "Antal nivåer där "
               "tillskottet är större än behovet även med osäkerheten."),
    )
    frame = rows.sort_values("post_share", ascending=False, ignore_index=True)
    return Table(key=f"{KEY}_lan", title=f"Länen efter utbildningsbehov {base}–{horizon} "
                 "(skattat)", columns=columns,
                 frame=frame[[c.key for c in columns]].round({"need": 0, "post_share": 1}),
                 source=f"Källa: SCB och egen prognos. {LEVEL_LINK}")


def build(ctx: Any) -> Section:
    """The section for the context's region; the projection is ``ctx.inputs.extras
    ["projection"]`` when the context carries it, else the standard projection is run."""
    projection = ctx.inputs.extras.get("projection")
    if projection is None:
        from ...projection import project

        projection = project(ctx.inputs.employment, ctx.inputs.age_profile,
                             target_years=ctx.inputs.target_years)
    return build_from(projection, ctx.region, ctx.region_name)
