"""reglab_forecast: regional competence-supply analysis on open SCB and Arbetsförmedlingen data.

The handful of calls a notebook needs::

    import reglab_forecast as rf
    rf.resolve_region("örebro")          # -> "18"
    emp = rf.load_employment(level=3, regions=["18"])
    rf.datasets()                        # what the embedded snapshot holds
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
