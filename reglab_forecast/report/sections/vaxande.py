"""Section: growing and declining occupations."""

from __future__ import annotations

from ..context import FLAG_COLUMN, BriefContext, make_table, occupation_columns
from ..narrative import growth_sentence
from ..numbers import fmt_int
from ..outlook import JUMP
from ..section import Section, TableView, Text
from ..tablespec import Column, Table
from .rekryteringsbehov import AF_RATING_COLUMN

HEADING = "Växande och minskande yrken"
MIN_EMPLOYED = 100  # smaller cells swing by chance, see the method section
MIN_SHARE = 0.0015  # and at least 0.15 % of the län's anställda: large enough to matter there
LIST_LENGTH = 10


OUTLOOK_COLUMN = Column(
    "outlook", "Bedömning", "text",
    "Förändringen jämfört med länets genomsnitt, aldrig starkare än 80 %-intervallet medger: "
    "snabbare än genomsnittet bara när hela intervallet ligger över det, minskar bara när hela "
    "intervallet ligger under noll.")


def min_employed(ctx: BriefContext) -> int:
    """The size an occupation needs to enter the lists: 100, or 0.15 % of the län."""
    return max(MIN_EMPLOYED, int(round(MIN_SHARE * float(ctx.cells["employed"].sum()), -1)))


def growth_table(ctx: BriefContext, growing: bool) -> Table:
    t = ctx.horizon
    frame = ctx.need_cells
    frame = frame[(frame["employed"] >= min_employed(ctx)) & ~frame["volatile"]]
    shown = frame["change"].round(1)  # what the table shows: a "−0,0 %" is no decline
    frame = frame[shown > 0] if growing else frame[shown < 0]
    frame = frame.sort_values(["change", "ssyk"], ascending=[not growing, True]).head(LIST_LENGTH)
    columns = occupation_columns(ctx) + [
        Column(f"proj_{t}", f"Prognos {t}", "int", f"Prognos för {t}."),
        Column(f"lower_{t}", "Lägre", "int", "Nedre gräns, 80 %-intervall."),
        Column(f"upper_{t}", "Övre", "int", "Övre gräns, 80 %-intervall."),
        Column("change", "Förändr.", "signed_pct", f"Förändring {ctx.t0}–{t} i procent."),
        OUTLOOK_COLUMN, AF_RATING_COLUMN, FLAG_COLUMN,
    ]
    key, title = ("vaxande", "Snabbast växande yrken") if growing else (
        "minskande", "Yrken som minskar mest")
    note = (f"Yrken med minst {fmt_int(min_employed(ctx))} anställda {ctx.t0} och utan hopp på "
            f"mer än {JUMP:.0f} % på ett år i registret {ctx.past}–{ctx.t0}.")
    return make_table(key, f"{title} {ctx.t0}–{t}", columns, frame,
                      ctx.source("SCB, YREG; Arbetsförmedlingen; egen prognos"), note)


def intro(ctx: BriefContext) -> str:
    cells = ctx.need_cells
    jumps = cells[cells["volatile"] & (cells["employed"] >= min_employed(ctx))]
    text = (f"Yrken med den största procentuella förändringen {ctx.t0}–{ctx.horizon} enligt "
            f"prognosen. Små yrken är utelämnade eftersom de svänger mycket av slumpskäl, och "
            f"yrken vars antal i registret hoppat mer än {JUMP:.0f} % på ett år är utelämnade "
            f"eftersom hoppen ofta är omkodning mellan närliggande yrken.")
    if len(jumps):
        text += f" I {ctx.region_name} gäller det {len(jumps)} yrken."
    return text + (" Kolumnen Bedömning jämför med länets genomsnitt och är aldrig starkare "
                   "än 80 %-intervallet medger.")


def build(ctx: BriefContext) -> Section:
    up, down = growth_table(ctx, True), growth_table(ctx, False)
    sentence = growth_sentence(up, down)
    return Section("vaxande", HEADING, (intro(ctx),), (up, down),
                   summary=(sentence,) if sentence else (),
                   layout=(Text((intro(ctx),)), TableView(up), TableView(down)))
