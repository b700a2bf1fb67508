"""Fixed Swedish texts of the brief: section headings, section intros and the method section."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .method import SERIES_BREAKS

if TYPE_CHECKING:
    from .tables import BriefContext
    from .tablespec import Table

SECTION_HEADINGS = (
    "Sammanfattning",
    "Nyckeltal",
    "Sysselsatta per yrkesområde",
    "Yrken med störst rekryteringsbehov",
    "Växande och minskande yrken",
    "Länet jämfört med riket och övriga län",
    "Fokus: vård och omsorg",
    "Könsfördelning i de största yrkena",
    "Metod, källor och kvalitet",
)


def section_intro(key: str, ctx: BriefContext) -> str:
    t0, h = ctx.t0, ctx.horizon
    intros = {
        "nyckeltal": (
            f"Sysselsatta räknas där de arbetar (dagbefolkning). Prognosen gäller {h} med "
            f"ett 80 %-intervall: i fyra fall av fem har metodens utfall hamnat inom intervallet "
            f"när den prövats bakåt i tiden."),
        "yrkesomraden": (
            f"Utfall {ctx.inputs.employment['year'].min()}–{t0} och prognos per yrkesområde "
            f"(SSYK 2012, nivå 1). Varje diagram har en egen skala."),
        "rekryteringsbehov": (
            f"Rekryteringsbehovet {t0}–{h} är pensionsavgångar plus expansion (förändringen av "
            f"antalet sysselsatta), lägst noll. Bredvid vår prognos visas Arbetsförmedlingens "
            f"bild: Yrkesprognosens bristvärde (1–5) och antalet annonser i Platsbanken per 100 "
            f"sysselsatta (annonser i länet 2024). Där Arbetsförmedlingen ser brist (bristvärde "
            f"4–5) men prognosen en tydlig minskning, markeras det i kolumnen Avvikelse; "
            f"kolumnen visas bara när något yrke har en sådan markering."),
        "vaxande": (
            f"Yrken med den största procentuella förändringen {t0}–{h} enligt prognosen. "
            f"Små yrken är utelämnade eftersom de svänger mycket av slumpskäl."),
        "lan": (
            f"Samma indikatorer för alla 21 län och riket. {ctx.region_name} och riket är "
            f"markerade. Unga/äldre anger hur många som når arbetsför ålder per person som "
            f"når 65 år under de kommande tio åren."),
        "vard_omsorg": (
            "Vård- och omsorgsyrken: läkare, sjuksköterskor, psykologer, tandläkare, "
            "fysioterapeuter och arbetsterapeuter, biomedicinska analytiker, tandhygienister, "
            "undersköterskor, vårdbiträden, skötare och personliga assistenter samt "
            "tandsköterskor."),
        "kon": (
            f"Andel kvinnor i länets största yrken {ctx.past} och {t0}. En fördelning räknas som "
            f"jämn när andelen kvinnor ligger mellan 40 och 60 %."),
    }
    return intros[key]


HOW_TO_READ = (
    "Alla tal avser förvärvsarbetande 16–74 år (från 2023 16–69 år enligt SCB:s nya serie) "
    "räknade efter arbetsställets län. Tal avrundas var för sig, så summor kan avvika något. "
    "Ett streck (–) betyder att uppgift saknas. Prognoser är räknade med samma metod för alla "
    "län och visar en trolig utveckling om trender håller i sig, inte ett mål."
)

METHOD_TEXT = (
    "Metoden (Reglab standard) bygger på SCB:s yrkesregister. Rikets sysselsättning per yrke "
    "skrivs fram med dämpade trender i yrkets andel; länets andel av varje yrke skrivs fram på "
    "samma sätt och krymps mot oförändrad andel där antalen är små. Länen stäms av mot riket. "
    "Avgångar beräknas med kohortmetoden på rikets åldersprofil per yrke, tillämpad på länets "
    "skattade åldersstruktur per yrke (iterativ proportionell anpassning till rikets "
    "åldersprofil, riksområdets åldersfördelning per yrkesgrupp 2017 och länets befolkning). "
    "Rekryteringsbehovet är pensionsavgångar plus expansion, lägst noll. Intervallen är 80 % "
    "och kommer från metodens egna fel när den körts bakåt i tiden. Arbetsförmedlingens bild "
    "är Yrkesprognosens bristvärde för riket och Platsbankens annonser i länet; Yrkesbarometerns "
    "regionala bedömningar saknar koppling till SSYK i ögonblicksbilden och visas därför inte."
)


QUALITY_TEXT = (
    "Metoden har körts som om det vore ett tidigare år och jämförts med vad som sedan hände. "
    "Tabellen visar felen för standardmetoden bredvid tre enkla jämförelsemetoder. Som "
    "jämförelse hade USA:s BLS rätt riktning för 77–84 % av yrkena i sina tioårsprognoser; "
    "ingen svensk producent publicerar en motsvarande bakåtprövning."
)


def _scenario_text(ctx: BriefContext) -> str:
    run = ctx.inputs.projection
    text = f"Scenario: {run.scenario}."
    if run.scenario_description:
        text += f" {run.scenario_description.rstrip('.')}."
    if run.scenario == "Grundscenario":
        text += " Inga antaganden utöver metodens egna trender."
    return text


def method_blocks(ctx: BriefContext, tables: dict[str, Table],
                  table_block: Callable[..., dict[str, Any]]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = [
        {"type": "subheading", "text": "Så läser du underlaget"},
        {"type": "text", "paras": [HOW_TO_READ]},
        {"type": "subheading", "text": "Metod"},
        {"type": "text", "paras": [METHOD_TEXT, _scenario_text(ctx)]},
        {"type": "subheading", "text": "Serieavbrott"},
        {"type": "bullets", "items": [
            *SERIES_BREAKS,
            "Förändringar över ett avbrott kan delvis bero på det nya sättet att mäta; "
            "prognosens trender skattas på andelar så att ett avbrott inte läses som tillväxt.",
            "Förändringen de senaste fem åren visas både som i registret (inklusive "
            "seriebrotten) och skattad, justerad för seriebrott: för riket ersätts förändringen "
            "in i varje brottår med den genomsnittliga förändringen under år utan brott, och "
            "länets förändring i förhållande till riket tillämpas på rikets justerade förändring.",
        ]},
        {"type": "subheading", "text": "Kvalitetsdeklaration"},
    ]
    quality = ctx.inputs.projection.quality
    if "kvalitet" in tables:
        blocks += [
            {"type": "text", "paras": [QUALITY_TEXT]},
            table_block(tables["kvalitet"], 6.5), table_block(tables["kvalitet_horisont"], 6.5),
            {"type": "bullets", "items": quality["notes"]},
        ]
    else:
        blocks.append({"type": "text", "paras": [
            "Backtesten har inte körts för denna datamängd; träffsäkerheten kan inte redovisas."]})
    blocks += [{"type": "subheading", "text": "Källor och datavintage"},
               table_block(tables["kallor"], 6.5, title=False)]
    return blocks
