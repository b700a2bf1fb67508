"""The automatic summary: rule-based Swedish text written from the brief's own tables.

Every number is taken from a table's rounded frame and formatted exactly as that table shows it,
so each figure in the text can be found in a table of the same brief (a test checks this).
Two regions should not read as copies: the paragraph opens with whatever makes the region stand
out among the 21 län (the indicator whose rank is furthest from the middle), and phrasings are
chosen from the direction and size of the figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .cells import RIKET
from .numbers import fmt_dec, fmt_int, fmt_pct, fmt_signed_pct, parse_number
from .tablespec import Table

__all__ = ["summary_paragraphs", "standout"]


def lower_first(name: str) -> str:
    """Occupation names in running text: 'Grundskollärare' → 'grundskollärare', 'IT-chefer' kept."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def running_name(name: str) -> str:
    """An occupation name inside a sentence: SCB's qualifier after a comma goes in brackets,
    'Butikssäljare, fackhandel' → 'butikssäljare (fackhandel)', so lists stay readable."""
    head, _comma, rest = lower_first(name).partition(", ")
    return f"{head} ({rest})" if rest else head


def people(count: float) -> str:
    return f"{fmt_int(count)} {'person' if round(count) == 1 else 'personer'}"


def join_list(items: list[str]) -> str:
    """'a, b och c'; with semicolons when an item has a comma of its own ('a, b; c och d')."""
    if len(items) <= 1:
        return "".join(items)
    separator = "; " if any("," in item for item in items) else ", "
    return separator.join(items[:-1]) + " och " + items[-1]


@dataclass(frozen=True)
class Facts:
    """The figures the text uses, read from the tables (already rounded)."""

    region: str
    key: pd.DataFrame  # nyckeltal, indexed by row id
    regions: pd.DataFrame  # lan table
    t0: int
    past: int
    horizon: int

    def value(self, row: str) -> float:
        return float(self.key["value"].to_dict()[row])

    def has(self, row: str) -> bool:
        return row in self.key.index and not math.isnan(self.value(row))

    def riket(self, column: str) -> float:
        return float(self.regions.loc[self.regions["region"] == RIKET, column].iloc[0])

    def mine(self, column: str) -> float:
        return float(self.regions.loc[self.regions["region_name"] == self.region, column].iloc[0])

    def rank(self, column: str) -> int:
        """1 = highest value among the 21 län."""
        lan = self.regions[self.regions["region"] != RIKET]
        return 1 + int((lan[column] > self.mine(column)).sum())


# Indicators that can open the summary: column of the lan table, and how it is worded.
# The past change is the break-adjusted one: the register's own change crosses series breaks.
_STANDOUT = ("need_pct", "share_55", "change_adj", "demography")


def standout(facts: Facts) -> tuple[str, int]:
    """The indicator on which the region differs most from Riket, in standard deviations of
    the 21 län, and the region's rank on it. Ties (also values equal once rounded) go to the
    first of ``_STANDOUT``."""
    lan = facts.regions[facts.regions["region"] != RIKET]
    scored = []
    for column in _STANDOUT:
        spread = float(lan[column].std())
        if lan[column].isna().any() or not spread > 0:
            continue
        score = abs(facts.mine(column) - facts.riket(column)) / spread
        scored.append((round(score, 6), -_STANDOUT.index(column), column))
    _score, _order, column = max(scored)
    return column, facts.rank(column)


_ORDINAL = {1: "", 2: "näst ", 3: "tredje "}


def _position(rank: int, mine: str, riket: str, n: int = 21) -> str:
    """Where the region stands, as a predicate that fits any noun: among the three highest or
    lowest län by rank ('näst högst bland länen'), otherwise against Riket, whose figures the
    sentence quotes (``mine``/``riket`` as written)."""
    if rank <= 3:
        return f"{_ORDINAL[rank]}högst bland länen"
    if rank >= n - 2:
        return f"{_ORDINAL[n - rank + 1]}lägst bland länen"
    if mine == riket:
        return "i nivå med riket"
    return "högre än i riket" if parse_number(mine) > parse_number(riket) else "lägre än i riket"


_LEAD_FORMAT = {"need_pct": fmt_pct, "share_55": fmt_pct, "change_adj": fmt_signed_pct,
                "demography": lambda v: fmt_dec(v, 2)}


def _lead(facts: Facts) -> str:
    column, rank = standout(facts)
    region, show = facts.region, _LEAD_FORMAT[column]
    mine, riket = facts.mine(column), facts.riket(column)
    pos = _position(rank, show(mine), show(riket))
    if column == "need_pct":
        return (f"Rekryteringsbehovet i förhållande till antalet sysselsatta är {pos}: fram till "
                f"{facts.horizon} motsvarar det {fmt_pct(mine)} av de sysselsatta i {region}, "
                f"mot {fmt_pct(riket)} i riket.")
    if column == "share_55":
        return (f"Andelen sysselsatta som är 55 år eller äldre är {pos}: {fmt_pct(mine)} i "
                f"{region} mot {fmt_pct(riket)} i riket.")
    if column == "change_adj":
        return (f"Sysselsättningens förändring sedan {facts.past}, skattad och justerad för "
                f"seriebrotten i registret, är {pos}: {fmt_signed_pct(mine)} i {region} mot "
                f"{fmt_signed_pct(riket)} i riket.")
    return (f"Tillskottet av unga i förhållande till dem som når pensionsåldern är {pos}: "
            f"{region} har {fmt_dec(mine, 2)} personer i åldern 10–19 år per person i åldern "
            f"55–64 år, mot {fmt_dec(riket, 2)} i riket.")


def _history(facts: Facts, lead: str) -> str:
    """The level, and the break-adjusted change unless the opening already gave it. The
    register's own change is not quoted: it crosses series breaks and is not growth."""
    text = f"År {facts.t0} arbetade {people(facts.value('employed'))} i {facts.region}."
    if lead == "change_adj" or not facts.has("change_adj_pct"):
        return text
    return text + (f" Justerat för seriebrotten i registret skattas förändringen sedan "
                   f"{facts.past} till {fmt_signed_pct(facts.value('change_adj_pct'))}.")


def _projection(facts: Facts) -> str:
    t = facts.horizon
    row = facts.key.loc[f"proj_{t}"]
    change = facts.value(f"change_{t}_pct")
    if abs(change) < 1:
        verb = "ligga kvar på ungefär samma nivå,"
    else:
        verb = "öka till" if change > 0 else "minska till"
    return (f"Prognosen väntar att antalet sysselsatta ska {verb} {fmt_int(row['value'])} år {t} "
            f"({fmt_signed_pct(change)}, 80 %-intervall {fmt_int(row['lower'])}–"
            f"{fmt_int(row['upper'])}).")


def _need(facts: Facts, recruitment: Table) -> str:
    t = facts.horizon
    expansion, retiring = facts.value("expansion"), fmt_int(facts.value("replacement"))
    text = f"Fram till {t} behöver arbetsgivarna rekrytera omkring {people(facts.value('need'))}. "
    if expansion > 0:
        text += (f"Pensionsavgångarna står för {retiring} och den väntade ökningen av antalet "
                 f"sysselsatta för {fmt_int(expansion)}.")
    else:
        text += (f"Pensionsavgångarna uppgår till {retiring}, men eftersom antalet sysselsatta "
                 f"väntas minska med {fmt_int(abs(expansion))} behöver inte alla ersättas.")
    top = recruitment.frame.head(3)
    items = [f"{lower_first(name)} ({fmt_int(need)})"
             for name, need in zip(top["ssyk_name"], top[f"need_{t}"], strict=True)]
    return text + f" Störst är behovet för {join_list(items)}."


def _growth(growing: Table, declining: Table) -> str:
    up = growing.frame[growing.frame["change"] > 0].head(2)
    down = declining.frame[declining.frame["change"] < 0].head(1)
    names = [lower_first(n) for n in up["ssyk_name"]]
    text = ""
    if len(up):
        first = fmt_signed_pct(up["change"].iloc[0])
        text = f"Bland yrkena väntas {names[0]} växa snabbast ({first})"
        if len(up) > 1:
            text += f", följt av {names[1]} ({fmt_signed_pct(up['change'].iloc[1])})"
    if len(down):
        name = lower_first(down["ssyk_name"].iloc[0])
        change = fmt_signed_pct(down["change"].iloc[0])
        text += (f", medan {name} minskar mest ({change})" if text
                 else f"Mest väntas {name} minska ({change})")
    return text + "." if text else ""


def _gender(gender: Table) -> str:
    frame = gender.frame
    largest = frame.iloc[0]
    text = (f"Det största yrket, {running_name(largest['ssyk_name'])}, är "
            f"{largest['balance']} med {fmt_pct(largest['women_share'])} kvinnor.")
    if largest["balance"] == "jämnt":
        return text
    even = frame[frame["balance"] == "jämnt"]
    if len(even):
        row = even.iloc[int((even["women_share"] - 50).abs().to_numpy().argmin())]
        return text + (f" Av de största yrkena har {running_name(row['ssyk_name'])} den "
                       f"jämnaste fördelningen med {fmt_pct(row['women_share'])} kvinnor.")
    return text + " Inget av de största yrkena har en jämn könsfördelning."


def _af(recruitment: Table) -> str:
    """Arbetsförmedlingen's view of the occupations with the largest need, and disagreements."""
    frame = recruitment.frame
    if frame["af_rating"].isna().all():
        return ""
    top = frame["af_rating"].max()
    shortage = frame[frame["af_rating"] == top]["ssyk_name"].head(2).map(running_name).tolist()
    what = "stor brist" if top >= 5 else "brist" if top >= 4 else "balans"
    text = (f"Arbetsförmedlingens yrkesprognos bedömer att det råder {what} på "
            f"{join_list(shortage)} (bristvärde {fmt_int(top)}).")
    flagged = frame[frame["flag"] != ""]
    if flagged.empty:
        return text + " Ingen av bedömningarna pekar åt motsatt håll mot prognosen."
    name, flag = flagged["ssyk_name"].iloc[0], flagged["flag"].iloc[0]
    return text + (f" För {running_name(name)} skiljer sig bilderna åt ({flag}); "
                   f"se avsnitt 4.")


def facts_from(tables: dict[str, Table], region: str, t0: int, horizon: int) -> Facts:
    key = tables["nyckeltal"].frame
    return Facts(region, key, tables["lan"].frame, t0, t0 - 5, horizon)


def summary_paragraphs(tables: dict[str, Table], region: str, t0: int, horizon: int) -> list[str]:
    """The Sammanfattning: two paragraphs whose order of ideas follows what stands out."""
    facts = facts_from(tables, region, t0, horizon)
    column, _rank = standout(facts)
    first = [_history(facts, column), _projection(facts)]
    need = _need(facts, tables["rekryteringsbehov"])
    if column in ("need_pct", "share_55"):
        opening = [_lead(facts), need, *first]
    else:
        opening = [_lead(facts), *first, need]
    second = [_growth(tables["vaxande"], tables["minskande"]), _gender(tables["kon"]),
              _af(tables["rekryteringsbehov"])]
    return [" ".join(opening), " ".join(s for s in second if s)]
