"""The ``utbildning`` command: the need by education level or field for one län, the level
verdicts, and with ``--backtest`` the measured errors of the education method."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .tablespec import Table

if TYPE_CHECKING:
    from ..projection.model import Projection
    from .section import Section

EXIT_OK = 0
BY = {"nivå": "level", "niva": "level", "inriktning": "field"}


def _add_utbildning(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "utbildning", help="rekryteringsbehov efter utbildningsnivå eller inriktning för ett län",
        description="Behovet per yrke fördelat efter yrkenas utbildningar (nationell koppling), "
                    "med tillskott och bedömning per utbildningsnivå.",
    )
    parser.add_argument("--region", help='län som kod eller namn, t.ex. "18" eller "Örebro län"')
    parser.add_argument("--efter", default="nivå", help="nivå (standard) eller inriktning")
    parser.add_argument("--pdf", type=Path, metavar="FIL.pdf",
                        help="skriv avsnittet som PDF (samma layout som underlaget)")
    parser.add_argument("--out", type=Path, metavar="FIL.xlsx", help="skriv tabellerna (Excel)")
    parser.add_argument("--csv", type=Path, metavar="MAPP", help="skriv tabellerna som CSV")
    parser.add_argument("--backtest", action="store_true",
                        help="skriv metodens mätta fel (dolda celler, bakåtprognos till 2018)")
    parser.set_defaults(run=_run_utbildning)


def _by(text: str) -> str:
    chosen = BY.get(text.strip().lower())
    if chosen is None:
        raise InputError(f"--efter {text!r}: välj 'nivå' eller 'inriktning'")
    return chosen


def _print_backtest() -> None:
    from ..education.hindcast import supply_hindcast
    from ..education.validation import fill_validation
    from ..numbers import fmt_dec

    print("Undertryckta celler (yrke × nivå): dolda publicerade celler fyllda igen, "
          "medelfel i procentenheter")
    for row in fill_validation().itertuples():
        print(f"  {row.fill:20} {row.cells:5} celler  medelfel {fmt_dec(row.mae_pp)}  "
              f"snedvridning {fmt_dec(row.bias_pp)}")
    print("Befolkning 16–74 efter nivå och län 2018, bakåtprognos (WAPE %, andelsfel i pe)")
    for row in supply_hindcast().itertuples():
        print(f"  från {row.origin}  {row.method:30} WAPE {fmt_dec(row.wape_pct)} %  "
              f"andelsfel {fmt_dec(row.share_mae_pp, 2)}")


def _print_table(table: Table) -> None:
    rows = [[c.label for c in table.columns], *table.cells()]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print(table.title)
    for row in rows:
        print("  ".join(cell.ljust(w) if i == 0 or not cell[-1:].isdigit() else cell.rjust(w)
                        for i, (cell, w) in enumerate(zip(row, widths, strict=True))))
    print(table.source)
    print()


def _check_outputs(args: argparse.Namespace) -> None:
    from .render import check_writable, check_writable_dir

    if args.pdf is not None:
        if args.pdf.suffix.lower() != ".pdf":
            raise InputError(f"--pdf {args.pdf}: ska sluta på .pdf")
        check_writable(args.pdf, (".pdf",), "--pdf")
    if args.out is not None:
        if args.out.suffix.lower() != ".xlsx":
            raise InputError(f"--out {args.out}: ska sluta på .xlsx")
        check_writable(args.out, (".xlsx",))
    if args.csv is not None:
        check_writable_dir(args.csv)


def _write_outputs(args: argparse.Namespace, section: Section, region_name: str,
                   projection: Projection) -> None:
    from ..files import write_output
    from .section_pdf import section_pdf
    from .tablepackage import write_csv_dir, write_xlsx

    vintage = projection.provenance.get("vintage", "")
    tables = {table.key: table for table in section.tables}
    if args.pdf is not None:
        subtitle = (f"Rekryteringsbehov efter utbildning {projection.base_year}–"
                    f"{max(projection.target_years)}. Metod: Reglab standard.")
        footer = (f"Källa: SCB (yrkesregistret, lönestrukturstatistiken, UF0506, befolkningen), "
                  f"Arbetsförmedlingen; egen prognos. Data: {vintage}.")
        pdf = section_pdf(section, region_name, subtitle, footer, projection.scenario.name)
        write_output(args.pdf, pdf, "--pdf")
        print(f"Skrev {args.pdf}")
    if args.out is not None:
        write_xlsx(tables, args.out, vintage)
        print(f"Skrev {args.out}")
    if args.csv is not None:
        write_csv_dir(tables, args.csv, vintage)
        print(f"Skrev {args.csv}")


def _run_utbildning(args: argparse.Namespace) -> int:
    if args.backtest:
        _print_backtest()
        if args.region is None:
            return EXIT_OK
    if args.region is None:
        raise InputError("ange --region LÄN (t.ex. --region 18) eller --backtest")
    by = _by(args.efter)
    from ..education.outlook import education_outlook
    from ..loaders import load_age_profile, load_employment
    from ..projection import project
    from ..regions import region_name, resolve_region
    from .sections.utbildning import build_from

    region = resolve_region(args.region, ("lan",))
    _check_outputs(args)
    projection = project(load_employment(level=4), load_age_profile(level=4))
    name = region_name(region)
    section = build_from(education_outlook(projection, region=str(region)), region, name)
    if args.pdf or args.out or args.csv:
        _write_outputs(args, section, name, projection)
        return EXIT_OK
    print(section.heading)
    for table in section.tables:
        if (table.key == "utbildning_inriktning") == (by == "field"):
            _print_table(table)
    print(section.summary[0])
    return EXIT_OK


EDUCATION_COMMANDS = [_add_utbildning]
