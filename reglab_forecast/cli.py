"""The ``reglab-forecast`` command: thin over the library.

Each command is a pair of functions: ``_add_<name>(subparsers)`` declares its arguments and
``_run_<name>(args)`` does the work by calling library functions. Bad input exits with code 2
and a one-line message (no traceback); success exits 0.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from .errors import InputError, ReglabError

Runner = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr and exit code 2 (subcommands inherit this class)."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("argument "):
            message = "argumentet " + message.removeprefix("argument ")
        for english, swedish in _ARGPARSE_SV:
            message = message.replace(english, swedish)
        self.exit(EXIT_USAGE, f"{self.prog}: fel: {message} (se '{self.prog} --help')\n")


# argparse's own messages, in Swedish like the rest of the command's output.
_ARGPARSE_SV = (
    ("the following arguments are required", "följande argument krävs"),
    ("unrecognized arguments", "okända argument"),
    ("invalid choice", "ogiltigt val"),
    ("choose from", "välj bland"),
    ("invalid int value", "ogiltigt heltal"),
    ("expected one argument", "väntade ett värde"),
)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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


# --- projection commands: backtest, project -------------------------------------------------


def _add_backtest(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backtest", help="bakåtpröva prognosmetoden och skriv kvalitetsdeklarationen",
        description="Kör metoden som om det vore 2016–2019 och jämför med utfallet "
                    "(län × SSYK3), bredvid tre enkla jämförelsemetoder.",
    )
    parser.add_argument("--save", action="store_true",
                        help="spara deklarationen och intervallkalibreringen i paketet")
    parser.add_argument("--out", type=Path, metavar="FIL",
                        help="spara deklarationen som JSON i FIL")
    parser.set_defaults(run=_run_backtest)


def _run_backtest(args: argparse.Namespace) -> int:
    from .loaders import load_employment
    from .projection import backtest

    declaration = backtest(load_employment(level=4))
    print(declaration.to_text())
    if args.save:
        print(f"\nSparad: {declaration.save()}")
    if args.out:
        print(f"Sparad: {declaration.save(args.out, args.out.with_suffix('.calibration.json'))}")
    return EXIT_OK


def _add_project(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "project", help="prognos per län och yrke: sysselsatta, pensionsavgångar, behov",
    )
    parser.add_argument("--region", default="riket", help="län (namn eller kod) eller 'riket'")
    parser.add_argument("--level", type=int, default=1, choices=(1, 2, 3, 4), help="SSYK-nivå")
    parser.add_argument("--years", type=int, nargs="+", default=[2030, 2035], metavar="ÅR")
    parser.add_argument("--scenario", metavar="FIL", help="scenariofil (TOML)")
    parser.add_argument("--out", type=Path, metavar="FIL", help="skriv tabellen som CSV")
    parser.set_defaults(run=_run_project)


def _run_project(args: argparse.Namespace) -> int:
    from .loaders import load_age_profile, load_employment
    from .projection import project
    from .projection.formatting import projection_text
    from .regions import resolve_region

    region = resolve_region(args.region, ("riket", "lan"))
    result = project(load_employment(level=4), load_age_profile(level=4),
                     target_years=args.years, scenario=args.scenario)
    table = result.aggregate(level=args.level, regions=[region])
    print(projection_text(result, table))
    if args.out:
        from .projection.formatting import write_csv

        print(f"Sparad: {write_csv(table, args.out)}")
    return EXIT_OK


_COMMANDS += [_add_backtest, _add_project]
# --- data commands: regions, occupations, data, show ----------------------------------------


def _print_table(headers: list[str], rows: list[list[str]], right: frozenset[int] = frozenset()
                 ) -> None:
    """A plain text table; columns in ``right`` are right-aligned (numbers)."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def _print_source(attrs: dict) -> None:
    source = attrs.get("source", "")
    vintage = attrs.get("vintage", "")
    print(f"\nKälla: {source}. {vintage}.".replace("..", "."))


def _add_regions(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "regions", help="lista län (eller kommuner) med kod och namn",
        description="Lista länen (standard) eller kommunerna med SCB:s koder och namn.",
    )
    parser.add_argument("--kommuner", action="store_true", help="lista de 290 kommunerna")
    parser.add_argument("--lan", metavar="LÄN", help="bara kommunerna i detta län")
    parser.set_defaults(run=_run_regions)


def _run_regions(args: argparse.Namespace) -> int:
    from .regions import list_regions, resolve_region

    kind = "kommun" if args.kommuner or args.lan else "lan"
    table = list_regions(kind)
    if args.lan:
        table = table[table["lan"] == resolve_region(args.lan, kinds=("lan",))]
    rows = [[code, name] for code, name in zip(table["region"], table["region_name"],
                                               strict=True)]
    _print_table(["Kod", "Kommun" if kind == "kommun" else "Län"], rows)
    return EXIT_OK


def _add_occupations(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "occupations", help="lista eller sök yrken i SSYK 2012",
        description="Lista yrkesgrupper i SSYK 2012 på en nivå, eller sök på namn eller kod.",
    )
    parser.add_argument("--level", type=int, choices=(1, 2, 3, 4), default=None,
                        help="SSYK-nivå 1–4 (standard: 4, eller alla nivåer vid sökning)")
    parser.add_argument("--search", metavar="TEXT", help="del av namnet (svenska eller "
                        "engelska) eller kodens början")
    parser.add_argument("--english", action="store_true", help="visa engelska namn")
    parser.set_defaults(run=_run_occupations)


def _run_occupations(args: argparse.Namespace) -> int:
    from .occupations import list_occupations, search_occupations

    if args.search is not None:
        table = search_occupations(args.search, level=args.level)
    else:
        table = list_occupations(args.level or 4)
    if table.empty:
        print(f"Inga yrken matchar '{args.search}'.")
        return EXIT_OK
    column = "ssyk_name_en" if args.english else "ssyk_name"
    rows = [[code, str(level), name] for code, level, name
            in zip(table["ssyk"], table["level"], table[column], strict=True)]
    _print_table(["SSYK", "Nivå", "Yrke"], rows, right=frozenset({1}))
    return EXIT_OK


def _add_data(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "data", help="visa de inbäddade datamängderna och deras årgång",
        description="Visa datamängderna i ögonblicksbilden: innehåll, år, rader och årgång.",
    )
    parser.add_argument("--dataset", metavar="NAMN", help="visa källa, seriebrott och "
                        "anmärkningar för en datamängd")
    parser.set_defaults(run=_run_data)


def _run_data(args: argparse.Namespace) -> int:
    from .loaders import datasets
    from .report.numbers import format_int
    from .snapshot import dataset_info, snapshot_location

    if args.dataset:
        return _print_dataset(args.dataset, dataset_info)
    table = datasets()
    rows = [[r["dataset"], r["years"], format_int(r["rows"]), r["vintage"]]
            for r in table.to_dict("records")]
    _print_table(["Datamängd", "År", "Rader", "Årgång"], rows, right=frozenset({2}))
    print(f"\nÖgonblicksbild: {snapshot_location()}")
    return EXIT_OK


def _print_dataset(name: str, info: Callable[[str], dict]) -> int:
    from .errors import SnapshotError

    try:
        entry = info(name)
    except SnapshotError as error:
        raise InputError(str(error)) from error
    print(f"{name}: {entry['title']}\n\n{entry['description']}\n")
    print(f"Källa: {entry.get('source', '')} ({', '.join(entry['table_ids'])}); "
          f"licens {entry['licence']}; årgång: {entry['vintage']}")
    for origin in entry["origins"]:
        print(f"  från {origin['repository']} @ {origin['commit'][:7]}: {origin['path']}")
    for item in entry["series_breaks"]:
        print(f"Seriebrott {item['year']}: {item['sv']}")
    for note in entry["notes"]:
        print(f"Obs: {note}")
    return EXIT_OK


def _add_show(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show", help="de största yrkena i ett län och förändringen över fem år",
        description="Visa länets största yrken (anställda) det senaste året och förändringen "
        "sedan fem år tidigare.",
    )
    parser.add_argument("--region", required=True, metavar="LÄN",
                        help="län: kod eller namn, t.ex. 18 eller 'Örebro län' (eller Riket)")
    parser.add_argument("--level", type=int, choices=(1, 2, 3, 4), default=4,
                        help="SSYK-nivå 1–4 (standard 4)")
    parser.add_argument("--top", type=int, default=15, help="antal yrken (standard 15)")
    parser.add_argument("--year", type=int, default=None, help="år (standard: senaste)")
    parser.add_argument("--target-year", type=int, default=2030, metavar="ÅR",
                        help="prognosår (standard 2030)")
    parser.add_argument("--scenario", metavar="FIL", help="scenariofil (TOML) för prognosen")
    parser.set_defaults(run=_run_show)


def _run_show(args: argparse.Namespace) -> int:
    from .report.numbers import format_int, format_percent
    from .summaries import largest_occupations

    table = largest_occupations(args.region, level=args.level, year=args.year, top=args.top)
    year, base = table.attrs["year"], table.attrs["base_year"]
    print(f"{table.attrs['region_name']}: största yrkena {year} (SSYK nivå {args.level})\n")
    rows = [
        [r["ssyk"], r["ssyk_name"], format_int(r["employed"]), format_int(r["change"], plus=True),
         format_percent(r["change_share"], plus=True), format_percent(r["share"])]
        for r in table.to_dict("records")
    ]
    headers = ["SSYK", "Yrke", f"Anställda {year}", f"Förändring {base}–{year}", "Förändring (%)",
               "Andel av länet"]
    _print_table(headers, rows, right=frozenset({2, 3, 4, 5}))
    if base < 2023 <= year:
        print("\nObs: från 2023 räknas 16–69 år (tidigare 16–64) och imputerade yrken ingår; "
              "en del av förändringen är seriebrott.")
    _print_source(table.attrs)
    _print_outlook(table, args)
    return EXIT_OK


def _print_outlook(table: Any, args: argparse.Namespace) -> None:
    """The projection for the same occupations (recruitment need, retirements, interval)."""
    from .projection.outlook import occupation_outlook
    from .report.numbers import format_int, format_percent

    outlook = occupation_outlook(table.attrs["region"], table["ssyk"], level=args.level,
                                 target_year=args.target_year, scenario=args.scenario)
    meta = outlook.attrs
    print(f"\nPrognos {meta['target_year']} (scenario '{meta['scenario']}', basår "
          f"{meta['base_year']}; 80 %-intervall)\n")
    rows = [[r["ssyk"], str(r["ssyk_name"]), format_int(r["employed"]),
             f"{format_int(r['lower'])}–{format_int(r['upper'])}",
             format_percent(r["share_55plus"]), format_int(r["replacement"]),
             format_int(r["recruitment_need"])] for r in outlook.to_dict("records")]
    headers = ["SSYK", "Yrke", f"Sysselsatta {meta['target_year']}", "Intervall", "55+",
               f"Pensionsavgångar {meta['base_year']}–{meta['target_year']}", "Rekryteringsbehov"]
    _print_table(headers, rows, right=frozenset({2, 3, 4, 5, 6}))
    print("Regional åldersstruktur skattad från riket; metod och träffsäkerhet: "
          "'reglab-forecast backtest'.")


_COMMANDS.extend([_add_regions, _add_occupations, _add_data, _add_show])


# --- data commands: fetch ---------------------------------------------------------------------


def _add_fetch(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fetch", help="hämta nya data från SCB och Arbetsförmedlingen och bygg om ögonblicksbilden",
        description="Hämtar katalogens tabeller (SCB PxWebApi 2.0, JobTech) till cachen och "
                    "bygger en ny ögonblicksbild i datamappen, som sedan används i stället för "
                    "den inbyggda. Med --offline byggs den från cachen utan nätverk.",
    )
    parser.add_argument("--tables", nargs="+", metavar="TABELL",
                        help="bara dessa tabeller ur katalogen (standard: alla standardtabeller)")
    parser.add_argument("--table-id", action="append", default=[], metavar="NAMN=TAB",
                        help="använd denna SCB-tabell i stället för att söka, t.ex. "
                             "employment=TAB1234")
    parser.add_argument("--offline", action="store_true", default=None,
                        help="använd bara cachen (samma som REGLAB_OFFLINE=1)")
    parser.add_argument("--scb-url", metavar="URL", help="annan PxWebApi-adress "
                        "(standard: REGLAB_SCB_URL eller SCB:s)")
    parser.add_argument("--data-dir", type=Path, metavar="MAPP",
                        help="var ögonblicksbilden skrivs (standard: REGLAB_DATA_DIR)")
    parser.add_argument("--list", action="store_true", help="visa katalogens tabeller och avsluta")
    parser.set_defaults(run=_run_fetch)


def _table_ids(pairs: list[str]) -> dict[str, str]:
    ids = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not value:
            raise InputError(f"--table-id väntar NAMN=TAB, fick {pair!r}")
        ids[key.strip()] = value.strip()
    return ids


def _run_fetch(args: argparse.Namespace) -> int:
    from .sources.catalogue import load_catalogue
    from .sources.refresh import fetch

    catalogue = load_catalogue()
    if args.list:
        for spec in catalogue.tables.values():
            mark = "*" if spec.default else " "
            print(f"{mark} {spec.key:<20} {spec.table_id or 'sök':<8} {spec.title}")
        return EXIT_OK
    for key in args.tables or []:
        catalogue.table(key)  # unknown names fail before any download
    print("Hämtar data …")
    result = fetch(args.tables, data_dir=args.data_dir, offline=args.offline,
                   scb_url=args.scb_url, table_ids=_table_ids(args.table_id))
    if result.snapshot_dir is not None:
        print(f"Ny ögonblicksbild: {result.snapshot_dir}")
    if not result.ok:
        print(f"{len(result.failed)} tabell(er) kunde inte hämtas; de behåller sina tidigare "
              "data. Kör kommandot igen senare.", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


_COMMANDS += [_add_fetch]


# --- report commands: brief, tables, compare (reglab_forecast/report/commands.py) ---
from .report.commands import REPORT_COMMANDS  # noqa: E402

_COMMANDS.extend(REPORT_COMMANDS)


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
