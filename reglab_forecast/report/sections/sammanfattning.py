"""Section 1, Sammanfattning: key figures and the summary sentences of the other sections.

The summary writes nothing of its own about the data: each sentence comes from the section
whose tables hold its figures (``Section.summary``), so adding a section to the brief adds its
sentences here too. Only the sentence on Arbetsförmedlingen's view is composed here, because
it reads the disagreement flags of every table in the brief.
"""

from __future__ import annotations

import pandas as pd

from ..assumptions import assumption_lines, demographic_lines
from ..context import BriefContext
from ..narrative import join_list, running_name
from ..population_side import run_population_side
from ..prose import about, prose_pct, prose_range, prose_signed_pct
from ..section import Bullets, KeyFigure, KeyFigures, Part, Section, Text
from ..tablespec import Table
from . import BRIEF, get

HEADING = "Sammanfattning"
FIRST_PARAGRAPH = ("lan", "nyckeltal")  # the rest follow in the order of the brief


def key_figures(ctx: BriefContext, key: pd.DataFrame) -> KeyFigures:
    t0, horizon = ctx.t0, ctx.horizon
    proj = key.loc[f"proj_{horizon}"]
    value = key["value"]
    items = (
        KeyFigure(f"Anställda {t0}", about(value["employed"]),
                  f"{prose_signed_pct(value['change_adj_pct'])} sedan {ctx.past}, "
                  f"justerat för seriebrott"),
        KeyFigure(f"Prognos {horizon}", about(proj["value"]),
                  f"intervall {prose_range(proj['lower'], proj['upper'])}"),
        KeyFigure(f"Pensionsavgångar {t0}–{horizon}", about(value["replacement"]),
                  f"andel 55+ (uppskattad): {prose_pct(value['share_55'])}"),
        KeyFigure(f"Rekryteringsbehov {t0}–{horizon}", about(value["need"]),
                  f"{prose_pct(value['need_pct'])} av de anställda"),
    )
    return KeyFigures(items)


def flagged(tables: list[Table]) -> pd.DataFrame:
    """Every row of the brief's tables that carries a disagreement flag (ssyk, name, flag)."""
    frames = [t.frame[["ssyk", "ssyk_name", "flag"]] for t in tables
              if "flag" in t.frame.columns]
    if not frames:
        return pd.DataFrame(columns=["ssyk", "ssyk_name", "flag"])
    rows = pd.concat(frames, ignore_index=True)
    return rows[rows["flag"].fillna("") != ""].drop_duplicates("ssyk")


def af_sentence(recruitment: Table, tables: list[Table]) -> str:
    """Arbetsförmedlingen's national view of the occupations with the largest need, and every
    disagreement flagged anywhere in the brief."""
    frame = recruitment.frame
    if frame["af_rating"].isna().all():
        return ""
    top = frame["af_rating"].max()
    shortage = frame[frame["af_rating"] == top]["ssyk_name"].head(2).map(running_name).tolist()
    what = "stor brist" if top >= 5 else "brist" if top >= 4 else "balans"
    text = (f"För hela riket bedömer Arbetsförmedlingens yrkesprognos att det råder {what} på "
            f"{join_list(shortage)}.")
    flags = flagged(tables)
    if flags.empty:
        return text + " Ingen av Arbetsförmedlingens bedömningar i tabellerna pekar åt motsatt " \
                      "håll mot prognosen."
    names = [running_name(n) for n in flags["ssyk_name"].head(3)]
    more = f" och {len(flags) - 3} yrken till" if len(flags) > 3 else ""
    return text + (f" För {join_list(names)}{more} pekar Arbetsförmedlingens bedömning åt ett "
                   f"annat håll än prognosen (se kolumnen Avvikelse).")


def scenario_parts(ctx: BriefContext) -> tuple[Part, ...]:
    """Page 1's statement of the scenario: its name and every assumption it makes."""
    run = ctx.inputs.projection
    scenario = getattr(run.result, "scenario", None)
    people = demographic_lines(ctx.inputs.demographic, ctx.inputs.region_names,
                               max(run_population_side(ctx.inputs).people.years))
    if (scenario is None or scenario.is_baseline) and not people:
        return (Text((f"Scenario: {run.scenario}. Inga antaganden utöver metodens egna "
                      f"trender.",)),)
    lines = (assumption_lines(scenario, ctx.inputs.region_names, ctx.inputs.ssyk_names)
             if scenario is not None else ()) + people
    return (Text((f"Scenario: {run.scenario}. Prognosen bygger på dessa antaganden:",)),
            Bullets(lines))


def build(ctx: BriefContext) -> Section:
    others = [get(ctx, key) for key in BRIEF if key != "sammanfattning"]
    by_key = {s.key: s for s in others}
    first = [s for key in FIRST_PARAGRAPH if key in by_key for s in by_key[key].summary]
    rest = [s for sec in others if sec.key not in FIRST_PARAGRAPH for s in sec.summary]
    tables = [t for sec in others for t in sec.tables]
    if "rekryteringsbehov" in by_key:
        rest.append(af_sentence(by_key["rekryteringsbehov"].tables[0], tables))
    paragraphs = tuple(" ".join(p for p in part if p) for part in (first, rest) if part)
    layout = (Text(paragraphs), key_figures(ctx, by_key["nyckeltal"].tables[0].frame),
              *scenario_parts(ctx))
    return Section("sammanfattning", HEADING, paragraphs, layout=layout)
