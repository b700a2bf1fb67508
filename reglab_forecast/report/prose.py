"""Numbers for running text; kept here so ``report.prose`` imports go on working.

The helpers live in :mod:`reglab_forecast.prose`, below both the supply and the report layer,
so the supply's sentences round the same way without importing from ``report``.
"""

from __future__ import annotations

from ..prose import *  # noqa: F403
from ..prose import NBSP as NBSP
from ..prose import __all__ as __all__  # one list of exported names, kept in ..prose
