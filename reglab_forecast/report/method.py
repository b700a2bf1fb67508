"""The sources table of the brief: SCB and Arbetsförmedlingen tables with their ids."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..snapshot import plain_vintage
from .tablespec import Column, Table

if TYPE_CHECKING:
    from .context import BriefContext

__all__ = ["USED_DATASETS", "plain_vintage", "table_datasets"]

# Manifest column → (label, description); the first name present in the manifest is used.
_DATASET_COLUMNS: list[tuple[tuple[str, ...], str, str]] = [
    (("title", "description", "holds"), "Innehåll", "Vad datamängden innehåller."),
    (("source", "producer"), "Källa", "Producent och statistikprodukt."),
    (("table_ids",), "Tabell-id", "Producentens tabell- eller fil-id."),
    (("years", "period"), "År", "Vilka år datamängden täcker."),
    (("vintage",), "Version", "När producenten publicerade eller uppdaterade uppgifterna."),
]
# The datasets a brief uses (the manifest holds more).
USED_DATASETS = ("regions", "ssyk", "sun", "employment", "age_profile", "riksomrade_age",
                 "population", "population_monthly", "population_bridged", "deaths", "births",
                 "education_occupation", "education_population", "education_population_nuts",
                 "education_field", "af_outlook", "barometer", "barometer_ssyk", "jobtech_ssyk",
                 "ads")

def _pick(manifest: pd.DataFrame, names: tuple[str, ...]) -> str | None:
    return next((n for n in names if n in manifest.columns), None)


def table_datasets(ctx: BriefContext) -> Table:
    """Columns title, source, table_ids, years, vintage (those the manifest has)."""
    manifest = ctx.inputs.sources
    if manifest is None or manifest.empty:
        manifest = pd.DataFrame([{"source": "SCB, yrkesregistret (YREG)",
                                  "vintage": ctx.inputs.employment.attrs.get("vintage", "")}])
    if "dataset" in manifest.columns:
        manifest = manifest[manifest["dataset"].isin(USED_DATASETS)]
    columns, data = [], {}
    for names, label, description in _DATASET_COLUMNS:
        found = _pick(manifest, names)
        if found is None:
            continue
        key = names[0]
        columns.append(Column(key, label, "text", description))
        data[key] = [_text(v) for v in manifest[found]]
    if "vintage" in data:
        data["vintage"] = [plain_vintage(v) for v in data["vintage"]]
    frame = pd.DataFrame(data)
    return Table("kallor", "Källor", tuple(columns), frame,
                 ctx.source("reglab_forecast, inbäddade data"))


def _text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
