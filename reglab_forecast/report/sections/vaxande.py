"""Section: growing and declining occupations."""

from __future__ import annotations

from ..context import FLAG_COLUMN, BriefContext, make_table, occupation_columns
from ..narrative import growth_sentence
from ..section import Section, TableView, Text
from ..tablespec import Column, Table
from .rekryteringsbehov import AF_RATING_COLUMN

HEADING = "Växande och minskande yrken"
MIN_EMPLOYED = 100  # smaller cells swing by chance, see the method section
LIST_LENGTH = 10


def growth_table(ctx: BriefContext, growing: bool) -> Table:
    t = ctx.horizon
    frame = ctx.need_cells
    frame = frame[frame["employed"] >= MIN_EMPLOYED]
    frame = frame[frame["change"] > 0] if growing else frame[frame["change"] < 0]
    frame = frame.sort_values(["change", "ssyk"], ascending=[not growing, True]).head(LIST_LENGTH)
    columns = occupation_columns(ctx) + [
        Column(f"proj_{t}", f"Prognos {t}", "int", f"Prognos för {t}."),
        Column(f"lower_{t}", "Lägre", "int", "Nedre gräns, 80 %-intervall."),
        Column(f"upper_{t}", "Övre", "int", "Övre gräns, 80 %-intervall."),
        Column("change", "Förändr.", "signed_pct", f"Förändring {ctx.t0}–{t} i procent."),
        AF_RATING_COLUMN, FLAG_COLUMN,
    ]
    key, title = ("vaxande", "Snabbast växande yrken") if growing else (
        "minskande", "Yrken som minskar mest")
    note = f"Yrken med minst {MIN_EMPLOYED} anställda {ctx.t0}."
    return make_table(key, f"{title} {ctx.t0}–{t}", columns, frame,
                      ctx.source("SCB, YREG; Arbetsförmedlingen; egen prognos"), note)


def intro(ctx: BriefContext) -> str:
    return (f"Yrken med den största procentuella förändringen {ctx.t0}–{ctx.horizon} enligt "
            f"prognosen. Små yrken är utelämnade eftersom de svänger mycket av slumpskäl.")


def build(ctx: BriefContext) -> Section:
    up, down = growth_table(ctx, True), growth_table(ctx, False)
    sentence = growth_sentence(up, down)
    return Section("vaxande", HEADING, (intro(ctx),), (up, down),
                   summary=(sentence,) if sentence else (),
                   layout=(Text((intro(ctx),)), TableView(up), TableView(down)))
