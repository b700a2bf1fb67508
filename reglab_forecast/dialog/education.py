"""The need by education in a dialogue session: each occupation's need spread over its
national education mix, as ``education.need_by_education`` does, for one scenario cube.

The mix is a matrix ``[ssyk, education]`` made once per kind (level or field); a lever change
then costs one matrix product. The link from occupation to education is national and
estimated (``education.occupation_education``).
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from ..education import occupation_education
from ..education.levels import LEVEL_ORDER
from .engine import Cube, DialogModel

KINDS = (("Utbildningsnivå", "level"), ("Utbildningsinriktning", "field"))
TOP_FIELDS = 12  # the fields with the largest need are shown; the rest summed as "övriga"
OTHER_FIELDS = "övriga inriktningar"
UNKNOWN = "övrig eller okänd utbildning"


class EducationMix:
    """The mix of ``by`` ("level" or "field") aligned with the model's occupations.

    ``educations``: the education groups in reading order (levels from the shortest);
    ``matrix[o, e]``: the share of occupation o's employees with education e (rows sum to 1).
    """

    def __init__(self, model: DialogModel, by: str) -> None:
        self.model = model
        self.by = by
        mix = occupation_education(by)
        self.attrs = dict(mix.attrs)
        table = mix.pivot_table(index="ssyk", columns="education", values="share",
                                aggfunc="sum", fill_value=0.0)
        order = [e for e in LEVEL_ORDER if e in table.columns] if by == "level" else sorted(
            table.columns)
        table = table.reindex(index=model.panel.ssyk.astype(str), columns=order, fill_value=0.0)
        self.educations = list(order)
        self.matrix = table.to_numpy(float)

    def need(self, cube: Cube, region: str, year: int) -> np.ndarray:
        """Recruitment need from the base year to ``year`` per education group (persons),
        in ``region`` ("00" = Riket)."""
        rows = self.model.region_rows(region)
        h = int(year - self.model.base_year)
        employed = cube.employed[rows]
        cells = np.maximum(employed[:, :, h] - employed[:, :, 0] + cube.replacement[rows][:, :, h],
                           0.0)
        return np.asarray(cells.sum(axis=0) @ self.matrix)


class EducationView:
    """Need by education for the base and a scenario, as the page shows it."""

    def __init__(self, model: DialogModel) -> None:
        self.model = model

    @cached_property
    def level(self) -> EducationMix:
        return EducationMix(self.model, "level")

    @cached_property
    def field(self) -> EducationMix:
        return EducationMix(self.model, "field")

    def mix(self, by: str) -> EducationMix:
        return self.level if by == "level" else self.field

    def frame(self, base: Cube, alt: Cube, region: str, year: int, by: str) -> pd.DataFrame:
        """education, need_base, need (scenario), difference, share (of the scenario's need).
        Fields: the ``TOP_FIELDS`` largest, then the rest as one row."""
        mix = self.mix(by)
        frame = pd.DataFrame({"education": mix.educations,
                              "need_base": mix.need(base, region, year),
                              "need": mix.need(alt, region, year)})
        if by == "field":
            frame = _top_fields(frame)
        total = float(frame["need"].sum())
        return frame.assign(difference=frame["need"] - frame["need_base"],
                            share=frame["need"] / total if total > 0 else 0.0)

    def source(self, by: str) -> str:
        """Where the education link comes from, and that it is national and estimated."""
        return (f"Utbildningen: {self.mix(by).attrs.get('source', '')}; yrkenas utbildning i "
                "riket, fördelad på länets behov (skattning)")


def _top_fields(frame: pd.DataFrame) -> pd.DataFrame:
    """The ``TOP_FIELDS`` known fields with the largest need, the other known fields as one
    row, and the unknown field last (it is not a field, only the part without one)."""
    known = frame[frame["education"] != UNKNOWN].sort_values(["need", "education"],
                                                            ascending=[False, True])
    rest = known.iloc[TOP_FIELDS:][["need_base", "need"]].sum()
    parts = [known.iloc[:TOP_FIELDS]]
    if len(known) > TOP_FIELDS:
        parts.append(pd.DataFrame([{"education": OTHER_FIELDS, **rest.to_dict()}]))
    parts.append(frame[frame["education"] == UNKNOWN])
    return pd.concat(parts, ignore_index=True)
