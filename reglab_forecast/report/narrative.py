"""The sentences of the summary, written from the brief's own tables.

Every figure in a sentence is read from a table's frame and rounded for reading
(:mod:`.prose`), so each one can be traced to a table of the same brief (a test checks this for
all 21 län). Each section module calls the functions for its own tables and hands the sentences
to the summary in ``Section.summary``; the summary section orders them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .cells import RIKET
from .numbers import parse_number
from .outlook import CATEGORIES
from .prose import about, per_year, prose_count, prose_pct, prose_signed_pct
from .tablespec import Table

FASTER = CATEGORIES[:2]
DECLINE = CATEGORIES[4]

__all__ = ["Facts", "gender_sentence", "growth_sentence", "join_list", "level_sentence",
           "lower_first", "need_sentence", "people", "position", "riket_value",
           "top_need_sentence",
           "projection_sentence", "running_name"]


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
    return f"{prose_count(count)} {'person' if round(count) == 1 else 'personer'}"


def join_list(items: list[str]) -> str:
    """'a, b och c'; with semicolons when an item has a comma of its own ('a, b; c och d')."""
    if len(items) <= 1:
        return "".join(items)
    separator = "; " if any("," in item for item in items) else ", "
    return separator.join(items[:-1]) + " och " + items[-1]


@dataclass(frozen=True)
class Facts:
    """The key figures of one region, read from the Nyckeltal table's frame (by row id)."""

    region: str
    key: pd.DataFrame  # nyckeltal, indexed by row id
    t0: int
    past: int
    horizon: int

    def value(self, row: str) -> float:
        return float(self.key["value"].to_dict()[row])

    def has(self, row: str) -> bool:
        return row in self.key.index and not math.isnan(self.value(row))


def level_sentence(facts: Facts) -> str:
    return f"År {facts.t0} hade {facts.region} {about(facts.value('employed'))} anställda."


def projection_sentence(facts: Facts) -> str:
    """The projected total, never stronger than its interval as the key-figure table shows it:
    a direction is named only when the change interval (percent, as rounded in the table) lies
    wholly above or below zero. When the interval holds both a decline and a rise the text says
    so; when it only touches zero (e.g. 0,0–12,6 %) the total is called about unchanged."""
    t = facts.horizon
    row, pct = facts.key.loc[f"proj_{t}"], facts.key.loc[f"change_{t}_pct"]
    e0 = facts.value("employed")
    span = f"80 %-intervall {prose_count(row['lower'])}–{prose_count(row['upper'])}"
    change = prose_signed_pct(pct["value"])
    if pct["lower"] > 0 or pct["upper"] < 0:
        verb = "öka" if pct["lower"] > 0 else "minska"
        return (f"Enligt prognosen väntas antalet anställda {verb} till {about(row['value'])} "
                f"år {t} ({change}, {span}).")
    if row["lower"] < e0 < row["upper"]:
        return (f"Enligt prognosen blir antalet anställda {about(row['value'])} år {t} ({span}); "
                f"intervallet rymmer både en minskning och en ökning.")
    side = "minskning" if row["lower"] >= e0 else "ökning"
    return (f"Enligt prognosen blir antalet anställda {about(row['value'])} år {t} ({change}, "
            f"{span}), i stort sett som år {facts.t0}; intervallet rymmer ingen {side}.")


def need_sentence(facts: Facts) -> str:
    t = facts.horizon
    need, expansion = facts.value("need"), facts.value("expansion")
    retiring = facts.value("replacement")
    text = (f"Fram till {t} behöver arbetsgivarna rekrytera {about(need)} personer, "
            f"{per_year(facts.value('need_per_year'))}. ")
    if expansion > 0:
        return text + (f"Pensionsavgångarna står för {about(retiring)} av dem och ökningen av "
                       f"antalet anställda för {about(expansion)}.")
    if expansion == 0:  # no change expected: the need is the retirements alone
        return text + f"Hela behovet är pensionsavgångar ({about(retiring)})."
    return text + (f"Pensionsavgångarna uppgår till {about(retiring)}, men eftersom antalet "
                   f"anställda väntas minska behöver inte alla ersättas.")


def top_need_sentence(recruitment: Table, horizon: int) -> str:
    top = recruitment.frame.head(3)
    items = [f"{running_name(name)} med {about(need)}"
             for name, need in zip(top["ssyk_name"], top[f"need_{horizon}"], strict=True)]
    if not items:
        return ""
    text = f"Störst är behovet av {items[0]} personer"
    return text + (f", följt av {join_list(items[1:])}." if len(items) > 1 else ".")


_ORDINAL = {1: "", 2: "näst ", 3: "tredje "}


def position(rank: int, mine: str, riket: str, n: int = 21, ties: int = 1) -> str:
    """Where the region stands, as a predicate that fits any noun: among the three highest or
    lowest län by rank ('näst högst bland länen'), otherwise against Riket, whose figures the
    sentence quotes (``mine``/``riket`` as written). ``rank`` is 1 + the number of län above;
    ``ties`` counts the län with the region's value (itself included): a rank word is used only
    when the whole tied group lies among the three highest or lowest, and then says it is shared."""
    last = rank + ties - 1  # the tied group holds ranks rank … last
    others = "ett annat län" if ties == 2 else f"{ties - 1} andra län"
    shared = "" if ties == 1 else f" (delat med {others})"
    if last <= 3:
        return f"{_ORDINAL[rank]}högst bland länen{shared}"
    if rank >= n - 2:
        return f"{_ORDINAL[n - last + 1]}lägst bland länen{shared}"
    if mine == riket:
        return "i nivå med riket"
    return "högre än i riket" if parse_number(mine) > parse_number(riket) else "lägre än i riket"


def riket_value(regions: pd.DataFrame, column: str) -> float:
    return float(regions.loc[regions["region"] == RIKET, column].iloc[0])


def growth_sentence(growing: Table, declining: Table) -> str:
    """The fastest growing occupation that grows faster than the region's average beyond its
    interval, and the steepest decline whose whole interval lies below zero."""
    up = growing.frame[growing.frame["outlook"].isin(FASTER)].head(1)
    down = declining.frame[declining.frame["outlook"] == DECLINE].head(1)
    if len(up):
        row = up.iloc[0]
        text = (f"Bland de större yrkena väntas {running_name(row['ssyk_name'])} växa snabbast "
                f"({prose_signed_pct(row['change'])}), {row['outlook']} i länet")
    else:
        text = ("Inget av de större yrkena väntas, med osäkerheten medräknad, växa snabbare än "
                "genomsnittet i länet")
    if len(down):
        row = down.iloc[0]
        text += (f", medan {running_name(row['ssyk_name'])} väntas minska mest "
                 f"({prose_signed_pct(row['change'])})")
    return text + "."


def gender_sentence(gender: Table) -> str:
    frame = gender.frame
    largest = frame.iloc[0]
    text = (f"Det största yrket, {running_name(largest['ssyk_name'])}, är "
            f"{largest['balance']} med {prose_pct(largest['women_share'])} kvinnor.")
    if largest["balance"] == "jämnt":
        return text
    even = frame[frame["balance"] == "jämnt"]
    if len(even):
        row = even.iloc[int((even["women_share"] - 50).abs().to_numpy().argmin())]
        return text + (f" Av de största yrkena har {running_name(row['ssyk_name'])} den "
                       f"jämnaste fördelningen med {prose_pct(row['women_share'])} kvinnor.")
    return text + " Inget av de största yrkena har en jämn könsfördelning."
