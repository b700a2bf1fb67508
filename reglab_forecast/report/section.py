"""One section of the brief: what a section module returns.

Every section of the standard brief is a module with one function ``build(ctx) -> Section``
that reads the shared context of one region and one scenario and returns its tables, figures
and text. The brief, the table package, ``compare``, the occupation profiles and the dialogue
app compose the same sections, so a number has one origin.

A section that gives no ``layout`` is laid out as its paragraphs, then its figures, then its
tables; one that has nothing but a heading and a paragraph is fine too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .figures import Figure
from .tablespec import Table

__all__ = ["Bullets", "FigureGrid", "KeyFigure", "KeyFigures", "Part", "Section", "Subheading",
           "TableView", "Text"]


@dataclass(frozen=True)
class Text:
    paras: tuple[str, ...]


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str  # already formatted for reading
    detail: str


@dataclass(frozen=True)
class KeyFigures:
    items: tuple[KeyFigure, ...]


@dataclass(frozen=True)
class TableView:
    """How the PDF shows a table: text size in points, with or without its title."""

    table: Table
    size: float = 6.5
    title: bool = True


@dataclass(frozen=True)
class FigureGrid:
    """Small figures side by side, ``columns`` to a row."""

    figures: tuple[Figure, ...]
    columns: int = 2


Part = Text | Subheading | Bullets | KeyFigures | Table | TableView | Figure | FigureGrid


@dataclass(frozen=True)
class Section:
    key: str  # ASCII, e.g. "befolkning"; also the table package's sheet prefix
    heading: str  # Swedish heading in the brief
    paragraphs: tuple[str, ...] = ()  # Swedish text, numbers already formatted for reading
    tables: tuple[Table, ...] = ()  # exact values; the table package stores them unrounded
    figures: tuple[Figure, ...] = ()
    # Sentences the summary on page 1 may quote, each derived from this section's tables.
    summary: tuple[str, ...] = field(default_factory=tuple)
    # Optional: the order in which the PDF shows text, tables and figures (see module doc).
    layout: tuple[Part, ...] = ()
    pagebreak: bool = False  # start the section on a new page

    def parts(self) -> tuple[Part, ...]:
        """What the PDF shows, in order."""
        if self.layout:
            return self.layout
        text: tuple[Part, ...] = (Text(self.paragraphs),) if self.paragraphs else ()
        return (*text, *self.figures, *self.tables)
