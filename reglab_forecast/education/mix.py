"""``occupation_education``: one entry point for the level and the field mix of every SSYK4."""

from __future__ import annotations

import pandas as pd

from ..errors import InputError
from .fields import field_mix
from .levels import level_mix, link_attrs

BY = {"level": "level", "nivå": "level", "niva": "level", "field": "field",
      "inriktning": "field"}


def check_by(by: str) -> str:
    """'level' or 'field' for ``by`` (Swedish 'nivå'/'inriktning' accepted), else InputError."""
    chosen = BY.get(str(by).strip().lower())
    if chosen is None:
        raise InputError(f"okänd indelning by={by!r}; välj 'level' (nivå) eller 'field' "
                         "(inriktning)")
    return chosen


def occupation_education(by: str = "level") -> pd.DataFrame:
    """The national education mix of every SSYK4 (429 codes): ssyk, education, share, method.

    ``by="level"``: six education levels from SCB's salary structure statistics 2014–2018
    (000000CV), suppressed cells filled up the SSYK hierarchy (``education.levels``).
    ``by="field"``: the JobTech Taxonomy's most common education groups per occupation plus
    "övrig eller okänd utbildning" (``education.fields``); extra column ``sun`` (SUN 2020
    field). Shares sum to 1 per ssyk. Raises InputError for another ``by``.
    """
    chosen = check_by(by)
    frame = level_mix() if chosen == "level" else field_mix()
    frame.attrs.update(link_attrs(chosen))
    return frame
