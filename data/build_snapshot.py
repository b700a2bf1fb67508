"""Build the embedded data snapshot from the raw files.

    python data/build_snapshot.py --raw /work/shared/data/raw

Reads the raw files collected from public repositories (see each folder's PROVENANCE.md),
checks them against the totals the provenance notes state, and writes tidy parquet files plus
MANIFEST.json into data/snapshot/. The package reads only the snapshot, never the raw files.
The output is deterministic: running the script twice gives the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from reglab_forecast.snapshot import validate_dataset

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from builders import (  # noqa: E402
    af,
    barometer,
    bridge,
    classifications,
    education,
    education_fields,
    employment,
    labour,
    population,
    regional_age,
    vital,
)
from builders.common import Dataset, write_json, write_parquet  # noqa: E402

MANIFEST_FORMAT = 1


def datasets(raw: Path) -> Iterator[Dataset]:
    """Every snapshot dataset, code lists first (later builders join on them)."""
    regions = classifications.build_regions(raw)
    yield regions
    ssyk = classifications.build_ssyk(raw)
    yield ssyk
    scb_codes = set(ssyk.frame.loc[ssyk.frame["level"] == 4, "ssyk"])
    simple: list[Callable[[Path], Dataset]] = [
        classifications.build_sni,
        classifications.build_sun,
        employment.build_employment,
        employment.build_age_profile,
        labour.build_industry_employment,
        labour.build_commuting,
    ]
    for build in simple:
        yield build(raw)
    yield from demographic_datasets(raw)
    level4 = ssyk.frame[ssyk.frame["level"] == 4]
    jobtech = af.build_jobtech_ssyk(raw, dict(zip(level4["ssyk"], level4["ssyk_name"],
                                                  strict=True)))
    yield jobtech
    yield af.build_af_outlook(raw, scb_codes)
    yield af.build_barometer(raw, regions.frame)
    yield af.build_ads(raw, regions.frame)
    yield regional_age.build_riksomrade_age(raw)
    yield regional_age.build_lan_age_check(raw)
    yield barometer.build_barometer_ssyk(raw, scb_codes)
    yield barometer.build_barometer_rounds(raw, regions.frame)
    yield barometer.build_occupation_info(raw)
    yield education.build_occupation_level(raw)
    yield education.build_population_level(raw)
    yield education.build_population_level_nuts(raw)
    sun = classifications.build_sun(raw).frame
    yield education_fields.build_occupation_field(raw, jobtech.frame, sun)


def demographic_datasets(raw: Path) -> Iterator[Dataset]:
    """Population, deaths and births, then the bridged population 2020–2025 made from them."""
    built = [population.build_population(raw), population.build_population_monthly(raw),
             vital.build_deaths(raw), vital.build_births(raw)]
    yield from built
    yield bridge.build_population_bridged(*(dataset.frame for dataset in built))


def checked_entry(dataset: Dataset, written: Path) -> dict[str, Any]:
    """The manifest entry of ``dataset`` once its ``written`` file, read back as the package
    reads it, passes the data contract; with the file's sha256, so that the package can skip
    the check for this very file (``reglab_forecast.snapshot.as_built``)."""
    entry = dataset.manifest_entry()
    data = written.read_bytes()
    validate_dataset(pd.read_parquet(io.BytesIO(data)), dataset.name, entry)
    entry["sha256"] = hashlib.sha256(data).hexdigest()
    return entry


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--raw",
        type=Path,
        default=HERE.parent.parent / "shared" / "data" / "raw",
        help="folder with the raw files (default: ../shared/data/raw next to the repository)",
    )
    parser.add_argument(
        "--out", type=Path, default=HERE / "snapshot", help="output folder (data/snapshot)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    if not args.raw.is_dir():
        print(f"build_snapshot: raw folder not found: {args.raw}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    entries = {}
    started = time.perf_counter()
    for dataset in datasets(args.raw):
        target = args.out / f"{dataset.name}.parquet"
        write_parquet(dataset.frame, target)
        entries[dataset.name] = checked_entry(dataset, target)
        seconds = time.perf_counter() - started
        print(f"{dataset.name:24} {len(dataset.frame):>8} rows  {seconds:5.2f} s")
        started = time.perf_counter()
    manifest = {
        "format": MANIFEST_FORMAT,
        "description": (
            "Inbäddad ögonblicksbild av öppna data från SCB och Arbetsförmedlingen (JobTech), "
            "byggd av data/build_snapshot.py ur filer insamlade från publika GitHub-förråd."
        ),
        "datasets": entries,
    }
    write_json(manifest, args.out / "MANIFEST.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
