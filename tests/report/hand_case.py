"""A brief small enough to work out on paper: 21 län, three occupations, one target year.

Every län has the same three occupations. Twenty län are alike ("the others"); Örebro län (18)
and Värmlands län (17) differ, so that their ranks, verbs, flags and filters are known without
running the code. Base year 2024, target 2035, history 2019 and 2024.

Örebro län (18), the region of the worked example::

    SSYK  occupation            2019  2024  2035   change  retiring  expansion  need
    2221  sjuksköterskor        1000  1000  1500   +50 %        300       +500   800
    5321  undersköterskor       2000  2000  1800   −10 %        600       −200   400
    4111  kontorsassistenter      50    50   100  +100 %         10        +50    60
    total                       3050  3050  3400 +11,5 %        910       +350  1260

    need in % of employed: 1260 / 3050 = 41,3 %, the highest of the län (the others 18,6 %,
    Värmland 0 %); Arbetsförmedlingen rates undersköterskor 5 (stor brist) while we project
    −10 %: the one disagreement flag. Kontorsassistenter (50 employed) are below the growth
    tables' minimum size, so the fastest-growing occupation shown is sjuksköterskor, not them.
    Every interval is ±10 % of the projection, so Örebro's (3 060–3 740) lies wholly above
    2024: a rise that can be named.

Värmlands län (17): the same 3 500 people as the others, nobody retires and nothing changes
except undersköterskor falling to 1 500: total 3 000 in 2035 (−14,3 %), need 0: the lowest.

The others: 2221 1000 → 1000 (retiring 200), 5321 2000 → 2000 (400), 4111 500 → 500 (50);
need 650 of 3 500 = 18,6 %, all retirements: no change is expected.
"""

from __future__ import annotations

import pandas as pd

from reglab_forecast.report.inputs import ProjectionRun, ReportInputs

LAN = ("01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19",
       "20", "21", "22", "23", "24", "25")
REGION_NAMES = {code: f"Län {code}" for code in LAN} | {"18": "Örebro län", "17": "Värmlands län"}
SSYK_NAMES = {"2221": "Grundutbildade sjuksköterskor", "5321": "Undersköterskor, vård- och "
              "specialavdelning och mottagning", "4111": "Kontorsassistenter och sekreterare",
              "2": "Yrken med krav på fördjupad högskolekompetens",
              "4": "Yrken inom administration och kundtjänst",
              "5": "Service-, omsorgs- och försäljningsyrken"}
T0, PAST, TARGET = 2024, 2019, 2035

# region → ssyk → (employed 2019, employed 2024, projected 2035, retiring 2024–2035)
OTHERS = {"2221": (1000, 1000, 1000, 200), "5321": (2000, 2000, 2000, 400),
          "4111": (500, 500, 500, 50)}
CELLS = {
    "18": {"2221": (1000, 1000, 1500, 300), "5321": (2000, 2000, 1800, 600),
           "4111": (50, 50, 100, 10)},
    "17": {"2221": (1000, 1000, 1000, 0), "5321": (2000, 2000, 1500, 0),
           "4111": (500, 500, 500, 0)},
}


def _cells(region: str) -> dict[str, tuple[int, int, int, int]]:
    return CELLS.get(region, OTHERS)


def employment() -> pd.DataFrame:
    rows = []
    for region in LAN:
        for ssyk, (past, now, _proj, _gone) in _cells(region).items():
            for year, value in ((PAST, past), (T0, now)):
                for sex, share in (("men", 0.5), ("women", 0.5)):
                    rows.append({"region": region, "region_name": REGION_NAMES[region],
                                 "ssyk": ssyk, "ssyk_name": SSYK_NAMES[ssyk], "sex": sex,
                                 "year": year, "employed": value * share})
    frame = pd.DataFrame(rows)
    frame.attrs["series_breaks"] = []
    return frame


def projection_table() -> pd.DataFrame:
    rows = []
    for region in LAN:
        for ssyk, (_past, now, proj, gone) in _cells(region).items():
            expansion = proj - now
            rows.append({"region": region, "ssyk": ssyk, "year": TARGET, "employed": proj,
                         "lower": 0.9 * proj, "upper": 1.1 * proj, "expansion": expansion,
                         "replacement": gone, "recruitment_need": max(0, gone + expansion),
                         "share_55plus": 0.25, "estimated": True})
    return pd.DataFrame(rows)


def _sums(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Projected paths summed by ``keys`` (with Riket "00"), base year included, ±10 %."""
    base = employment()
    base = base[base["year"] == T0].groupby(["region", "ssyk"], as_index=False)["employed"].sum()
    both = pd.concat([base.assign(year=T0), table[["region", "ssyk", "year", "employed"]]])
    both["ssyk"] = both["ssyk"].str[:1]
    lan = both.groupby([*keys, "year"], as_index=False)["employed"].sum()
    riket = lan.groupby([k for k in keys if k != "region"] + ["year"], as_index=False)[
        "employed"].sum().assign(region="00")
    out = pd.concat([lan, riket], ignore_index=True)
    return out.assign(lower=0.9 * out["employed"], upper=1.1 * out["employed"])


def af_view() -> pd.DataFrame:
    """Yrkesprognosen: undersköterskor 5 (stor brist), sjuksköterskor 4, kontorsassistenter 2."""
    view = pd.DataFrame({"ssyk": ["2221", "5321", "4111"], "af_rating": [4.0, 5.0, 2.0]})
    view.attrs["year"] = 2025
    return view


def inputs() -> ReportInputs:
    table = projection_table()
    run = ProjectionRun(table=table, scenario="bas", base_year=T0, target_years=(TARGET,),
                        totals=_sums(table, ["region"]),
                        major_groups=_sums(table, ["region", "ssyk"]))
    return ReportInputs(employment=employment(), age_profile=pd.DataFrame(), projection=run,
                        region_names=dict(REGION_NAMES), ssyk_names=dict(SSYK_NAMES),
                        af_view=af_view(), extras={"af_year": 2025})
