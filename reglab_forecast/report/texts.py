"""Fixed Swedish texts of the brief: who is counted, how to read it, and the method."""

from __future__ import annotations

__all__ = ["LEFT_OUT", "METHOD_TEXT", "READ_TEXT", "UNIVERSE", "UNIVERSE_SENTENCE",
           "UNIVERSE_SHORT"]

# Who is counted: one term and one definition everywhere (PDF, table package, CLI, notebooks).
UNIVERSE = "anställda"
UNIVERSE_SHORT = "anställda 16–64 år (från 2023 16–69 år), egna företagare ingår inte"
LEFT_OUT = ("Egna företagare ingår inte, till exempel många lantbrukare, hantverkare, "
            "åkare och konsulter med eget företag.")
UNIVERSE_SENTENCE = (
    "Talen avser anställda 16–64 år (från 2023 16–69 år) enligt SCB:s yrkesregister, räknade "
    "i det län där de arbetar. " + LEFT_OUT)

READ_TEXT = (
    "Prognosen visar hur antalet anställda per yrke kan utvecklas om trenderna håller i sig. "
    "Den är inte ett mål och inte en beställning. Samma metod används för alla 21 län, så "
    "länen går att jämföra.",
    "Tal i löptext är avrundade (\u201domkring 41\u00a0000\u201d); tabellerna visar exakta "
    "värden. Tal avrundas var för sig, så summor kan avvika något. Ett streck (–) betyder att "
    "uppgift saknas.",
)

METHOD_TEXT = (
    "Prognosen bygger på SCB:s yrkesregister. Rikets antal anställda per yrke skrivs fram med "
    "yrkets egen trend, som dämpas med tiden. Länets andel av varje yrke skrivs fram på samma "
    "sätt; där länet har få anställda i ett yrke hålls andelen närmare oförändrad. Länets "
    "totala antal anställda följer hur befolkningen 20–64 år i länet väntas förändras jämfört "
    "med riket, och länens summor stäms av mot riket.",
    "Pensionsavgångarna räknas fram genom att varje åldersgrupp i yrket åldras år för år och "
    "lämnar yrket i den takt som äldre har gjort historiskt. Rekryteringsbehovet är "
    "pensionsavgångar plus expansion (förändringen av antalet anställda), lägst noll.",
    "Intervallen omfattar 80 %: metoden har körts som om det vore ett tidigare år, och "
    "intervallens bredd är satt efter hur stora felen blev då. Arbetsförmedlingens bild är "
    "Yrkesprognosens bristvärde för hela riket, Yrkesbarometerns bedömning för länet (den kan "
    "gälla ett större område än länet) och Platsbankens annonser i länet.",
)
