"""The tables the fake PxWebApi knows: recorded ones and synthetic ones built from them.

Recorded: TAB6471 (metadata and a data response), TAB4442 (a full json-stat2 response, so
its metadata is derived from it) and one cell of TAB638. Synthetic, with real codes and
labels: a TAB638-shaped population table (region × civil status × age × sex × content ×
year, 1968-2024), and two tables shaped like SCB's YREG60BAS (employees by län
× SSYK4 × sex × year) and YREG51BAS (employees by SSYK4 × education × age × sex × year) whose
ids are made up, because the fetch command finds those through search.
"""

from __future__ import annotations

from .pxweb import Dim, FakePxWeb, Table, dims_from_jsonstat, load_fixture

EMPLOYMENT_ID = "TAB9960"
AGE_ID = "TAB9951"
EMPLOYMENT_LABEL = ("Anställda 16-69 år efter arbetsställets region (län), yrke (SSYK 2012), "
                    "kön och år (YREG60BAS). År 2020-2025")
AGE_LABEL = ("Anställda 16-69 år i riket efter yrke (4-siffrig SSYK 2012), utbildningsnivå, "
             "ålder och kön (YREG51BAS). År 2020-2025")


def _tab6471() -> Table:
    meta = load_fixture("TAB6471_metadata.json")
    return Table("TAB6471", meta["label"], meta["updated"], dims_from_jsonstat(meta),
                 recorded=load_fixture("TAB6471_data.json"))


def _tab4442() -> Table:
    data = load_fixture("TAB4442_data.json")
    return Table("TAB4442", data["label"], data["updated"], dims_from_jsonstat(data),
                 recorded=data)


def _regions() -> Dim:
    return next(d for d in dims_from_jsonstat(load_fixture("TAB6471_metadata.json"))
                if d.code == "Region")


def _lan() -> Dim:
    region = _regions()
    codes = [c for c in region.values if len(c) == 2 and c != "00"]
    return Dim("Region", "region", codes, {c: region.labels[c] for c in codes}, True)


def _ssyk() -> Dim:
    data = load_fixture("TAB4442_data.json")
    return dims_from_jsonstat(data)[0]


def _years(first: int, last: int) -> Dim:
    codes = [str(y) for y in range(first, last + 1)]
    return Dim("Tid", "år", codes, {c: c for c in codes}, False, "time")


def _sex(elimination: bool = True) -> Dim:
    return Dim("Kon", "kön", ["1", "2"], {"1": "män", "2": "kvinnor"}, elimination)


def _content(code: str, label: str) -> Dim:
    return Dim("ContentsCode", "tabellinnehåll", [code], {code: label}, False, "metric")


def _tab638() -> Table:
    ages = [str(a) for a in range(100)] + ["100+", "tot"]
    return Table("TAB638", "Folkmängd efter region, civilstånd, ålder, kön och år",
                 "2025-02-21T07:00:00Z", [
                     _regions(),
                     Dim("Civilstand", "civilstånd", ["OG", "G", "ÄNKL", "SK"],
                         {"OG": "ogifta", "G": "gifta", "ÄNKL": "änkor/änklingar",
                          "SK": "skilda"}, False),
                     Dim("Alder", "ålder", ages, {a: f"{a} år" for a in ages}, False,
                         codelists=["agg_Ålder10årJ"]),
                     _sex(elimination=False),
                     Dim("ContentsCode", "tabellinnehåll", ["BE0101N1", "BE0101N2"],
                         {"BE0101N1": "Folkmängd", "BE0101N2": "Folkökning"}, False,
                         "metric"),
                     _years(1968, 2024),
                 ], recorded=load_fixture("TAB638_data.json"), nulls=False)


def _employment() -> Table:
    return Table(EMPLOYMENT_ID, EMPLOYMENT_LABEL, "2026-01-13T13:08:00Z",
                 [_lan(), _ssyk(), _sex(), _content("000007L6", "Anställda"),
                  _years(2020, 2025)], nulls=False)


def _age_profile() -> Table:
    ages = _tab4442().dim("Alder")
    education = Dim("Utbildningsniva", "utbildningsnivå", [str(i) for i in range(1, 8)],
                    {str(i): f"nivå {i}" for i in range(1, 8)}, True)
    return Table(AGE_ID, AGE_LABEL, "2026-01-13T13:08:00Z",
                 [_ssyk(), education, ages, _sex(), _content("000007KZ", "Anställda"),
                  _years(2020, 2025)], nulls=False)


def install_all(fake: FakePxWeb) -> FakePxWeb:
    for table in (_tab6471(), _tab4442(), _tab638(), _employment(), _age_profile()):
        fake.add_table(table)
    return fake
