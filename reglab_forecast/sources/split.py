"""Selections: expand value expressions, then split a big selection into calls that fit.

Expansion follows the PxWebApi 2.0 server's rules for value expressions (see
``expand_expression``): ``*`` and ``?`` wildcards, ``TOP(n[,offset])``, ``BOTTOM(n[,offset])``,
``RANGE(a,b)``, ``FROM(a)`` and ``TO(b)``; anything else must be a value code.

Splitting finds per-variable chunk sizes that give the fewest calls with at most
``max_cells`` cells each. Variables named in ``keep_whole`` (content and time) are split only
when the rest cannot be made small enough. Chunks are contiguous slices of each variable's
values, and their cartesian product covers every selected cell exactly once.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from collections.abc import Sequence

from ..errors import InputError

# The server's own validation patterns (PxWebApi 2.0, SelectionHandler), case-insensitive.
_PATTERNS = {
    "TOP": re.compile(r"^TOP\(([1-9]\d*)(?:,(\d+))?\)$", re.IGNORECASE),
    "BOTTOM": re.compile(r"^BOTTOM\(([1-9]\d*)(?:,(\d+))?\)$", re.IGNORECASE),
    "RANGE": re.compile(r"^RANGE\(([^,]+),([^,)]+)\)$", re.IGNORECASE),
    "FROM": re.compile(r"^FROM\(([^,]+)\)$", re.IGNORECASE),
    "TO": re.compile(r"^TO\(([^,]+)\)$", re.IGNORECASE),
}
_EXAMPLES = {"TOP": "TOP(5) eller TOP(5,1)", "BOTTOM": "BOTTOM(5) eller BOTTOM(5,1)",
             "RANGE": "RANGE(2015,2020)", "FROM": "FROM(2015)", "TO": "TO(2020)"}

Selection = dict[str, list[str]]


def _nearest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.5)
    return f" Menade du {', '.join(repr(c) for c in close)}?" if close else ""


def _find(code: str, values: Sequence[str], variable: str) -> str:
    """The value ``code`` stands for: exact, else the one equal without regard to case."""
    if code in values:
        return code
    folded = code.casefold()
    for value in values:
        if value.casefold() == folded:
            return value
    raise InputError(
        f"Variabeln {variable!r} har inget värde {code!r}.{_nearest(code, values)}"
    )


def _function(expression: str) -> str | None:
    """"TOP", "BOTTOM", … when ``expression`` starts like one of them, else None."""
    head = expression.split("(", 1)[0].upper()
    return head if "(" in expression and head in _PATTERNS else None


def _ordered(values: Sequence[str], is_time: bool, newest_first: bool) -> list[str]:
    """The order the server counts in: the table's, or time periods sorted as text."""
    return sorted(values, reverse=newest_first) if is_time else list(values)


def _call(name: str, args: tuple[str, ...], values: Sequence[str], variable: str,
          is_time: bool) -> list[str]:
    if name in {"TOP", "BOTTOM"}:
        count, offset = int(args[0]), int(args[1] or 0)
        codes = _ordered(values, is_time, newest_first=True)
        if name == "TOP":  # time: the newest periods; otherwise the first values
            return codes[offset:offset + count]
        end = len(codes) - offset  # time: the oldest periods; otherwise the last values
        return codes[max(0, end - count):max(0, end)]
    codes = _ordered(values, is_time, newest_first=False)
    found = [codes.index(_find(a, values, variable)) for a in args]
    if name == "RANGE":
        low, high = sorted(found)
        return codes[low:high + 1]
    return codes[found[0]:] if name == "FROM" else codes[:found[0] + 1]


def _star(expression: str, values: Sequence[str], variable: str) -> list[str]:
    """``*``, ``abc*``, ``*abc`` and ``*abc*`` (the only forms the server accepts)."""
    stars = expression.count("*")
    inner = expression.strip("*").casefold()
    if expression != "*" and (
            stars > 2 or (stars == 1 and not expression.startswith("*")
                          and not expression.endswith("*"))
            or (stars == 2 and not (expression.startswith("*") and expression.endswith("*")))):
        raise InputError(f"Mönstret {expression!r} för {variable!r} är inte tillåtet: * får "
                         "bara stå först och/eller sist, t.ex. '01*', '*99' eller '*5*'")
    if expression == "*":
        return list(values)
    if expression.startswith("*") and expression.endswith("*"):
        return [v for v in values if inner in v.casefold()]
    if expression.startswith("*"):
        return [v for v in values if v.casefold().endswith(inner)]
    return [v for v in values if v.casefold().startswith(inner)]


def _question(expression: str, values: Sequence[str]) -> list[str]:
    pattern = re.compile("^" + re.escape(expression).replace("\\?", ".") + "$", re.IGNORECASE)
    return [v for v in values if pattern.match(v)]


def expand_expression(expression: str, values: Sequence[str], variable: str,
                      is_time: bool = False) -> list[str]:
    """The value codes one expression stands for, as SCB's PxWebApi 2.0 server expands it.

    ``*`` and ``?`` wildcards (case-insensitive; ``*`` only first and/or last), ``TOP(n[,o])``
    and ``BOTTOM(n[,o])`` (on the time variable TOP counts from the newest period, BOTTOM from
    the oldest; elsewhere TOP takes the first values, BOTTOM the last), ``RANGE(a,b)`` (either
    order), ``FROM(a)``, ``TO(b)`` (time periods in time order), or a value code (any case).
    Raises ``InputError`` for an expression the server would refuse or that selects nothing.
    """
    if "*" in expression or "?" in expression:
        hits = (_star(expression, values, variable) if "*" in expression
                else _question(expression, values))
        if not hits:
            raise InputError(f"Mönstret {expression!r} matchar inget värde i {variable!r}")
        return hits
    name = _function(expression)
    if name is None:
        return [_find(expression, values, variable)]
    match = _PATTERNS[name].match(expression)
    if match is None:
        raise InputError(f"Uttrycket {expression!r} för {variable!r} går inte att tolka; "
                         f"skriv t.ex. {_EXAMPLES[name]} (utan mellanslag)")
    hits = _call(name, match.groups(), values, variable, is_time)
    if not hits:
        raise InputError(f"Uttrycket {expression!r} väljer inget värde i {variable!r} "
                         f"({len(values)} värden)")
    return hits


def expand_values(wanted: list[str] | str, values: Sequence[str], variable: str,
                  is_time: bool = False) -> list[str]:
    """Expand a list of codes and expressions; keep the table's order, drop repeats."""
    items = [wanted] if isinstance(wanted, str) else list(wanted)
    if not items:
        raise InputError(f"Tomt urval för variabeln {variable!r}")
    chosen: set[str] = set()
    for item in items:
        chosen.update(expand_expression(str(item), values, variable, is_time))
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
