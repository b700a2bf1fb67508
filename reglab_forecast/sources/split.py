"""Selections: expand value expressions, then split a big selection into calls that fit.

Expansion understands the PxWebApi 2.0 value expressions: ``*`` and ``?`` wildcards
(``"*"``, ``"01*"``), ``TOP(n[,offset])``, ``BOTTOM(n[,offset])``, ``RANGE(a,b)``,
``FROM(a)`` and ``TO(b)``; anything else must be a value code.

Splitting finds per-variable chunk sizes that give the fewest calls with at most
``max_cells`` cells each. Variables named in ``keep_whole`` (content and time) are split only
when the rest cannot be made small enough. Chunks are contiguous slices of each variable's
values, and their cartesian product covers every selected cell exactly once.
"""

from __future__ import annotations

import difflib
import fnmatch
import itertools
import math
import re
from collections.abc import Sequence

from ..errors import InputError

_CALL = re.compile(r"^\s*(TOP|BOTTOM|RANGE|FROM|TO)\s*\(([^)]*)\)\s*$", re.IGNORECASE)

Selection = dict[str, list[str]]


def _nearest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.5)
    return f" Menade du {', '.join(repr(c) for c in close)}?" if close else ""


def _index_of(code: str, values: Sequence[str], variable: str) -> int:
    try:
        return list(values).index(code)
    except ValueError:
        raise InputError(
            f"Variabeln {variable!r} har inget värde {code!r}.{_nearest(code, values)}"
        ) from None


def _call(name: str, args: list[str], values: Sequence[str], variable: str) -> list[str]:
    name = name.upper()
    if name in {"TOP", "BOTTOM"}:
        count = int(args[0])
        offset = int(args[1]) if len(args) > 1 and args[1] else 0
        if name == "TOP":
            return list(values[offset:offset + count])
        end = len(values) - offset
        return list(values[max(0, end - count):end])
    if name == "RANGE":
        low, high = (_index_of(a, values, variable) for a in args[:2])
        return list(values[low:high + 1])
    if name == "FROM":
        return list(values[_index_of(args[0], values, variable):])
    return list(values[:_index_of(args[0], values, variable) + 1])  # TO


def expand_expression(expression: str, values: Sequence[str], variable: str) -> list[str]:
    """The value codes one expression stands for, in the table's order."""
    match = _CALL.match(expression)
    if match:
        args = [a.strip() for a in match.group(2).split(",")]
        try:
            return _call(match.group(1), args, values, variable)
        except (ValueError, IndexError):
            raise InputError(
                f"Uttrycket {expression!r} för {variable!r} går inte att tolka"
            ) from None
    if any(ch in expression for ch in "*?"):
        hits = [v for v in values if fnmatch.fnmatchcase(v, expression)]
        if not hits:
            raise InputError(f"Mönstret {expression!r} matchar inget värde i {variable!r}")
        return hits
    _index_of(expression, values, variable)
    return [expression]


def expand_values(wanted: list[str] | str, values: Sequence[str], variable: str) -> list[str]:
    """Expand a list of codes and expressions; keep the table's order, drop repeats."""
    items = [wanted] if isinstance(wanted, str) else list(wanted)
    if not items:
        raise InputError(f"Tomt urval för variabeln {variable!r}")
    chosen: set[str] = set()
    for item in items:
        chosen.update(expand_expression(str(item), values, variable))
    return [v for v in values if v in chosen]


def count_cells(selection: Selection) -> int:
    return math.prod(len(v) for v in selection.values())


def _size_options(n: int) -> list[int]:
    """Chunk sizes worth trying for n values: one per distinct number of chunks."""
    return sorted({math.ceil(n / k) for k in range(1, n + 1)}, reverse=True)


def _greedy_sizes(counts: list[int], budget: int) -> tuple[int, list[int]]:
    """Keep variables whole from the left while they fit: a quick first answer."""
    sizes, product = [], 1
    for n in counts:
        size = max(1, min(n, budget // product))
        sizes.append(size)
        product *= size
    return math.prod(math.ceil(n / s) for n, s in zip(counts, sizes, strict=True)), sizes


def _best_sizes(counts: list[int], budget: int, max_nodes: int = 20_000) -> list[int]:
    """Chunk sizes (one per variable) with product <= budget and the fewest chunks.

    A depth-first search over the sizes worth trying, pruned by the best answer so far and
    stopped after ``max_nodes`` steps (the greedy answer is always a valid fallback).
    """
    best = _greedy_sizes(counts, budget)
    lower_bound = math.ceil(math.prod(counts) / budget)
    nodes = 0

    def search(i: int, sizes: list[int], product: int, chunks: int) -> None:
        nonlocal best, nodes
        nodes += 1
        if chunks >= best[0] or best[0] == lower_bound or nodes > max_nodes:
            return
        if i == len(counts) - 1:
            size = min(counts[i], budget // product)
            total = chunks * math.ceil(counts[i] / size) if size >= 1 else best[0]
            if total < best[0]:
                best = (total, [*sizes, size])
            return
        for size in _size_options(counts[i]):
            if product * size <= budget:
                search(i + 1, [*sizes, size], product * size,
                       chunks * math.ceil(counts[i] / size))

    search(0, [], 1, 1)
    return best[1]


def plan_sizes(
    selection: Selection, max_cells: int, keep_whole: Sequence[str] = ()
) -> dict[str, int]:
    """The chunk size per variable that gives the fewest calls of at most ``max_cells``."""
    names = list(selection)
    counts = {n: len(selection[n]) for n in names}
    whole = [n for n in names if n in keep_whole]
    free = [n for n in names if n not in keep_whole]
    whole_cells = math.prod(counts[n] for n in whole)
    if free and whole_cells <= max_cells:
        sizes = _best_sizes([counts[n] for n in free], max_cells // whole_cells)
        plan = dict(zip(free, sizes, strict=True)) | {n: counts[n] for n in whole}
    else:
        sizes = _best_sizes([counts[n] for n in names], max_cells)
        plan = dict(zip(names, sizes, strict=True))
    return {n: plan[n] for n in names}


def _slices(values: list[str], size: int) -> list[list[str]]:
    """Split values into ceil(n/size) contiguous, near-equal parts."""
    parts = math.ceil(len(values) / size)
    bounds = [round(i * len(values) / parts) for i in range(parts + 1)]
    return [values[bounds[i]:bounds[i + 1]] for i in range(parts)]


def split_selection(
    selection: Selection, max_cells: int, keep_whole: Sequence[str] = ()
) -> list[Selection]:
    """Cut an expanded selection into the fewest chunks of at most ``max_cells`` cells."""
    if max_cells < 1:
        raise ValueError("max_cells must be at least 1")
    if count_cells(selection) <= max_cells:
        return [dict(selection)]
    sizes = plan_sizes(selection, max_cells, keep_whole)
    per_variable = [_slices(selection[n], sizes[n]) for n in selection]
    names = list(selection)
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*per_variable)]
