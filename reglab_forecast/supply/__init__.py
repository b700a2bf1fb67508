"""Labour supply per län and the balance against the projected need.

    import reglab_forecast as rf
    from reglab_forecast.demography import project_population
    from reglab_forecast.projection import project
    from reglab_forecast.supply import labour_supply, balance

    people = project_population(rf.load_population())
    supply = labour_supply(people)                 # anställda per invånare × residents 16–69
    result = balance(project(rf.load_employment(4), rf.load_age_profile(4)), supply, people)
    result.table, result.flows, result.statement("18")
"""

from __future__ import annotations

from .balance import Balance, balance
from .labour import employees_by_age, labour_supply

__all__ = ["Balance", "balance", "employees_by_age", "labour_supply"]
