"""The estimated regional age structure: speed, measured error, and what it changes.

    python benchmarks/bench_regional_age.py [--save]

Prints (1) the time to estimate all län × SSYK4 × age × sex for one year in a new process
(cold: snapshot reads included) and again from memory; (2) the error of the estimate against
SCB's real tables (the 2017 riksområde table, estimated without it, and the län tables of
SSYK3 214 and 311, 2014–2017), beside Riket's profile; (3) per län, retirements and other
exits 2024–2035 and the share aged 55+ with the estimated regional structure against Riket's
structure applied to the län, and the transfers to other occupations at 50–59.
``--save`` stores the error figures for the quality declaration (regional_age_quality.json).
"""

from __future__ import annotations

import subprocess
import sys
import time

import pandas as pd

COLD = ("import time; t = time.perf_counter(); "
        "from reglab_forecast.regional_age_loader import load_regional_age_profile as f; "
        "f(years=2024); print(time.perf_counter() - t)")


def _timing() -> None:
    cold = float(subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True,
                                check=True).stdout)
    from reglab_forecast.regional_age_loader import load_regional_age_profile

    load_regional_age_profile(years=2024)
    started = time.perf_counter()
    frame = load_regional_age_profile(years=2024)
    warm = time.perf_counter() - started
    print(f"Alla län × SSYK4 × ålder × kön, ett år ({len(frame)} rader): "
          f"{cold:.2f} s i ny process (import och snapshot inräknade), {warm:.3f} s ur minnet")


def _errors() -> None:
    from reglab_forecast.regional_age_check import regional_age_error

    table = regional_age_error()
    print("\nFel mot SCB:s verkliga tabeller (vägt med antal anställda):")
    print(table[["check", "method", "mae_55_64_pp", "bias_55_64_pp", "dissimilarity_pct",
                 "cells"]].round(2).to_string(index=False))


def _retirements() -> None:
    import reglab_forecast as rf
    from reglab_forecast.projection import project

    employment, ages = rf.load_employment(level=4), rf.load_age_profile(level=4)
    kept = {}
    for choice in ("regional", "national"):
        result = project(employment, ages, target_years=(2035,), age_structure=choice)
        table = result.table.assign(older=lambda f: f["share_55plus"] * f["base_employed"])
        table = table.groupby("region")[["replacement", "transfers", "older",
                                         "base_employed"]].sum()
        kept[choice] = table.assign(share_55plus=table["older"] / table["base_employed"])
    regional, national = kept["regional"], kept["national"]
    out = pd.DataFrame({
        "avgångar_regional": regional["replacement"].round(0),
        "avgångar_riksprofil": national["replacement"].round(0),
        "skillnad_%": (100 * (regional["replacement"] / national["replacement"] - 1)).round(1),
        "andel55+_regional": (100 * regional["share_55plus"]).round(1),
        "andel55+_riksprofil": (100 * national["share_55plus"]).round(1),
        "yrkesbyten": regional["transfers"].round(0),
    })
    print("\nAvgångar 2024–2035 per län: skattad regional åldersstruktur mot rikets profil")
    print(out.to_string())
    total = regional["transfers"].sum()
    print(f"\nYrkesbyten 50–59 år (netto, skattade), hela riket 2024–2035: {total:,.0f} "
          f"(omkring {total / 11:,.0f} per år)")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    _timing()
    _errors()
    _retirements()
    if "--save" in args:
        from reglab_forecast.projection.age_quality import save_regional_age_quality

        print(f"\nSparat: {save_regional_age_quality()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
