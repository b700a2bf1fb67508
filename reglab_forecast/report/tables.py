"""Every table of the standard brief by key, in the order of its sections.

The tables are built by the section modules (``report/sections``); this is the composition
the table package and notebooks use. ``BriefContext`` lives in ``report/context.py``.
"""

from __future__ import annotations

from .context import BriefContext
from .sections import BRIEF, build_all, tables_of
from .tablespec import Table

__all__ = ["BriefContext", "all_tables"]


def all_tables(ctx: BriefContext, keys: tuple[str, ...] = BRIEF) -> dict[str, Table]:
    """Every table of the sections ``keys`` (the brief by default), by table key."""
    return tables_of(build_all(ctx, keys))
