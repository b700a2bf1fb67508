"""The sections of the brief, one module each, and the lists that compose them.

Each module ``sections/<key>.py`` has ``build(ctx) -> Section``. A composition is a list of
keys: adding a section to the brief is one line in :data:`BRIEF`. :func:`get` builds a section
once per context (the summary reads the others' ``summary`` sentences through it).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..context import BriefContext
    from ..section import Section
    from ..tablespec import Table

__all__ = ["BRIEF", "COMPARE", "PACKAGE", "build_all", "get", "tables_of"]

# The standard brief, in the order of METHOD.md ("The standard brief").
BRIEF = (
    "sammanfattning",
    "nyckeltal",
    "yrkesomraden",
    "rekryteringsbehov",
    "vaxande",
    "befolkning",
    "utbildning",
    "lan",
    "vard_omsorg",
    "kon",
    "lasanvisning",
    "metod",
)
# The table package: the brief's tables plus the full län × SSYK4 table.
PACKAGE = (*BRIEF, "alla_yrken")
# The comparison of the 21 län.
COMPARE = ("jamforelse", "befolkning_lan", "utbildning", "metod")


def get(ctx: BriefContext, key: str) -> Section:
    """The section ``key`` of this context, built on first use."""
    if key not in ctx.built:
        module = import_module(f"{__name__}.{key}")
        ctx.built[key] = module.build(ctx)
    return ctx.built[key]


def build_all(ctx: BriefContext, keys: tuple[str, ...] = BRIEF) -> list[Section]:
    """The sections of a composition, in order."""
    return [get(ctx, key) for key in keys]


def tables_of(sections: list[Section]) -> dict[str, Table]:
    """Every table of the sections by key, in order."""
    return {t.key: t for s in sections for t in s.tables}
