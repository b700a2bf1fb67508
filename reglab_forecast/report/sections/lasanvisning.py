"""Section: "Så läser du underlaget", one page for the people who use the brief in dialogue."""

from __future__ import annotations

from ..context import BriefContext
from ..prose import prose_pct
from ..quality import METHOD_NAMES
from ..section import Bullets, Section, Subheading, Text
from ..texts import READ_TEXT, UNIVERSE_SENTENCE

HEADING = "Så läser du underlaget"

QUESTIONS = (
    "Känner ni igen bilden? Vilka yrken har ni svårast att rekrytera till i dag?",
    "Vilka förändringar ser ni som prognosen inte kan känna till (etableringar, nedläggningar, "
    "ny teknik, nya regler)?",
    "Hur stor del av behovet kan täckas av utbildning i länet, av inflyttning och av "
    "omställning inom arbetsplatsen?",
    "Var skiljer sig Arbetsförmedlingens bedömning från prognosen, och vem har rätt i ert fall?",
)
WHERE = (
    "Antalet anställda, prognosen och rekryteringsbehovet gäller länet.",
    "Andelen 55 år och äldre är skattad för länet ur yrkets åldersstruktur i riket, "
    "riksområdet och länets befolkning, inte uppmätt i länet.",
    "Arbetsförmedlingens bristvärde gäller hela riket. Yrkesbarometerns bedömning anges för "
    "länet men kan gälla ett större område än länet. Platsbankens annonser gäller länet; "
    "annonser är inte vakanser.",
    "Befolkningen efter 2019 är framskriven och stämd av mot SCB:s månadsstatistik för 2026 "
    "(skattad); befolkningsprognosen och arbetskraften är skattningar för länet.",
)


def backtest_sentence(ctx: BriefContext) -> str:
    """The backtest in one sentence, with the measured figures of the quality declaration."""
    quality = ctx.inputs.projection.quality
    if not quality:
        return "Metoden har inte prövats bakåt i tiden för dessa data."
    headline = quality["headline"].set_index("method")
    mine = headline.loc[METHOD_NAMES["standard"]]
    naive = headline.loc[METHOD_NAMES["no_change"]]
    return (f"När metoden prövades bakåt i tiden, {quality['horizon']} år framåt, hamnade "
            f"{prose_pct(mine['coverage'])} av utfallen inom intervallet, och felet för ett yrke "
            f"i ett län var i genomsnitt {prose_pct(mine['wape'])} (mot "
            f"{prose_pct(naive['wape'])} om man antar att inget förändras).")


def build(ctx: BriefContext) -> Section:
    interval = (f"Intervallet (80 %) visar hur osäker prognosen är: i ungefär fyra fall av fem "
                f"bör utfallet hamna inom det. {backtest_sentence(ctx)} Skillnader som ryms "
                f"inom intervallen ska inte läsas som säkra.")
    layout = (
        Text((UNIVERSE_SENTENCE, *READ_TEXT)),
        Subheading("Vad intervallet betyder"), Text((interval,)),
        Subheading("Länet eller riket, räknat eller uppskattat"), Bullets(WHERE),
        Subheading("Frågor att ställa i dialogen"), Bullets(QUESTIONS),
    )
    return Section("lasanvisning", HEADING, layout=layout, pagebreak=True)
