"""From API frames to the snapshot's tidy schema (the same files and columns as data/snapshot).

One function per dataset. They drop what the snapshot does not hold (riket rows in län
tables, the unknown occupation 0002, age totals), rename codes to the data contract
(``Kon`` 1/2 → ``men``/``women``, ``065-69`` → ``65-69``) and refuse missing values rather
than turning them into zeros.
"""

from __future__ import annotations

import re

import pandas as pd

from ..errors import DataContractError

SEXES = {"1": "men", "2": "women"}
_BAND = re.compile(r"^0*(\d+)-0*(\d+)$")
_SINGLE_AGE = re.compile(r"^\d+\+?$")


def _lan(codes: pd.Series) -> pd.Series:
    return (codes.str.len() == 2) & (codes != "00")


def _ssyk4(codes: pd.Series) -> pd.Series:
    return codes.str.fullmatch(r"\d{4}") & (codes != "0002")


def _counts(values: pd.Series, name: str, table: str,
            status: pd.Series | None = None) -> pd.Series:
    """Whole numbers; missing cells are refused, quoting the status symbols SCB sent."""
    missing = values.isna()
    if missing.any():
        symbols = "utan statussymbol"
        if status is not None:
            counts = status[missing].replace("", "ingen").value_counts()
            symbols = "status " + ", ".join(f"'{s}': {n}" for s, n in counts.items())
        raise DataContractError(
            f"{table}: {int(missing.sum())} celler saknar värde ({symbols}) i {name}; "
            "ögonblicksbilden kräver fullständiga tal. Kontrollera urvalet i catalogue.toml."
        )
    return values.round().astype("int64")


def _sex(codes: pd.Series) -> pd.Series:
    return codes.map(SEXES).astype("str")


def normalise_band(code: str) -> str | None:
    """``'16-24'`` and SCB's ``'065-69'`` → ``'16-24'``/``'65-69'``; totals → None."""
    match = _BAND.match(code)
    return f"{int(match.group(1))}-{int(match.group(2))}" if match else None


def employment(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Employees by län × SSYK4 × sex × year (YREG60BAS family)."""
    keep = _lan(frame["Region"]) & _ssyk4(frame["Yrke2012"]) & frame["Kon"].isin(list(SEXES))
    rows = frame[keep]
    tidy = pd.DataFrame({
        "region": rows["Region"].astype("str"),
        "ssyk": rows["Yrke2012"].astype("str"),
        "sex": _sex(rows["Kon"]),
        "year": rows["Tid"].astype("int64"),
        "employed": _counts(rows["value"], "employed", table, rows.get("status")),
    })
    return tidy.sort_values(["region", "ssyk", "sex", "year"], ignore_index=True)


def age_profile(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """National employees by SSYK4 × age band × sex × year (YREG51BAS family)."""
    bands = frame["Alder"].map(normalise_band)
    keep = _ssyk4(frame["Yrke2012"]) & bands.notna() & frame["Kon"].isin(list(SEXES))
    rows = frame[keep].assign(age=bands[keep])
    year = rows["Tid"].astype("int64")
    # SCB publishes 65-69 only from 2023; earlier cells are empty or zero, not observations.
    unpublished = (rows["age"] == "65-69") & (year < 2023)
    rows, year = rows[~unpublished], year[~unpublished]
    tidy = pd.DataFrame({
        "ssyk": rows["Yrke2012"].astype("str"),
        "age": rows["age"].astype("str"),
        "sex": _sex(rows["Kon"]),
        "year": year,
        "employed": _counts(rows["value"], "employed", table, rows.get("status")),
    })
    return tidy.sort_values(["ssyk", "age", "sex", "year"], ignore_index=True)


def population(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Population 31 December by län × single-year age × sex × year, summed over civil
    status (TAB638 cannot eliminate it)."""
    keep = (_lan(frame["Region"]) & frame["Alder"].str.fullmatch(_SINGLE_AGE.pattern)
            & frame["Kon"].isin(list(SEXES)))
    rows = frame[keep]
    _counts(rows["value"], "population", table, rows.get("status"))  # refuse gaps first
    summed = rows.groupby(["Region", "Alder", "Kon", "Tid"], as_index=False, sort=False)[
        "value"].sum()
    tidy = pd.DataFrame({
        "region": summed["Region"].astype("str"),
        "age": summed["Alder"].astype("str"),
        "sex": _sex(summed["Kon"]),
        "year": summed["Tid"].astype("int64"),
        "population": summed["value"].round().astype("int64"),
    })
    order = tidy["age"].str.rstrip("+").astype("int64")
    return (tidy.assign(_order=order)
            .sort_values(["region", "year", "sex", "_order"], ignore_index=True)
            .drop(columns="_order"))


def af_outlook(records: pd.DataFrame) -> pd.DataFrame:
    """Arbetsförmedlingen's Yrkesprognos: bristindex per SSYK4 for the whole country."""
    tidy = pd.DataFrame({
        "ssyk": records["ssyk"].astype("int64").astype("str").str.zfill(4),
        "concept_id": records["concept_id"].astype("str"),
        "region": "00",
        "year": records["ar"].astype("int64"),
        "shortage_index": records["bristvarde"].astype("int64"),
        # Only Arbetsförmedlingen's own Swedish text.
        "ingress": records["ingress"].fillna("").astype("str").str.strip(),
        "text_1": records["stycke1"].fillna("").astype("str").str.strip(),
        "text_2": records["stycke2"].fillna("").astype("str").str.strip(),
    })
    tidy["region"] = tidy["region"].astype("str")
    return tidy.sort_values(["ssyk", "year"], ignore_index=True)


def ads(counts: pd.DataFrame) -> pd.DataFrame:
    """Ads per län × JobTech SSYK4 × year from ``JobTechClient.ads_counts``."""
    rows = counts[counts["region"] != "00"]
    tidy = pd.DataFrame({
        "region": rows["region"].astype("str"),
        "ssyk": rows["ssyk"].astype("str"),
        "concept_id": rows["concept_id"].astype("str"),
        "year": rows["period"].str[:4].astype("int64"),
        "ads": rows["ads"].astype("int64"),
    })
    return tidy.sort_values(["region", "ssyk", "year"], ignore_index=True)
