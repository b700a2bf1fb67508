"""The report's CLI commands (``brief``, ``tables``, ``compare``), registered by ``cli.py``.

Same pattern as ``cli.py``: ``_add_<name>(subparsers)`` and ``_run_<name>(args) -> int``.
Heavy imports (matplotlib, typst) happen inside the runners so other commands stay fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError

EXIT_OK = 0
SCENARIO_HELP = ("scenariofil (TOML) eller namnet på ett medföljande exempel, t.ex. "
                 "batterifabrik-norrbotten; standard: grundscenariot")


def _add_brief(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "brief", help="skriv regional kompetensbild (PDF) för ett län eller alla 21",
        description="Skriver standardunderlaget 'Regional kompetensbild' som PDF (A4, svenska).",
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--region", help='län som kod eller namn, t.ex. "18" eller "Örebro län"')
    target.add_argument("--all", action="store_true", help="alla 21 län (kräver --out-dir)")
    parser.add_argument("--out", type=Path, help="PDF-fil att skriva (med --region)")
    parser.add_argument("--out-dir", type=Path, help="mapp för alla 21 PDF:er (med --all)")
    parser.add_argument("--scenario", help=SCENARIO_HELP)
    parser.add_argument("--workers", type=int, default=2, help="processer för --all (2)")
    parser.set_defaults(run=_run_brief)


def check_scenario(scenario: str | None) -> None:
    """A scenario file or the name of a shipped example; read before any work is done, its
    labour-market and demographic levers alike. Raises ScenarioError (an InputError) naming
    the shipped examples."""
    if scenario is None:
        return
    from ..demography.scenario import check_scenario_file

    check_scenario_file(scenario)


def _run_brief(args: argparse.Namespace) -> int:
    check_scenario(args.scenario)
    if args.all:
        if args.out_dir is None:
            raise InputError("--all kräver --out-dir MAPP")
        from .brief import write_all_briefs

        results = write_all_briefs(args.out_dir, args.scenario, workers=args.workers)
        print(f"Skrev {len(results)} underlag till {args.out_dir}")
        return EXIT_OK
    if args.out is None:
        raise InputError("--region kräver --out FIL.pdf")
    from .brief import write_brief

    result = write_brief(args.region, args.out, args.scenario)
    print(f"Skrev {result.path}", file=sys.stdout)
    return EXIT_OK


def _add_tables(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tables", help="skriv tabellpaketet (Excel och/eller CSV) för ett län",
        description="Samma tabeller som i PDF-underlaget, med en flik som förklarar kolumnerna.",
    )
    parser.add_argument("--region", required=True, help='län som kod eller namn, t.ex. "18"')
    parser.add_argument("--out", type=Path, help="Excel-fil att skriva (.xlsx)")
    parser.add_argument("--csv", type=Path, metavar="MAPP", help="mapp för CSV-filerna")
    parser.add_argument("--scenario", help=SCENARIO_HELP)
    parser.set_defaults(run=_run_tables)


def _run_tables(args: argparse.Namespace) -> int:
    check_scenario(args.scenario)
    if args.out is None and args.csv is None:
        raise InputError("ange --out FIL.xlsx och/eller --csv MAPP")
    from .brief import write_tables

    write_tables(args.region, args.out, args.csv, args.scenario)
    for path in (args.out, args.csv):
        if path is not None:
            print(f"Skrev {path}")
    return EXIT_OK


def _add_compare(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare", help="jämför de 21 länen på standardindikatorerna (PDF eller Excel)",
        description="Länen sida vid sida, rangordnade, med riket som jämförelse.",
    )
    parser.add_argument("--out", type=Path, required=True, help="FIL.pdf eller FIL.xlsx")
    parser.add_argument("--scenario", help=SCENARIO_HELP)
    parser.set_defaults(run=_run_compare)


def _run_compare(args: argparse.Namespace) -> int:
    check_scenario(args.scenario)
    from .compare import write_compare

    write_compare(args.out, args.scenario)
    print(f"Skrev {args.out}")
    return EXIT_OK


REPORT_COMMANDS = [_add_brief, _add_tables, _add_compare]
