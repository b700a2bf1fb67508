"""Section 9: sources with data vintages, the quality declaration and the method text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .tablespec import Column, Table

if TYPE_CHECKING:
    from .tables import BriefContext

# Manifest column → (label, description); the first name present in the manifest is used.
_DATASET_COLUMNS: list[tuple[tuple[str, ...], str, str]] = [
    (("dataset", "name"), "Datamängd", "Datamängdens namn i paketet."),
    (("title", "description", "holds"), "Innehåll", "Vad datamängden innehåller."),
    (("source", "producer"), "Källa", "Producent och tabell-id."),
    (("years", "period"), "År", "Vilka år datamängden täcker."),
    (("vintage",), "Datavintage", "När producenten publicerade eller uppdaterade uppgifterna."),
]
# The datasets a brief uses (the manifest holds more).
USED_DATASETS = ("employment", "age_profile", "population", "ads", "af_outlook", "ssyk", "regions")

def _pick(manifest: pd.DataFrame, names: tuple[str, ...]) -> str | None:
    return next((n for n in names if n in manifest.columns), None)


def table_datasets(ctx: BriefContext) -> Table:
    manifest = ctx.inputs.sources
    if manifest is None or manifest.empty:
        manifest = pd.DataFrame([{"name": "employment", "source": "SCB",
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
    frame = pd.DataFrame(data)
    return Table("kallor", "Källor och datavintage", tuple(columns), frame,
                 ctx.source("reglab_forecast, inbäddad ögonblicksbild av data"))


def _text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
