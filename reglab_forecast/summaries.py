"""Small ready-made summaries over the loaders, shared by the CLI, briefs and notebooks."""

from __future__ import annotations

import pandas as pd

from .errors import InputError
from .loaders import load_employment
from .regions import region_name, resolve_region


def largest_occupations(
    region: str, level: int = 4, year: int | None = None, span: int = 5, top: int = 15
) -> pd.DataFrame:
    """A region's ``top`` largest occupations in ``year`` with the change over ``span`` years.

    ``year`` defaults to the latest year. Columns: ssyk, ssyk_name, employed, employed_base,
    change, change_share (change / employed_base), share (of the region's employees).
    ``attrs`` carry region, year, base_year and the provenance of the employment panel.
    """
    if top < 1:
        raise InputError(f"top = {top}: ange ett antal yrken från 1 och uppåt, t.ex. 15")
    if span < 1:
        raise InputError(f"span = {span}: ange antal år från 1 och uppåt, t.ex. 5")
    code = resolve_region(region, kinds=("riket", "lan"))
    panel = load_employment(level=level, regions=[code])
    years = sorted(int(y) for y in panel["year"].unique())
    year = years[-1] if year is None else int(year)
    base_year = year - span
    if year not in years or base_year not in years:
        raise InputError(
            f"år {base_year}–{year} finns inte i uppgifterna om anställda ({years[0]}–{years[-1]})"
        )
    totals = panel.groupby(["ssyk", "ssyk_name", "year"], as_index=False).agg(
        {"employed": "sum"}
    )
    wide = totals.pivot(index=["ssyk", "ssyk_name"], columns="year", values="employed")
    table = pd.DataFrame(
        {"employed": wide[year], "employed_base": wide[base_year]}
    ).reset_index()
    table["change"] = table["employed"] - table["employed_base"]
    table["change_share"] = table["change"] / table["employed_base"].where(
        table["employed_base"] > 0
    )
    table["share"] = table["employed"] / table["employed"].sum()
    table = table.sort_values(["employed", "ssyk"], ascending=[False, True]).head(top)
    table = table.reset_index(drop=True)
    table.attrs.update(panel.attrs)
    table.attrs.update(
        region=code, region_name=region_name(code), year=year, base_year=base_year
    )
    return table
