"""The ``reglab-forecast`` command: thin over the library.

Each command is a pair of functions: ``_add_<name>(subparsers)`` declares its arguments and
``_run_<name>(args)`` does the work by calling library functions. Bad input exits with code 2
and a one-line message (no traceback); success exits 0.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import __version__
from .errors import InputError, ReglabError

Runner = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reglab-forecast",
        description="Regional kompetensbild: data, prognoser och underlag för Sveriges 21 län.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    subparsers.required = True
    for add in _COMMANDS:
        add(subparsers)
    return parser


# Commands register themselves in this list; see the module docstring.
_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    runner: Runner = args.run
    try:
        return runner(args)
    except InputError as error:
        print(f"reglab-forecast: fel: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ReglabError as error:
        print(f"reglab-forecast: fel: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("reglab-forecast: avbrutet", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
