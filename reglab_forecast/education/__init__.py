"""Education: which education the need for labour asks for, and what the population holds.

* ``occupation_education(by="level"|"field")``: the national education mix of every SSYK4;
* ``need_by_education(projection, by=...)``: the projected need spread over that mix per län;
* ``education_supply``: the population's education level per län, projected by cohort, and
  the inflow of each level; ``education_balance``: the verdict per level against the need;
* ``fill_validation`` and ``supply_hindcast``: the measured errors of the method.

No HTTP and no drawing here; the report and the CLI call these functions.
"""

from __future__ import annotations

from .balance import education_balance
from .hindcast import supply_hindcast
from .mix import occupation_education
from .need import need_by_education
from .supply import education_supply
from .validation import fill_validation

__all__ = ["education_balance", "education_supply", "fill_validation", "need_by_education",
           "occupation_education", "supply_hindcast"]
