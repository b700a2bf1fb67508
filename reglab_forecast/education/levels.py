"""Occupation → education level: the national SSYK3 × level table with its gaps filled.

Source: SCB's salary structure statistics (AM0110, table 000000CV), employees by SSYK3 × sex ×
education level (SUN 2000), Riket, 2014–2018; 63 % of the cells are suppressed (``..``).

Method, per SSYK3 and sex, on SCB's seven levels (``uppgift saknas`` left out, so it is spread
in proportion):

1. pool the years: the mean of the years in which a cell is published;
2. a cell that is never published is filled level by level from a reference group, scaled so
   that the published cells K of the row keep their counts: ``c_m = g_m · Σ_K c_k / Σ_K g_k``
   where g is the sum of the published cells of the SSYK1 group (a level never published in
   the whole SSYK1 group is about zero); with no published cell in the SSYK1 group, the
   national distribution restricted to the levels of the ISCO-08 skill level of the major
   group (the last fallback). Pooling at SSYK2 first was tried and measured worse
   (``FILL_STEPS``, ``validation.fill_validation``);
3. men and women are added and the seven levels grouped into the six of ``LEVEL_ORDER``.

Every SSYK4 gets the mix of its SSYK3 (the table has no four-digit detail); an SSYK3 missing
from the table takes its SSYK2 (or SSYK1) reference as a whole. ``method`` says, per SSYK4 and
level, where the share comes from: ``ssyk3`` (published), ``ssyk2``, ``ssyk1`` or
``isco_skill_level`` (filled); a grouped level takes the weakest method of its parts.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from ..snapshot import read_dataset, register_cache

SUN_LEVELS = ("1", "2", "3", "4", "5", "6", "7")
LEVEL_GROUPS = {
    "förgymnasial": ("1", "2"),
    "gymnasial, högst 2 år": ("3",),
    "gymnasial, 3 år": ("4",),
    "eftergymnasial, under 3 år": ("5",),
    "eftergymnasial, 3 år eller mer": ("6",),
    "forskarutbildning": ("7",),
}
LEVEL_ORDER = tuple(LEVEL_GROUPS)
GROUP_OF_SUN = {code: name for name, codes in LEVEL_GROUPS.items() for code in codes}
METHOD_RANK = {"ssyk3": 0, "ssyk2": 1, "ssyk1": 2, "isco_skill_level": 3}
# ISCO-08 skill level of each SSYK 2012 major group, and the SUN 2000 levels it spans
# (ISCO-08 table 2: skill level 1 ~ ISCED 1, 2 ~ ISCED 2–4, 3 ~ ISCED 5B, 4 ~ ISCED 5A/6).
SKILL_LEVEL = {"0": 2, "1": 4, "2": 4, "3": 3, "4": 2, "5": 2, "6": 2, "7": 2, "8": 2, "9": 1}
SKILL_SUN = {1: ("1", "2", "3"), 2: ("2", "3", "4", "5"), 3: ("4", "5", "6"),
             4: ("5", "6", "7")}
SOURCE_YEARS = "2014–2018"
# The groups a suppressed cell is filled from, narrowest first. Hiding the 1 006 published
# cells (``validation.fill_validation``): SSYK1 alone 7.1 percentage points mean absolute
# error, SSYK2 then SSYK1 7.8, the national distribution 11.6; so SSYK1 is used.
FILL_STEPS: tuple[str, ...] = ("ssyk1",)


@functools.lru_cache(maxsize=1)
def _pooled() -> pd.DataFrame:
    """Mean published employees per (ssyk, sex) × SUN level 1–7 (NaN: never published)."""
    frame = read_dataset("education_occupation")
    frame = frame[frame["level"].isin(SUN_LEVELS)]
    table = frame.pivot_table(index=["ssyk", "sex"], columns="level", values="employed",
                              aggfunc="mean", dropna=False)
    return table.reindex(columns=list(SUN_LEVELS)).astype(float)


register_cache(_pooled.cache_clear)


def pooled_table() -> pd.DataFrame:
    """Employees per SSYK3 × sex (index) and SUN 2000 level 1–7 (columns), mean of 2014–2018.

    NaN marks a cell suppressed in every year. ``ssyk`` '0000' is all occupations. Source:
    SCB, lönestrukturstatistiken (000000CV).
    """
    return _pooled().copy()


def isco_reference(major: str, national: np.ndarray) -> np.ndarray:
    """The national level counts restricted to the SUN levels of the major group's skill level."""
    levels = SKILL_SUN[SKILL_LEVEL.get(major[:1], 2)]
    keep = np.array([level in levels for level in SUN_LEVELS])
    return np.where(keep, national, 0.0)


class Pooled:
    """The pooled table as arrays per sex, for fast group sums (see ``pooled_table``)."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._prefixes: dict[tuple[str, int], np.ndarray] = {}
        for sex in ("men", "women"):
            rows = table.xs(sex, level="sex")
            self.arrays[sex] = (rows.index.to_numpy(str), rows.to_numpy(float))

    def _ssyk3_prefixes(self, sex: str, width: int) -> np.ndarray:
        """The first ``width`` digits of each code of ``sex``; None (no match) for codes that
        are not SSYK3."""
        if (sex, width) not in self._prefixes:
            codes = self.arrays[sex][0]
            self._prefixes[sex, width] = np.array(
                [c[:width] if len(c) == 3 else None for c in codes], dtype=object)
        return self._prefixes[sex, width]

    def row(self, code: str, sex: str) -> np.ndarray:
        """The counts of ``code`` and ``sex`` (all NaN when the table lacks it)."""
        codes, values = self.arrays[sex]
        hits = np.flatnonzero(codes == code)
        return values[hits[0]].copy() if len(hits) else np.full(len(SUN_LEVELS), np.nan)

    def national(self, sex: str) -> np.ndarray:
        """The published counts of all occupations ('0000', complete)."""
        return self.row("0000", sex)

    def group(self, code: str, sex: str, width: int, exclude: str | None = None
              ) -> np.ndarray:
        """Sum of the published cells of the SSYK3 rows sharing ``code[:width]``."""
        codes, values = self.arrays[sex]
        chosen = (self._ssyk3_prefixes(sex, width) == code[:width]) & (codes != exclude)
        return np.nansum(values[chosen], axis=0)


def _references(table: Pooled, code: str, sex: str, exclude: str | None,
                steps: tuple[str, ...]) -> list[tuple[str, np.ndarray]]:
    refs = [(method, table.group(code, sex, int(method[-1]), exclude)) for method in steps]
    refs = [(method, counts) for method, counts in refs if counts.sum() > 0]
    return [*refs, ("isco_skill_level", isco_reference(code, table.national(sex)))]


def fill_levels(table: Pooled, code: str, sex: str, row: np.ndarray,
                exclude: str | None = None, steps: tuple[str, ...] = FILL_STEPS
                ) -> tuple[np.ndarray, list[str]]:
    """Fill the NaN cells of ``row`` level by level; (counts, method per level).

    A missing level m takes ``g_m · Σ_K row_k / Σ_K g_k`` from the first group g of
    ``steps`` ("ssyk2", "ssyk1") with a published count at m; a level never published in the
    last group is about zero. A row with nothing published takes the first group's
    distribution as it is. Rows of ``exclude`` are left out of the groups.
    """
    refs = _references(table, code, sex, exclude, steps)
    known = ~np.isnan(row)
    methods = ["ssyk3" if k else refs[-1][0] for k in known]
    if not known.any():
        method, counts = refs[0]
        return counts.astype(float).copy(), [method] * len(row)
    filled = np.where(known, row, 0.0)
    for m in np.flatnonzero(~known):
        for method, counts in refs:
            base = counts[known].sum()
            if base > 0 and (counts[m] > 0 or method in (steps[-1], "isco_skill_level")):
                filled[m] = counts[m] * row[known].sum() / base
                methods[m] = method
                break
    return filled, methods


def _filled_counts(table: Pooled, code: str) -> tuple[np.ndarray, list[str]]:
    """Filled counts (both sexes added) and the method of each SUN level for one SSYK3."""
    total = np.zeros(len(SUN_LEVELS))
    methods = ["ssyk3"] * len(SUN_LEVELS)
    for sex in ("men", "women"):
        filled, used = fill_levels(table, code, sex, table.row(code, sex))
        total += filled
        methods = [max(a, b, key=METHOD_RANK.__getitem__) for a, b in zip(methods, used,
                                                                           strict=True)]
    return total, methods


def group_levels(counts: np.ndarray, methods: list[str]) -> list[tuple[str, float, str]]:
    """(education, share, method) for the six level groups; shares sum to 1."""
    by_level = dict(zip(SUN_LEVELS, counts, strict=True))
    method_of = dict(zip(SUN_LEVELS, methods, strict=True))
    total = float(counts.sum())
    rows = []
    for name, parts in LEVEL_GROUPS.items():
        share = sum(by_level[p] for p in parts) / total
        method = max((method_of[p] for p in parts), key=METHOD_RANK.__getitem__)
        rows.append((name, share, method))
    return rows


@functools.lru_cache(maxsize=1)
def _level_mix() -> pd.DataFrame:
    table = Pooled(_pooled())
    codes = read_dataset("ssyk")
    ssyk4 = sorted(codes.loc[codes["level"] == 4, "ssyk"])
    rows = []
    by_ssyk3: dict[str, list[tuple[str, float, str]]] = {}
    for code in ssyk4:
        major = code[:3]
        if major not in by_ssyk3:
            by_ssyk3[major] = group_levels(*_filled_counts(table, major))
        rows += [(code, *row) for row in by_ssyk3[major]]
    return pd.DataFrame(rows, columns=["ssyk", "education", "share", "method"])


register_cache(_level_mix.cache_clear)


def level_mix() -> pd.DataFrame:
    """Per SSYK4 the share of employees at each education level (see the module docstring).

    Columns: ssyk (4 digits), education (six levels, ``LEVEL_ORDER``), share (0–1, summing
    to 1 per ssyk), method (``ssyk3``, ``ssyk2``, ``ssyk1`` or ``isco_skill_level``). National,
    SCB lönestrukturstatistiken 2014–2018 (000000CV).
    """
    frame = _level_mix().copy()
    frame.attrs.update(link_attrs("level"))
    return frame


def link_attrs(by: str) -> dict[str, str]:
    source = ("SCB, lönestrukturstatistiken (000000CV), riket " + SOURCE_YEARS if by == "level"
              else "Arbetsförmedlingen, JobTech-taxonomin (yrkesbenämningarnas utbildningsgrupper"
                   ", taxonomi v25)")
    return {"source": source, "estimated": "True", "scope": "riket"}
