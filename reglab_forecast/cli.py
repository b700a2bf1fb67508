"""The ``reglab-forecast`` command: thin over the library.

Each command is a pair of functions: ``_add_<name>(subparsers)`` declares its arguments and
``_run_<name>(args)`` does the work by calling library functions. Bad input exits with code 2
and a one-line message (no traceback); success exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from . import __version__
from .errors import InputError, ReglabError, ReglabNote

Runner = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help in Swedish, with one metavar per kind of value (LÄN, FIL, MAPP …)."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)

    def _get_default_metavar_for_optional(self, action: argparse.Action) -> str:
        return METAVARS.get(action.dest, action.dest.upper())

    def _get_default_metavar_for_positional(self, action: argparse.Action) -> str:
        return METAVARS.get(action.dest, action.dest)


# The metavar of each kind of value, whatever the option is called.
METAVARS = {
    "region": "LÄN", "lan": "LÄN", "out": "FIL", "scenario": "FIL", "out_dir": "MAPP",
    "csv": "MAPP", "data_dir": "MAPP", "level": "NIVÅ", "years": "ÅR", "year": "ÅR",
    "target_year": "ÅR", "top": "ANTAL", "workers": "ANTAL", "port": "PORT",
    "compare": "LÄN", "shell": "SKAL", "efter": "INDELNING",
}


class _Parser(argparse.ArgumentParser):
    """Swedish help, and usage errors as one line on stderr and exit code 2.

    Subcommands inherit this class, so every ``--help`` is Swedish: "användning:",
    "positionella argument:", "flaggor:".
    """

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _HelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # added below, in Swedish
        super().__init__(*args, **kwargs)
        self._positionals.title = "positionella argument"
        self._optionals.title = "flaggor"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="visa den här hjälptexten och avsluta")

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
    ("invalid float value", "ogiltigt tal"),
    ("expected one argument", "väntade ett värde"),
    ("expected at least one argument", "väntade minst ett värde"),
    ("not allowed with argument", "går inte ihop med argumentet"),
    ("one of the arguments", "ett av argumenten"),
    ("is required", "krävs"),
)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reglab-forecast",
        description="Regional kompetensbild: data, prognoser och underlag för Sveriges 21 län.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}",
                        help="visa versionsnumret och avsluta")
    subparsers = parser.add_subparsers(dest="command", metavar="KOMMANDO",
                                       title="kommandon")
    subparsers.required = True
    for add in sorted(_COMMANDS, key=_command_rank):
        add(subparsers)
    return parser


# Commands register themselves in this list; see the module docstring.
_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []

# The order of ``--help``: the user's commands first, then the analyst's and data commands.
# A command not named here comes last, in the order it registered.
COMMAND_ORDER = ("brief", "tables", "compare", "yrke", "utbildning", "befolkning", "dialog",
                 "show", "project", "backtest", "fetch", "data", "regions", "occupations",
                 "completion")


def _command_rank(add: Callable[[argparse._SubParsersAction], None]) -> int:
    name = add.__name__.removeprefix("_add_")
    return COMMAND_ORDER.index(name) if name in COMMAND_ORDER else len(COMMAND_ORDER)


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
    from .files import check_output_file
    from .loaders import load_age_profile, load_employment

    if args.out:
        check_output_file(args.out, "--out", (".json",))
        check_output_file(args.out.with_suffix(".calibration.json"), "--out")
    from .projection import backtest

    declaration = backtest(load_employment(level=4), age_profile=load_age_profile(level=4))
    print(declaration.to_text())
    if args.save:
        print(f"\nSparad: {declaration.save()}")
    if args.out:
        from .files import record_output

        calibration = args.out.with_suffix(".calibration.json")
        print(f"Sparad: {declaration.save(args.out, calibration)}")
        record_output(args.out, calibration)
    return EXIT_OK


def _add_project(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "project", help="prognos per län och yrke: anställda, pensionsavgångar, behov",
    )
    parser.add_argument("--region", default="riket", help="län (namn eller kod) eller 'riket'")
    parser.add_argument("--level", type=int, default=1, choices=(1, 2, 3, 4), metavar="NIVÅ",
                        help="SSYK-nivå 1–4")
    parser.add_argument("--years", type=int, nargs="+", default=[2030, 2035], metavar="ÅR",
                        help="ett eller flera prognosår efter basåret, högst 15 år fram "
                             "(standard: 2030 2035)")
    parser.add_argument("--scenario", metavar="FIL", help="scenariofil (TOML)")
    parser.add_argument("--out", type=Path, metavar="FIL", help="skriv tabellen som CSV")
    parser.set_defaults(run=_run_project)


def _run_project(args: argparse.Namespace) -> int:
    from .loaders import load_age_profile, load_employment
    from .projection import project
    from .projection.formatting import projection_text
    from .regions import resolve_region

    region = resolve_region(args.region, ("riket", "lan"))
    if args.scenario is not None:
        from .demography.scenario import check_scenario_file

        check_scenario_file(args.scenario)
    if args.out:
        from .files import check_output_file

        check_output_file(args.out, "--out", (".csv",))  # before the projection, not after
    result = project(load_employment(level=4), load_age_profile(level=4),
                     target_years=args.years, scenario=args.scenario)
    table = result.aggregate(level=args.level, regions=[region])
    print(projection_text(result, table))
    if args.out:
        from .projection.formatting import write_csv

        print(f"Sparad: {write_csv(table, args.out)}")
    return EXIT_OK


_COMMANDS += [_add_backtest, _add_project]
# --- data commands: regions, occupations, data, show (reglab_forecast/data_commands.py) ---
from .data_commands import DATA_COMMANDS  # noqa: E402

_COMMANDS.extend(DATA_COMMANDS)


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
    parser.add_argument("--list", action="store_true",
                        help="visa katalogens tabeller (* = standard) och avsluta")
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
            where = spec.table_id or ("sök" if spec.source == "scb" else "JobTech")
            print(f"{mark} {spec.key:<20} {where:<8} {spec.title}")
        return EXIT_OK
    for key in args.tables or []:
        catalogue.table(key)  # unknown names fail before any download
    print("Hämtar data …")
    result = fetch(args.tables, data_dir=args.data_dir, offline=args.offline,
                   scb_url=args.scb_url, table_ids=_table_ids(args.table_id))
    if result.snapshot_dir is not None:
        print(f"Ny ögonblicksbild: {result.snapshot_dir}")
        from .config import get_settings

        if get_settings().snapshot_dir is not None:
            print("Obs: REGLAB_SNAPSHOT_DIR är satt och används före den nya ögonblicksbilden.",
                  file=sys.stderr)
    if not result.ok:
        print(f"{len(result.failed)} tabell(er) kunde inte hämtas; de behåller sina tidigare "
              "data. Kör kommandot igen senare.", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


_COMMANDS += [_add_fetch]


# --- shell completion ---------------------------------------------------------------------------

SHELLS = ("bash", "zsh", "fish", "tcsh", "powershell")


def _add_completion(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "completion", help="skriv ett skript för tabbkomplettering i skalet",
        description="Skriver skalets kompletteringsskript (argcomplete). Lägg till t.ex. "
                    "'eval \"$(reglab-forecast completion bash)\"' i ~/.bashrc.",
    )
    parser.add_argument("shell", nargs="?", default="bash", choices=SHELLS, metavar="SKAL",
                        help=f"skalet: {', '.join(SHELLS)} (standard: bash)")
    parser.set_defaults(run=_run_completion)


def _run_completion(args: argparse.Namespace) -> int:
    import argcomplete

    print(argcomplete.shellcode(["reglab-forecast"], shell=args.shell))
    return EXIT_OK


_COMMANDS += [_add_completion]


# --- report commands: brief, tables, compare (reglab_forecast/report/commands.py) ---
from .report.commands import REPORT_COMMANDS  # noqa: E402

_COMMANDS.extend(REPORT_COMMANDS)

from .report.education_commands import EDUCATION_COMMANDS  # noqa: E402

_COMMANDS.extend(EDUCATION_COMMANDS)

from .report.profile_commands import PROFILE_COMMANDS  # noqa: E402

_COMMANDS.extend(PROFILE_COMMANDS)

from .report.population_commands import POPULATION_COMMANDS  # noqa: E402

_COMMANDS.extend(POPULATION_COMMANDS)

# --- dialogue app: dialog (reglab_forecast/dialog/commands.py) ---
from .dialog.commands import DIALOG_COMMANDS  # noqa: E402

_COMMANDS.extend(DIALOG_COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    if argv is None:
        import argcomplete

        argcomplete.autocomplete(parser)  # answers the shell's completion call, then exits
    args = parser.parse_args(argv)
    runner: Runner = args.run
    original = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: TextIO | None = None, line: str | None = None) -> None:
        """The toolkit's notes (e.g. an old kommun code that was mapped) as one line."""
        if issubclass(category, ReglabNote):
            print(f"reglab-forecast: obs: {message}", file=sys.stderr)
        else:
            original(message, category, filename, lineno, file, line)

    with warnings.catch_warnings():
        warnings.simplefilter("always", ReglabNote)
        warnings.showwarning = show
        return _run(runner, args)


def _run(runner: Runner, args: argparse.Namespace) -> int:
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
    except BrokenPipeError:
        # The reader stopped early (`reglab-forecast regions | head`): not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        # A full disk or a vanished folder: say so in one line; outputs are written atomically,
        # so nothing half-written is left behind.
        from .files import describe_os_error

        print(f"reglab-forecast: fel: {describe_os_error(error)}", file=sys.stderr)
        return EXIT_FAILURE


def run() -> NoReturn:
    """The console command: :func:`main`, then exit without Python's final teardown.

    The work and its output are complete when ``main`` returns; in the teardown that follows, a
    native thread pool (pyarrow's parquet reader) can now and then abort the process
    ("terminate called without an active exception", exit code 134; apache/arrow#34314) and
    turn a finished run or a clean exit code 2 into a crash. The output streams are flushed
    first; every file the toolkit writes is already closed and renamed into place.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        # a closed pipe or stream: nothing more can be said
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    # `python -m reglab_forecast.cli` (e.g. under cProfile) ends normally, so that tools that
    # report at exit can; the installed command and `python -m reglab_forecast` use run().
    sys.exit(main())
