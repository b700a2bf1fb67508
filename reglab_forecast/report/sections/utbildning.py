"""Section "Utbildning och kompetens": the need by education level and field, and the verdicts.

``build(ctx)`` reads the region and the projection of the shared context. The occupation →
education link is national (levels: SCB 000000CV 2014–2018; fields: JobTech Taxonomy v25), and
every table says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ...education.balance import BALANCE, NEED_LARGER, SUPPLY_LARGER
from ...education.fields import OTHER
from ...education.levels import LEVEL_ORDER
from ...education.outlook import SUPPLY_BASE, EducationOutlook, education_outlook
from ..cells import RIKET
from ..narrative import join_list
from ..prose import prose_pct
from ..section import Section, TableView, Text
from ..tablespec import Column, Table

if TYPE_CHECKING:
    from ..context import BriefContext

KEY = "utbildning"
HEADING = "Utbildning och kompetens"
LARGEST_FIELDS = 12
POST_SECONDARY = ("eftergymnasial, under 3 år", "eftergymnasial, 3 år eller mer",
                  "forskarutbildning")
LEVEL_LINK = ("Kopplingen yrke → utbildningsnivå är nationell: SCB:s lönestrukturstatistik "
              "2014–2018 (tabell 000000CV), undertryckta celler skattade.")
FIELD_LINK = ("Kopplingen yrke → utbildning är nationell: de vanligaste utbildningsgrupperna per "
              "yrke i Arbetsförmedlingens JobTech-taxonomi (v25); resten räknas som övrig "
              "eller okänd utbildning.")


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
            f"{prose_pct(100 * other / total if total else 0)} av behovet gäller övrig "
            "eller okänd utbildning.")
    title = (f"De {len(named)} utbildningsgrupper med störst rekryteringsbehov {base}–{horizon} "
             "(skattat)")
    table = Table(key=f"{KEY}_inriktning", note=note, title=title, columns=columns,
                  frame=named[[c.key for c in columns]].round(0).reset_index(drop=True),
                  source=f"Källa: Arbetsförmedlingen (JobTech-taxonomin) och egen prognos. "
                         f"{FIELD_LINK}")
    return table


def _supply_table(supply: pd.DataFrame, horizon: int) -> Table:
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
    return (f"Av rekryteringsbehovet i {region_name} fram till {horizon} gäller omkring "
            f"{prose_pct(100 * post / total)} eftergymnasial utbildning (skattat, med "
            f"yrkenas utbildning i riket). {_verdict_sentence(balance)}")


def _verdict_sentence(balance: pd.DataFrame) -> str:
    """The levels grouped by verdict in one sentence ('För nivåerna förgymnasial och
    gymnasial är behovet större än tillskottet av unga; …')."""
    parts = []
    for verdict, words in ((NEED_LARGER, "är behovet större än tillskottet av unga"),
                           (SUPPLY_LARGER, "är tillskottet av unga större än behovet")):
        # "eftergymnasial, under 3 år" → "eftergymnasial under 3 år": commas only between levels
        levels = [str(e).replace(", ", " ")
                  for e in balance.loc[balance["verdict"] == verdict, "education"]]
        if levels:
            noun = "nivån" if len(levels) == 1 else "nivåerna"
            parts.append(f"för {noun} {join_list(levels)} {words}")
    if not parts:
        return ("För ingen utbildningsnivå är skillnaden mellan behov och tillskott större än "
                "osäkerheten.")
    text = "; ".join(parts)
    text = text[0].upper() + text[1:]
    if (balance["verdict"] == BALANCE).any():
        return text + "; för övriga nivåer ryms skillnaden inom osäkerheten."
    return text + "."


def build_from(outlook: EducationOutlook, region: str, region_name: str) -> Section:
    """The section for ``region`` from the education outlook of every län."""
    mine = outlook.region(region)
    horizon, base = outlook.horizon, outlook.base_year
    levels, balance = mine.levels, mine.balance
    field_table = _field_table(mine.fields, horizon, base)
    paragraphs = (
        f"Utbildningsanordnare planerar efter utbildning, inte efter yrke. Här fördelas "
        f"rekryteringsbehovet per yrke i {region_name} fram till {horizon} efter de "
        f"utbildningar som de anställda i yrket har i hela landet.",
        "Tillskottet är länets unga som fyller 25 år under perioden, efter nivå, gånger andelen "
        "anställda med nivån i riket; inflyttning efter 25 års ålder, pendling och ändrat "
        "arbetskraftsdeltagande ingår inte, så ett behov större än tillskottet visar vad som "
        "måste komma därifrån. ”Behovet större än tillskottet” eller ”tillskottet "
        "större” står bara när intervallen inte överlappar, annars ”i balans”. Gymnasiets två- "
        "och treåriga nivåer bedöms tillsammans (de unga går treåriga program), "
        "forskarutbildning med lång eftergymnasial utbildning (den avslutas efter 25 år).",
    )
    tables = (_level_table(levels, horizon, base), _balance_table(balance, horizon, base),
              _supply_table(mine.supply, horizon), field_table)
    return Section(key=KEY, heading=HEADING, paragraphs=paragraphs, tables=tables,
                   summary=(_summary(levels, balance, region_name, horizon),),
                   layout=(Text(paragraphs), *(TableView(t, 7) for t in tables)))


def compare_table(outlook: EducationOutlook, region_names: dict[str, str]) -> Table:
    """One row per län: the need to the horizon, the share of it asking for post-secondary
    education, and how many levels get each verdict (for ``compare``); the column of levels
    where the supply is larger is left out when it is zero for every län."""
    horizon, base = outlook.horizon, outlook.base_year
    levels = outlook.levels
    post = levels[levels["education"].isin(POST_SECONDARY)].groupby("region")[
        "recruitment_need"].sum()
    rows = outlook.balance.groupby("region").agg(
        need=("need", "sum"),
        need_larger=("verdict", lambda v: int((v == NEED_LARGER).sum())),
        supply_larger=("verdict", lambda v: int((v == SUPPLY_LARGER).sum()))).reset_index()
    rows["post"] = rows["region"].map(post).fillna(0.0).to_numpy()
    rows["post_share"] = 100 * rows["post"] / rows["need"]
    rows["region_name"] = rows["region"].map(region_names).fillna(rows["region"])
    columns: tuple[Column, ...] = (
        Column("region_name", "Län", "text", "Länets namn."),
        Column("need", "Rekryteringsbehov", "int", f"Skattat behov {base}–{horizon}."),
        Column("post_share", "Eftergymnasial, %", "pct", "Andel av behovet som gäller "
               "eftergymnasial utbildning eller forskarutbildning."),
        Column("need_larger", "Nivåer: behovet större", "int", "Antal utbildningsnivåer där "
               "behovet är större än tillskottet även med osäkerheten."),
        Column("supply_larger", "Nivåer: tillskottet större", "int", "Antal nivåer där "
               "tillskottet är större än behovet även med osäkerheten."),
    )
    if not rows["supply_larger"].any():  # a column of zeros tells the reader nothing
        columns = columns[:-1]
    frame = rows.sort_values("post_share", ascending=False, ignore_index=True)
    return Table(key=f"{KEY}_lan", title=f"Länen efter utbildningsbehov {base}–{horizon} "
                 "(skattat)", columns=columns,
                 frame=frame[[c.key for c in columns]].round({"need": 0, "post_share": 1}),
                 source=f"Källa: SCB och egen prognos. {LEVEL_LINK}")


COMPARE_INTRO = ("Rekryteringsbehovet per län fördelat efter yrkenas utbildningsnivå i riket, och "
                 "för hur många nivåer behovet eller tillskottet är klart större. En nivå räknas "
                 "bara när intervallen inte överlappar.")


MISSING = ("Fördelningen efter utbildning saknas i den här körningen: den kräver "
           "projektionens banor per yrke och län, och de följde inte med underlaget. "
           "Rekryteringsbehovet per yrke står i tabellerna ovan.")


def outlook_for(ctx: BriefContext, region: str | None = None) -> EducationOutlook | None:
    """The run's education outlook, made from the run's own projection
    (``ProjectionRun.result``); None when the run carries none (the projection is never re-run
    here: it would not be the run's). Every län: made once per run and kept in
    ``inputs.extras["education"]``. One län (``region``): taken from that when it exists, else
    made for the län alone (the same values, a fraction of the work) and kept in
    ``inputs.extras["education_by_region"]`` (unless ``extras["many_regions"]``: a run of
    many län makes the outlook of every län once)."""
    extras = ctx.inputs.extras
    projection = getattr(ctx.inputs.projection, "result", None)
    if region is not None and "education" not in extras and not extras.get("many_regions"):
        kept = extras.setdefault("education_by_region", {})
        if region not in kept:
            if projection is None:
                return None
            kept[region] = education_outlook(projection, ctx.horizon, region=region)
        mine: EducationOutlook = kept[region]
        return mine
    if "education" not in extras:
        if projection is None:
            return None
        extras["education"] = education_outlook(projection, ctx.horizon)
    outlook: EducationOutlook = extras["education"]
    return outlook


def missing_section() -> Section:
    """The section when the run has no projection paths: says so instead of guessing."""
    return Section(key=KEY, heading=HEADING, paragraphs=(MISSING,),
                   layout=(Text((MISSING,)),))


def build(ctx: BriefContext) -> Section:
    """The section for the context's län; for the comparison (Riket) one row per län.
    Without the run's projection (see :func:`outlook_for`) a note that the data are missing."""
    mine = outlook_for(ctx, ctx.region) if ctx.region != RIKET else None
    if mine is not None and ctx.region in set(mine.balance["region"]):
        return build_from(mine, ctx.region, ctx.region_name)
    outlook = outlook_for(ctx)
    if outlook is None:
        return missing_section()
    if ctx.region not in set(outlook.balance["region"]):
        table = compare_table(outlook, ctx.inputs.region_names)
        return Section(key=KEY, heading=HEADING, paragraphs=(COMPARE_INTRO,), tables=(table,),
                       layout=(Text((COMPARE_INTRO,)), TableView(table, 7)))
    return build_from(outlook, ctx.region, ctx.region_name)
