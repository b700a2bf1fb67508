"""One section of the brief: what a section module returns.

Every section of the standard brief is a module with one function ``build(ctx) -> Section``
that reads the shared context of one region and one scenario and returns its tables, figures
and text. The brief, the table package, ``compare``, the occupation profiles and the dialogue
app compose the same sections, so a number has one origin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .figures import Figure
from .tablespec import Table

__all__ = ["Section"]


@dataclass(frozen=True)
class Section:
    key: str  # ASCII, e.g. "befolkning"; also the table package's sheet prefix
    heading: str  # Swedish heading in the brief
    paragraphs: tuple[str, ...] = ()  # Swedish text, numbers already formatted for reading
    tables: tuple[Table, ...] = ()  # exact values; the table package stores them unrounded
    figures: tuple[Figure, ...] = ()
    # Sentences the summary on page 1 may quote, each derived from this section's tables.
    summary: tuple[str, ...] = field(default_factory=tuple)
