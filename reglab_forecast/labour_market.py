"""Loaders for the labour-market context around the occupation panel.

SCB (RAMS 2018): employed by län × industry, and commuting between län. Arbetsförmedlingen:
the Yrkesprognos shortage index per occupation, the regional Yrkesbarometer, Platsbanken ads
2024 per län × occupation group, and the JobTech ↔ SCB SSYK crosswalk with the two functions
that set ads and ratings on SCB's codes (``ads_by_scb_code``, ``ratings_by_scb_code``).
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from .barometer import load_barometer_ssyk
from .errors import InputError
from .loaders import RegionsArg, resolve_regions
from .occupations import occupation_names
from .regions import RIKET, region_names
from .snapshot import read_dataset

Basis = Literal["workplace", "residence"]


def _with_region_names(frame: pd.DataFrame, column: str = "region") -> pd.DataFrame:
    position = list(frame.columns).index(column) + 1
    frame = frame.copy()
    frame.insert(position, f"{column}_name", frame[column].map(region_names()))
    return frame


def _only_regions(frame: pd.DataFrame, regions: RegionsArg, column: str = "region") -> pd.DataFrame:
    codes = resolve_regions(regions)
    return frame[frame[column].isin(codes)] if codes else frame


def load_industry_employment(
    regions: RegionsArg = None, basis: Basis = "workplace"
) -> pd.DataFrame:
    """Employed 16+ by län × industry (15 SNI 2007 groups), 2018 (RAMS).

    ``basis`` is "workplace" (län of the workplace, AM0207I6) or "residence" (AM0207I5).
    Columns: region, region_name, sni, sni_name, year, employed.
    """
    if basis not in ("workplace", "residence"):
        raise InputError(f"okänd bas '{basis}'; välj 'workplace' eller 'residence'")
    frame = read_dataset("industry_employment")
    frame = frame[frame["basis"] == basis]
    frame = _only_regions(frame, regions)
    columns = ["region", "sni", "sni_name", "year", "employed"]
    result = _with_region_names(frame[columns].reset_index(drop=True))
    result.attrs["basis"] = basis
    return result


def load_commuting(matrix: bool = False) -> pd.DataFrame:
    """Employed 16+ by län of residence (region_from) × län of work (region_to), 2018.

    ``matrix=True`` gives a 21 × 21 table (rows: residence, columns: work) instead of the
    long form with columns region_from, region_from_name, region_to, region_to_name, year,
    employed.
    """
    frame = read_dataset("commuting")
    if matrix:
        wide = frame.pivot(index="region_from", columns="region_to", values="employed")
        wide.attrs.update(frame.attrs)
        return wide
    frame = _with_region_names(frame, "region_from")
    return _with_region_names(frame, "region_to")


def load_ads(regions: RegionsArg = None, scb_codes: bool = False) -> pd.DataFrame:
    """Platsbanken ads published in 2024 per län × JobTech occupation group.

    ``ssyk`` is the taxonomy's code, where some SCB manager codes are merged (1210 = SCB's
    1211 + 1212). ``scb_codes=True`` adds ``ssyk_scb``: the list of SCB codes behind each
    group (see ``load_jobtech_crosswalk``). "Riket" in ``regions`` adds the national sum.
    Columns: region, region_name, ssyk, ssyk_name, concept_id, year, ads.
    """
    frame = read_dataset("ads")
    codes = resolve_regions(regions)
    if RIKET in codes or not codes:
        riket = frame.groupby(["ssyk", "concept_id", "year"], as_index=False).agg({"ads": "sum"})
        frame = pd.concat([frame, riket.assign(region=RIKET)], ignore_index=True)
    if codes:
        frame = frame[frame["region"].isin(codes)]
    labels = read_dataset("jobtech_ssyk").drop_duplicates("concept_id")
    names = dict(zip(labels["concept_id"], labels["jobtech_label"], strict=True))
    frame = frame.assign(ssyk_name=frame["concept_id"].map(names))
    frame = _with_region_names(frame)
    frame = frame[["region", "region_name", "ssyk", "ssyk_name", "concept_id", "year", "ads"]]
    if scb_codes:
        frame = frame.assign(ssyk_scb=frame["concept_id"].map(_scb_members()))
    return frame.reset_index(drop=True)


def _scb_members() -> dict[str, list[str]]:
    crosswalk = read_dataset("jobtech_ssyk")
    crosswalk = crosswalk[crosswalk["relation"] != "none"]
    return {str(k): list(v) for k, v in crosswalk.groupby("concept_id")["ssyk"]}


def load_jobtech_crosswalk() -> pd.DataFrame:
    """JobTech taxonomy ssyk-level-4 groups ↔ SCB SSYK 2012 codes, one row per SCB code.

    ``relation``: "same" (the group is exactly this SCB code), "merged" (the group holds
    several SCB codes: the taxonomy's 1210 holds SCB's 1211 and 1212, its 5321 holds 5321 and
    5322, its 5323 holds 5323 and 5324) or "none" (no taxonomy group, e.g. 4430 and 7619;
    concept_id and jobtech_ssyk are ""). Built from the taxonomy's and SCB's labels
    (data/builders/af.py). Columns: concept_id, jobtech_ssyk, jobtech_label, ssyk, ssyk_name,
    relation.
    """
    frame = read_dataset("jobtech_ssyk")
    frame = frame.assign(ssyk_name=frame["ssyk"].map(occupation_names()))
    return frame[["concept_id", "jobtech_ssyk", "jobtech_label", "ssyk", "ssyk_name", "relation"]]


def ads_by_scb_code(ads: pd.DataFrame, employed: pd.DataFrame) -> pd.DataFrame:
    """Ads per JobTech group set on SCB SSYK4 codes, so that they meet SCB's employee counts.

    ``ads``: region, concept_id, ads (JobTech groups). ``employed``: region, ssyk, employed
    (SCB codes, one year). A group that is one SCB code gives it its ads; a merged group's
    ads are shared among its SCB codes in proportion to their employees in the region (equal
    shares where none are employed), so ads per employee is the group's for each of them
    (``estimated`` True); an SCB code without a group gets NaN. The sum of ads per region is
    kept. Columns: region, ssyk, ads (float), relation, estimated.
    """
    crosswalk = read_dataset("jobtech_ssyk")[["ssyk", "concept_id", "relation"]]
    cells = employed[["region", "ssyk", "employed"]].merge(crosswalk, on="ssyk", how="left")
    cells["relation"] = cells["relation"].fillna("none")
    group = ["region", "concept_id"]
    totals = cells.groupby(group)["employed"].transform("sum")
    members = cells.groupby(group)["employed"].transform("size")
    share = (cells["employed"] / totals.where(totals > 0)).fillna(1 / members)
    by_group = ads.groupby(group, as_index=False)["ads"].sum()
    cells = cells.merge(by_group, on=group, how="left")
    cells["ads"] = (cells["ads"].fillna(0.0) * share).where(cells["relation"] != "none")
    cells["estimated"] = cells["relation"] == "merged"
    return cells[["region", "ssyk", "ads", "relation", "estimated"]].reset_index(drop=True)


def ratings_by_scb_code(frame: pd.DataFrame) -> pd.DataFrame:
    """Arbetsförmedlingen's ratings per JobTech group (a ``concept_id`` column) on SCB codes.

    A merged group's rating applies to each of its SCB codes (5321 and 5322 share the
    taxonomy 5321's rating); ``ssyk`` becomes the SCB code and ``relation`` says how it was
    matched. Other columns are kept.
    """
    crosswalk = read_dataset("jobtech_ssyk")
    crosswalk = crosswalk.loc[crosswalk["relation"] != "none", ["concept_id", "ssyk", "relation"]]
    spread = frame.drop(columns=["ssyk"], errors="ignore").merge(crosswalk, on="concept_id")
    return spread.reset_index(drop=True)


def load_af_outlook(with_text: bool = False) -> pd.DataFrame:
    """Arbetsförmedlingen's Yrkesprognos: shortage index 1–5 per SSYK4 for Riket, 2024 and 2026.

    ``ssyk`` is the taxonomy group's code (its 5321 holds SCB's 5321 and 5322); use
    ``ratings_by_scb_code`` to set the ratings on SCB's codes.
    A higher index means a larger shortage of workers (less competition for the jobs).
    Columns: ssyk, ssyk_name, region, year, shortage_index (+ ingress, text_1, text_2 with
    ``with_text``: Arbetsförmedlingen's own Swedish text).
    """
    frame = read_dataset("af_outlook")
    frame = frame.assign(ssyk_name=frame["ssyk"].map(occupation_names()))
    columns = ["ssyk", "ssyk_name", "concept_id", "region", "year", "shortage_index"]
    if with_text:
        columns += ["ingress", "text_1", "text_2"]
    return frame[columns].reset_index(drop=True)


def load_barometer(regions: RegionsArg = None, ssyk: bool = False) -> pd.DataFrame:
    """Arbetsförmedlingen's regional Yrkesbarometer (about spring 2025).

    Per barometer occupation (taxonomy barometer-occupation id) and län (and Riket "00"):
    ``opportunities`` (små/medelstora/stora) and ``outlook_5y`` (minska/vara oförändrad/öka).
    ``ssyk=True`` gives every round joined to SSYK4 instead (``barometer.load_barometer_ssyk``:
    region, region_name, ssyk, ssyk_name, barometer_id, occupation, round, job_opportunities,
    outlook_5y, recruitment_situation, round_inferred, …).
    """
    if ssyk:
        return load_barometer_ssyk(regions)
    frame = _only_regions(read_dataset("barometer"), regions)
    return _with_region_names(frame.reset_index(drop=True))
