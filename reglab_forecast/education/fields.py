"""Occupation → education field: JobTech's most common education groups per SSYK4.

Source: the JobTech Taxonomy (v25) occupation names, which list per SSYK4 group the most
common education groups of its employees with rounded shares. The file does not say where the
shares come from; the groups are SCB's education groups in Trender och prognoser. The listed
groups cover about 60 % of an occupation's employees; the rest is kept as the explicit share
``OTHER`` ("övrig eller okänd utbildning"), never spread over the listed groups.

An SSYK4 without a list takes the employment-weighted mean mix of the SSYK4 groups with a list
in its SSYK3 group (``method`` ``ssyk3``), else its SSYK2 group (``ssyk2``); with none it is
all ``OTHER`` (``saknas``). Listed groups have ``method`` ``ssyk4``.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from ..snapshot import read_dataset, register_cache

OTHER = "övrig eller okänd utbildning"


def _listed() -> pd.DataFrame:
    frame = read_dataset("education_field")
    return frame[["ssyk", "education", "share", "sun"]].copy()


def _weights() -> pd.Series:
    """National employees per SSYK4 in the last year of the employment snapshot."""
    employment = read_dataset("employment")
    last = employment.loc[employment["year"] == employment["year"].max(), ["ssyk", "employed"]]
    return last.groupby("ssyk")["employed"].sum().astype(float)


def _with_other(frame: pd.DataFrame) -> pd.DataFrame:
    rest = 1.0 - frame.groupby("ssyk")["share"].sum()
    other = pd.DataFrame({"ssyk": rest.index, "education": OTHER,
                          "share": rest.clip(lower=0.0).to_numpy(), "sun": None})
    return pd.concat([frame, other], ignore_index=True)


def _pooled_mixes(listed: pd.DataFrame, weights: pd.Series, width: int) -> pd.DataFrame:
    """prefix, education, share, sun: per SSYK prefix of ``width`` digits the
    employment-weighted mean mix of the listed SSYK4 groups in it (equal weights when none of
    them has employees), all prefixes in one pass."""
    prefix = listed["ssyk"].str[:width]
    codes = listed[["ssyk"]].assign(prefix=prefix).drop_duplicates("ssyk")
    own = weights.reindex(codes["ssyk"]).fillna(0.0).to_numpy()
    total = pd.Series(own, index=codes.index).groupby(codes["prefix"]).transform("sum")
    count = codes.groupby("prefix")["ssyk"].transform("size")
    sums = total.to_numpy()
    share = np.divide(own, sums, out=np.zeros_like(own), where=sums > 0)
    w = pd.Series(np.where(sums > 0, share, 1.0 / count.to_numpy()),
                  index=codes["ssyk"].to_numpy())
    mixed = listed.assign(prefix=prefix, share=listed["share"] * listed["ssyk"].map(w))
    return mixed.groupby(["prefix", "education"], as_index=False).agg(
        share=("share", "sum"), sun=("sun", "first"))


def _filled(codes: list[str], listed: pd.DataFrame, weights: pd.Series) -> pd.DataFrame:
    """The mix of each SSYK4 in ``codes`` (none listed) from its SSYK3 group, else its SSYK2
    group, else all ``OTHER`` (method ``saknas``)."""
    parts, left = [], pd.Series(codes, dtype=object)
    for method, width in (("ssyk3", 3), ("ssyk2", 2)):
        pooled = _pooled_mixes(listed, weights, width)
        found = left[left.str[:width].isin(set(pooled["prefix"]))]
        wanted = pd.DataFrame({"ssyk": found, "prefix": found.str[:width]})
        parts.append(wanted.merge(pooled, on="prefix").assign(method=method))
        left = left[~left.isin(found)]
    parts.append(pd.DataFrame({"ssyk": left.to_numpy(), "education": OTHER, "share": 1.0,
                               "sun": None, "method": "saknas"}))
    return pd.concat(parts, ignore_index=True).drop(columns="prefix")


@functools.lru_cache(maxsize=1)
def _field_mix() -> pd.DataFrame:
    listed = _with_other(_listed())
    weights = _weights()
    codes = read_dataset("ssyk")
    ssyk4 = sorted(codes.loc[codes["level"] == 4, "ssyk"])
    have = set(listed["ssyk"])
    parts = [listed[listed["ssyk"].isin(ssyk4)].assign(method="ssyk4"),
             _filled([code for code in ssyk4 if code not in have], listed, weights)]
    frame = pd.concat(parts, ignore_index=True)
    frame = frame.groupby(["ssyk", "education"], as_index=False).agg(
        share=("share", "sum"), sun=("sun", "first"), method=("method", "first"))
    return frame[["ssyk", "education", "sun", "share", "method"]]


register_cache(_field_mix.cache_clear)


def field_mix() -> pd.DataFrame:
    """Per SSYK4 the share of employees in each listed education group plus ``OTHER``.

    Columns: ssyk, education (group name), sun (SUN 2020 field code, None for ``OTHER``),
    share (0–1, summing to 1 per ssyk), method (``ssyk4`` listed, ``ssyk3``/``ssyk2`` pooled
    from the group, ``saknas``). National; source JobTech Taxonomy v25.
    """
    return _field_mix().copy()


def field_coverage() -> dict[str, float]:
    """Share of national employees (last snapshot year) whose SSYK4 has its own list, has a
    list after pooling, and the share of employees in the listed groups (not ``OTHER``)."""
    mix = _field_mix()
    weights = _weights()
    total = float(weights.sum())
    own = set(mix.loc[mix["method"] == "ssyk4", "ssyk"])
    filled = set(mix.loc[mix["method"] != "saknas", "ssyk"])
    named = mix[mix["education"] != OTHER].groupby("ssyk")["share"].sum()
    return {
        "own_list": float(weights[weights.index.isin(own)].sum()) / total,
        "with_pooling": float(weights[weights.index.isin(filled)].sum()) / total,
        "named_share": float((named.reindex(weights.index).fillna(0) * weights).sum()) / total,
    }
