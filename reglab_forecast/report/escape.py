"""Getting text from data or from a user into Typst so that it appears literally.

The brief passes its data to the template as JSON (``data.json``); the template shows those
values as Typst *strings*, which are never parsed as markup. That is the main route and needs no
escaping. When text must be written into markup source instead (a label composed in Python, a
test document), :func:`escape_markup` makes every character literal: Typst accepts a backslash
before any ASCII punctuation character, so all of them are escaped, which also disarms ``//``
comments, ``=`` headings, ``- + /`` list markers at a line start and ``https://`` autolinks.
"""

from __future__ import annotations

import re
import string

__all__ = ["escape_markup", "typst_string"]

_PUNCTUATION = frozenset(string.punctuation)
_WHITESPACE = re.compile(r"\s+")


def escape_markup(text: str) -> str:
    """Text → Typst markup that renders exactly ``text`` (whitespace runs become one space).

    >>> escape_markup("Lön #1 [kr] *netto*")
    'Lön \\\\#1 \\\\[kr\\\\] \\\\*netto\\\\*'
    """
    flat = _WHITESPACE.sub(" ", text)
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in flat)


def typst_string(text: str) -> str:
    """Text → a Typst string literal (for code mode), e.g. ``"a \\"b\\""``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"'
