"""Section: method, scenario, series breaks, the quality declaration and the sources."""

from __future__ import annotations

from ..breaks import break_notes
from ..context import BriefContext
from ..method import table_datasets
from ..people_quality import supply_rate_text, totals_interval_text
from ..quality import table_quality
from ..section import Bullets, Part, Section, Subheading, TableView, Text
from ..tablespec import Table
from ..texts import METHOD_TEXT, UNIVERSE_SENTENCE

HEADING = "Metod, källor och kvalitet"

QUALITY_TEXT = (
    "Metoden har körts som om det vore ett tidigare år och jämförts med vad som sedan hände. "
    "Tabellen visar felen för standardmetoden bredvid tre enkla jämförelsemetoder. Som "
    "jämförelse hade USA:s arbetsmarknadsmyndighet BLS rätt riktning för 77–84 % av yrkena i "
    "sina tioårsprognoser; ingen svensk producent publicerar en motsvarande prövning."
)
BREAK_NOTES = (
    "Förändringar över ett seriebrott kan delvis bero på det nya sättet att mäta; prognosens "
    "trender skattas på andelar så att ett seriebrott inte läses som tillväxt.",
    "Förändringen de senaste fem åren visas både som i registret (inklusive seriebrotten) och "
    "skattad, justerad för seriebrott: för riket ersätts förändringen in i varje brottår med "
    "den genomsnittliga förändringen under år utan brott, och länets förändring i förhållande "
    "till riket läggs på rikets justerade förändring.",
)


def scenario_text(ctx: BriefContext) -> str:
    run = ctx.inputs.projection
    text = f"Scenario: {run.scenario}."
    if run.scenario_description:
        text += f" {run.scenario_description.rstrip('.')}."
    if run.scenario == "Grundscenario":
        text += " Inga antaganden utöver metodens egna trender."
    return text


def _quality_parts(tables: list[Table]) -> tuple[Part, ...]:
    if not tables:
        return (Text(("Metoden har inte prövats bakåt i tiden för dessa data; träffsäkerheten "
                      "kan inte redovisas.",)),)
    people = tuple(t for t in (totals_interval_text(), supply_rate_text()) if t)
    return (Text((QUALITY_TEXT,)), *(TableView(t) for t in tables),
            *((Text(people),) if people else ()))


def age_text(ctx: BriefContext) -> str:
    """How the age structure behind retirements and share 55+ was estimated (the
    projection's own note, which starts 'skattad (method): inputs')."""
    note = str(getattr(ctx.inputs.projection.result, "age_note", "") or "").rstrip(".")
    if not note:
        return ""
    _, _, inputs = note.partition(": ")
    if not inputs:
        return f"Åldersfördelningen per yrke i länet är {note}."
    return ("SCB publicerar inte åldersfördelningen per yrke och län, så den är skattad: "
            f"fördelningen ska stämma med {inputs}.")


def build(ctx: BriefContext) -> Section:
    """The section, the same for every region of a run (made once per run)."""
    return ctx.shared("section:metod", lambda: _build(ctx))


def _build(ctx: BriefContext) -> Section:
    quality = table_quality(ctx)
    sources = table_datasets(ctx)
    layout: tuple[Part, ...] = (
        Text((UNIVERSE_SENTENCE, *METHOD_TEXT, age_text(ctx), scenario_text(ctx))),
        Subheading("Seriebrott"), Bullets((*break_notes(), *BREAK_NOTES)),
        Subheading("Träffsäkerhet"), *_quality_parts(quality),
        Subheading("Källor"), TableView(sources, title=False),
    )
    return Section("metod", HEADING, (), (*quality, sources), layout=layout, pagebreak=True)
