"""The data commands of ``reglab-forecast``: ``regions``, ``occupations``, ``data``, ``show``.

Registered by ``cli.py`` (same pattern: ``_add_<name>(subparsers)`` declares the arguments,
``_run_<name>(args) -> int`` calls library functions). Bad input raises InputError, which
``cli.main`` turns into exit code 2 and a one-line message.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import Any

from .errors import InputError

EXIT_OK = 0
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


def _print_source(attrs: Mapping[Any, Any]) -> None:
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
    from .numbers import format_int
    from .snapshot import dataset_info, snapshot_location

    if args.dataset:
        return _print_dataset(args.dataset, dataset_info)
    table = datasets()
    rows = [[r["dataset"], r["years"], format_int(r["rows"]), r["vintage"]]
            for r in table.to_dict("records")]
    _print_table(["Datamängd", "År", "Rader", "Årgång"], rows, right=frozenset({2}))
    print(f"\nÖgonblicksbild: {snapshot_location()}")
    return EXIT_OK


def _print_dataset(name: str, info: Callable[[str], dict[str, Any]]) -> int:
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
    from .snapshot import series_breaks

    for item in series_breaks(name):
        touched = f" (yrken {', '.join(item.ssyk)})" if item.partial else ""
        print(f"Seriebrott {item.year}{touched}: {item.text}")
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
    from .numbers import format_int, format_percent
    from .projection.outlook import occupation_outlook
    from .summaries import largest_occupations

    if args.top < 1:
        raise InputError(f"--top {args.top}: ange ett antal yrken från 1 och uppåt, t.ex. "
                         "--top 15")
    if args.scenario is not None:
        from .demography.scenario import check_scenario_file

        check_scenario_file(args.scenario)
    table = largest_occupations(args.region, level=args.level, year=args.year, top=args.top)
    # every input is checked (the projection too) before anything is printed
    outlook = occupation_outlook(table.attrs["region"], table["ssyk"], level=args.level,
                                 target_year=args.target_year, scenario=args.scenario)
    year, base = table.attrs["year"], table.attrs["base_year"]
    print(f"{table.attrs['region_name']}: största yrkena {year} (SSYK nivå {args.level})\n")
    rows = [
        [r["ssyk"], r["ssyk_name"], format_int(r["employed"]), format_int(r["change"], plus=True),
         format_percent(r["change_share"], plus=True), format_percent(r["share"])]
        for r in table.to_dict("records")
    ]
    whole = "riket" if table.attrs["region"] == "00" else "länet"
    headers = ["SSYK", "Yrke", f"Anställda {year}", f"Förändring {base}–{year}", "Förändring (%)",
               f"Andel av {whole}"]
    _print_table(headers, rows, right=frozenset({2, 3, 4, 5}))
    if base < 2023 <= year:
        print("\nObs: från 2023 räknas 16–69 år (tidigare 16–64) och imputerade yrken ingår; "
              "en del av förändringen är seriebrott.")
    _print_source(table.attrs)
    _print_outlook(outlook)
    return EXIT_OK


def _print_outlook(outlook: Any) -> None:
    """The projection for the same occupations (recruitment need, retirements, interval)."""
    from .numbers import format_int, format_percent

    meta = outlook.attrs
    print(f"\nPrognos {meta['target_year']} (scenario '{meta['scenario']}', basår "
          f"{meta['base_year']}; 80 %-intervall)\n")
    rows = [[r["ssyk"], str(r["ssyk_name"]), format_int(r["employed"]),
             f"{format_int(r['lower'])}–{format_int(r['upper'])}",
             format_percent(r["share_55plus"]), format_int(r["replacement"]),
             format_int(r["recruitment_need"])] for r in outlook.to_dict("records")]
    headers = ["SSYK", "Yrke", f"Anställda {meta['target_year']}", "Intervall", "55+",
               f"Pensionsavgångar {meta['base_year']}–{meta['target_year']}", "Rekryteringsbehov"]
    _print_table(headers, rows, right=frozenset({2, 3, 4, 5, 6}))
    print("Länets åldersstruktur per yrke är skattad (rikets profil, riksområdet 2017, "
          "länets befolkning); metod och träffsäkerhet: 'reglab-forecast backtest'.")


DATA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_regions, _add_occupations, _add_data, _add_show,
]
