"""Education: which education the need for labour asks for, and what the population holds.

* ``occupation_education(by="level"|"field")``: the national education mix of every SSYK4;
* ``need_by_education(projection, by=...)``: the projected need spread over that mix per län;
* ``education_supply`` / ``education_balance``: the population's education level per län,
  projected by cohort, and the verdict per level against the need.

No HTTP and no drawing here; the report and the CLI call these functions.
"""

from __future__ import annotations

from .mix import occupation_education

__all__ = ["occupation_education"]
