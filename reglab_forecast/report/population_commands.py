"""The ``befolkning`` command: population, labour supply and the balance for one län, and
with ``--backtest`` the population backtest against its two baselines."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import InputError
from .tablespec import Table

EXIT_OK = 0


def _add_befolkning(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "befolkning", help="befolkning och arbetskraft mot det beräknade behovet för ett län",
        description="Befolkningsprognos per län (kohort-komponent), arbetskraftsutbud vid "
                    "andelen anställda per invånare (trend) och balansen mot det beräknade "
                    "antalet anställda.",
    )
    parser.add_argument("--region", help='län som kod eller namn, t.ex. "18" eller "Örebro län"')
    parser.add_argument("--csv", type=Path, metavar="MAPP", help="skriv tabellerna som CSV")
    parser.add_argument("--backtest", action="store_true",
                        help="kör befolkningsprognosens backtest och skriv medelfelen")
    parser.add_argument("--save", action="store_true",
                        help="med --backtest: spara siffrorna och intervallen i paketet")
    parser.set_defaults(run=_run_befolkning)


def _print_table(table: Table) -> None:
    rows = [[c.label for c in table.columns], *table.cells()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print(table.title)
    for row in rows:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(row, widths, strict=True))))
    print(table.source)
    print()


def _backtest(save: bool) -> None:
    from ..demography.backtest import backtest
    from ..supply.rate_backtest import rate_backtest
    from ..supply.rates import rate_history

    result = backtest()
    print(result.to_text())
    rates = rate_backtest(rate_history())
    print()
    print(rates.to_text())
    if save:
        print(f"Sparade {result.save()}")
        print(f"Sparade {rates.save()}")


def _run_befolkning(args: argparse.Namespace) -> int:
    if args.save and not args.backtest:
        raise InputError("--save gäller bara med --backtest; skriv --backtest --save")
    if args.backtest:
        _backtest(args.save)
        if args.region is None:
            return EXIT_OK
    if args.region is None:
        raise InputError("ange --region LÄN (t.ex. --region 18) eller --backtest")
    from ..loaders import load_age_profile, load_employment
    from ..projection import project
    from ..regions import region_name, resolve_region
    from .sections.befolkning import build_from

    region = resolve_region(args.region, ("lan",))
    if args.csv is not None:
        from .render import check_writable_dir

        check_writable_dir(args.csv)
    projection = project(load_employment(level=4), load_age_profile(level=4))
    section = build_from(projection, projection.target_years, region, region_name(region))
    if args.csv is not None:
        from .tablepackage import write_csv_dir

        write_csv_dir({t.key: t for t in section.tables}, args.csv,
                      projection.provenance.get("vintage", ""))
        print(f"Skrev {args.csv}")
        return EXIT_OK
    print(section.heading)
    for table in section.tables:
        _print_table(table)
    print(section.paragraphs[-1])
    return EXIT_OK


POPULATION_COMMANDS = [_add_befolkning]
