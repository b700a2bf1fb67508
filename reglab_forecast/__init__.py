"""reglab_forecast: regional competence-supply analysis on open SCB and Arbetsförmedlingen data.

The handful of calls a notebook needs::

    import reglab_forecast as rf
    rf.resolve_region("örebro")          # -> "18"
    emp = rf.load_employment(level=3, regions=["18"])
    rf.datasets()                        # what the embedded snapshot holds
"""

from __future__ import annotations

__version__ = "0.1.0"

# Data: the embedded snapshot, lookups and loaders.
from .barometer import load_occupation_info  # noqa: E402
from .labour_market import (  # noqa: E402
    load_ads,
    load_af_outlook,
    load_barometer,
    load_commuting,
    load_industry_employment,
    load_jobtech_crosswalk,
)
from .loaders import datasets, load_age_profile, load_employment  # noqa: E402
from .occupations import occupation_name, search_occupations  # noqa: E402
from .population import (  # noqa: E402
    load_births,
    load_deaths,
    load_population,
    load_population_monthly,
)
from .regional_age_loader import load_regional_age_profile  # noqa: E402
from .regions import region_name, resolve_region  # noqa: E402

__all__ = [
    "__version__",
    # data
    "datasets",
    "load_ads",
    "load_af_outlook",
    "load_age_profile",
    "load_barometer",
    "load_births",
    "load_commuting",
    "load_deaths",
    "load_employment",
    "load_industry_employment",
    "load_jobtech_crosswalk",
    "load_occupation_info",
    "load_population",
    "load_population_monthly",
    "load_regional_age_profile",
    "occupation_name",
    "region_name",
    "resolve_region",
    "search_occupations",
]
