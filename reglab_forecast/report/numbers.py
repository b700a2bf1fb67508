"""Swedish number formats; kept here so ``report.numbers`` imports go on working.

The formatter lives in :mod:`reglab_forecast.numbers`, below both the projection and the report
layer, so the projection's text output can share it without importing from ``report``.
"""

from __future__ import annotations

from ..numbers import *  # noqa: F403
from ..numbers import __all__ as __all__  # one list of exported names, kept in ..numbers
