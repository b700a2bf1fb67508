"""Section of the comparison: the 21 län side by side on the standard indicators.

No 1–21 ranks: a projected indicator puts each län in one of three groups against Riket
(higher, like Riket, lower), and a län is "like Riket" when Riket's value lies inside the
län's 80 % interval. The charts start their axes at zero so a small spread looks small.
"""

from __future__ import annotations

from ..cells import RIKET
from ..context import BriefContext, make_table
from ..figures import Figure, figure_regions
from ..regional import GROUPS, region_columns
from ..section import FigureGrid, Section, TableView, Text
from ..spread import compare_sentence
from ..tablespec import Column, Table
from ..texts import UNIVERSE_SENTENCE

HEADING = "Länen sida vid sida"

# Indicators charted: column, heading, how values are written, whether it has an interval.
CHARTED = (
    ("need_pct", "Rekryteringsbehov i procent av anställda", "pct", True),
    ("replacement_pct", "Pensionsavgångar i procent av anställda", "pct", False),
    ("change_adj", "Förändring senaste fem åren, justerad för seriebrott", "signed_pct", False),
    ("share_55", "Andel anställda 55 år och äldre (uppskattad)", "pct", False),
    ("demography", "Fyller 20 per fyller 65 till prognosåret (skattat)", "dec2", False),
)


def table_indicators(ctx: BriefContext) -> Table:
    frame = ctx.regions
    columns = tuple(region_columns(ctx.inputs, ctx.t0, ctx.past, ctx.horizon))
    return make_table("lan", "Länen efter rekryteringsbehov i procent av anställda", columns,
                      frame, ctx.source("SCB, YREG och befolkningsstatistik; egen prognos"),
                      "Ordningen är ingen rangordning: skillnader inom intervallen är inte säkra.",
                      (0,))


def table_groups(ctx: BriefContext) -> Table:
    """Per län: the group against Riket of the projected change and of the need."""
    frame = ctx.regions
    frame = frame[frame["region"] != RIKET].sort_values("region")
    h = ctx.horizon
    columns = (
        Column("region", "Kod", "text", "Länskod (SCB)."),
        Column("region_name", "Län", "text", "Länet."),
        Column("need_pct", "Rekr.behov %", "pct", f"Rekryteringsbehov {ctx.t0}–{h} i procent."),
        Column("need_pct_lower", "Lägre", "pct", "Nedre gräns, 80 %-intervall."),
        Column("need_pct_upper", "Övre", "pct", "Övre gräns, 80 %-intervall."),
        Column("need_pct_group", "Behov mot riket", "text", "Grupp mot riket (se ovan)."),
        Column(f"change_{h}", f"Förändr. {ctx.t0}–{h}", "signed_pct",
               f"Prognostiserad förändring {ctx.t0}–{h} i procent."),
        Column(f"change_{h}_lower", "Lägre ", "signed_pct", "Nedre gräns, 80 %-intervall."),
        Column(f"change_{h}_upper", "Övre ", "signed_pct", "Övre gräns, 80 %-intervall."),
        Column(f"change_{h}_group", "Förändring mot riket", "text", "Grupp mot riket."),
    )
    return make_table("grupper", "Länen i grupper mot riket, med 80 %-intervall", columns, frame,
                      ctx.source("SCB, YREG; egen prognos"))


def figures(ctx: BriefContext) -> list[Figure]:
    frame = ctx.regions
    caption = ctx.source("SCB, YREG; egen prognos")
    items = [*CHARTED, (f"change_{ctx.horizon}", f"Prognos {ctx.t0}–{ctx.horizon}",
                        "signed_pct", True)]
    return [figure_regions(frame, "", column, label, caption, name=f"jmf_{column}", kind=kind,
                           width_cm=8.3, height_cm=7.5, interval=interval)
            for column, label, kind, interval in items]


def intro(ctx: BriefContext) -> str:
    return (f"Alla 21 län med samma metod och samma indikatorer som i varje regional "
            f"kompetensbild; riket visas som jämförelse. {UNIVERSE_SENTENCE} Länen rangordnas "
            f"inte: för prognoserna delas de in i tre grupper ({', '.join(GROUPS)}), och ett län "
            f"räknas som riket när rikets värde ligger inom länets 80 %-intervall. Strecken i "
            f"diagrammen visar intervallen, och axlarna börjar på noll.")


def build(ctx: BriefContext) -> Section:
    indicators, groups = table_indicators(ctx), table_groups(ctx)
    charts = figures(ctx)
    frame = ctx.regions
    paragraphs = (intro(ctx), compare_sentence(frame, ctx.t0, ctx.horizon))
    layout = (Text(paragraphs), TableView(indicators), TableView(groups),
              FigureGrid(tuple(charts)))
    return Section("jamforelse", HEADING, paragraphs, (indicators, groups), tuple(charts),
                   layout=layout)
