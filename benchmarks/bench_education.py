"""Time the education side and print its measured quality figures.

    python benchmarks/bench_education.py

Prints the seconds of each step (first call, caches cold) and the errors the method is
judged by: hidden published cells of the occupation × level table filled again, and the
hindcast of the population by education level per län from 2008 and 2013 to 2018 beside the
naive baseline.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import reglab_forecast as rf
from reglab_forecast.education import (
    education_balance,
    fill_validation,
    need_by_education,
    occupation_education,
    supply_hindcast,
)
from reglab_forecast.education.fields import field_coverage
from reglab_forecast.projection import project


def timed(label: str, call: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    result = call()
    print(f"{label:44} {time.perf_counter() - started:6.2f} s")
    return result


def main() -> None:
    timed("occupation_education(by='level')", lambda: occupation_education("level"))
    timed("occupation_education(by='field')", lambda: occupation_education("field"))
    projection = timed("project() (all län)", lambda: project(
        rf.load_employment(level=4), rf.load_age_profile(level=4)))
    timed("need_by_education(level), 21 län", lambda: need_by_education(projection, "level"))
    timed("need_by_education(field), 21 län", lambda: need_by_education(projection, "field"))
    timed("education_balance, one län", lambda: education_balance(projection, region="18"))
    validation = timed("fill_validation (hidden cells)", fill_validation)
    hindcast = timed("supply_hindcast (2008, 2013 → 2018)", supply_hindcast)
    coverage = field_coverage()
    print()
    print("Fields: employees whose SSYK4 has its own list "
          f"{100 * coverage['own_list']:.1f} %, after pooling {100 * coverage['with_pooling']:.1f} "
          f"%, in named groups {100 * coverage['named_share']:.1f} %")
    print("Hidden cells, mean absolute error (percentage points):")
    print(validation.to_string(index=False))
    print("Hindcast of the population 16–74 by level and län, 2018:")
    print(hindcast.to_string(index=False))


if __name__ == "__main__":
    main()
