"""Arbetsförmedlingen's Yrkesbarometer joined to SSYK 2012, and AF's occupation texts.

The key from barometer occupation to SSYK4 comes from the JobTech taxonomy (v25); it agrees
with the SSYK codes AF itself gives for 45 of the 46 barometer occupations of round 2025-2.
Three rounds are in the snapshot: two whose round is inferred (about 2024-2 and 2025-1) and
an extract of round 2025-2 (46 occupations) that names its round and the level at which each
assessment was made.
"""

from __future__ import annotations

import pandas as pd

from .loaders import RegionsArg, resolve_regions
from .occupations import check_code, occupation_names
from .regions import region_names
from .snapshot import dataset_info, read_dataset

CAVEAT = "kan gälla ett större område än länet"
COLUMNS = ["region", "region_name", "ssyk", "ssyk_name", "barometer_id", "occupation", "round",
           "job_opportunities", "outlook_5y", "recruitment_situation", "round_inferred",
           "assessment_level", "n_ssyk"]
ROUND_NOTE = (
    "Omgångarna 2024-2 och 2025-1 är härledda: filerna anger ingen omgång; den äldre versionen "
    "(2025-04-16, bara jobbmöjligheter) skiljer sig från vårens fil (2025-05-07) i 1 019 av "
    "3 473 celler och från omgång 2025-2 i 220 av 714, så den är en tidigare omgång, "
    "sannolikt 2024-2. Omgång 2025-2 anges av Arbetsförmedlingen i filen."
)


def load_barometer_ssyk(regions: RegionsArg = None, rounds: list[str] | None = None
                        ) -> pd.DataFrame:
    """The regional Yrkesbarometer per län × SSYK4 × round.

    One row per (län or Riket "00", SSYK4, barometer occupation, round): job_opportunities
    (små/medelstora/stora), outlook_5y (minska/vara oförändrad/öka; not in round 2024-2),
    recruitment_situation (brist/balans/överskott/paradox; round 2025-2 only),
    round_inferred (True: the round is inferred, see ``attrs['round_note']``),
    assessment_level (nationellt/nuts1/nuts2/län where AF states it), n_ssyk (how many SSYK4
    the barometer occupation spans: its assessment is repeated on each). ``rounds`` filters,
    e.g. ``["2025-1"]``. ``attrs['caveat']``: the län value may hold for a larger area.
    Source: Arbetsförmedlingen, Yrkesbarometer; key from the JobTech taxonomy v25.
    """
    frame = read_dataset("barometer_rounds")
    codes = resolve_regions(regions)
    if codes:
        frame = frame[frame["region"].isin(codes)]
    if rounds is not None:
        frame = frame[frame["round"].isin(list(rounds))]
    key = read_dataset("barometer_ssyk")[["barometer_id", "occupation", "ssyk", "n_ssyk"]]
    frame = frame.merge(key, on="barometer_id", how="inner")
    frame = frame.assign(region_name=frame["region"].map(region_names()),
                         ssyk_name=frame["ssyk"].map(occupation_names()))
    frame = frame[COLUMNS].sort_values(["region", "ssyk", "barometer_id", "round"],
                                       ignore_index=True)
    frame.attrs.update({
        "dataset": "barometer_rounds", "source": "Arbetsförmedlingen, yrkesbarometern",
        "vintage": dataset_info("barometer_rounds").get("vintage", ""),
        "key": dataset_info("barometer_ssyk").get("vintage", ""),
        "caveat": CAVEAT, "round_note": ROUND_NOTE, "estimated": False})
    return frame


def load_occupation_info(ssyk: str | list[str] | None = None) -> pd.DataFrame:
    """AF's occupation texts per occupation name (JobTech taxonomy v25).

    Columns: concept_id, occupation, ssyk, ssyk_name, occupation_field, barometer_id ("" if
    none), description (AF's Swedish text), similar_occupations and similar_ids (the
    taxonomy's substitutability relations, "; "-separated). ``ssyk`` filters on SSYK4 codes.
    For AF's Yrkesprognos texts per SSYK4 (ingress, stycke) see
    ``load_af_outlook(with_text=True)``. Source: Arbetsförmedlingen, JobTech Taxonomy.
    """
    frame = read_dataset("occupation_info")
    if ssyk is not None:
        wanted = [check_code(c) for c in ([ssyk] if isinstance(ssyk, str) else ssyk)]
        frame = frame[frame["ssyk"].isin(wanted)]
    frame = frame.assign(ssyk_name=frame["ssyk"].map(occupation_names()))
    columns = ["concept_id", "occupation", "ssyk", "ssyk_name", "occupation_field",
               "barometer_id", "description", "similar_occupations", "similar_ids"]
    return frame[columns].reset_index(drop=True)
