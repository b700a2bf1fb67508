"""The ``yrke`` command: occupation profiles as PDF, registered by ``cli.py``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import InputError
from .commands import SCENARIO_HELP

__all__ = ["PROFILE_COMMANDS"]


def _add_yrke(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "yrke", help="skriv yrkesprofil (PDF) för ett eller flera yrken i ett län",
        description="Yrkesprofil: vad yrket gör, anställda, prognos, rekryteringsbehov och "
                    "Arbetsförmedlingens bild för ett yrke i ett län. Flera koder, eller "
                    "--all-in-area, ger ett häfte med innehållsförteckning.",
    )
    parser.add_argument("ssyk", nargs="*", help="fyrsiffrig SSYK 2012-kod, t.ex. 5321")
    parser.add_argument("--all-in-area", metavar="NAMN",
                        help='alla yrken i ett yrkesområde som häfte: "vård och omsorg" eller '
                             "en siffra 0–9 (yrkesområde i SSYK 2012)")
    parser.add_argument("--region", required=True, help='län som kod eller namn, t.ex. "18"')
    parser.add_argument("--out", type=Path, required=True, help="PDF-fil att skriva")
    parser.add_argument("--scenario", help=SCENARIO_HELP)
    parser.set_defaults(run=_run_yrke)


def _run_yrke(args: argparse.Namespace) -> int:
    from .booklet import find_area, write_booklet
    from .commands import check_scenario
    from .profile import write_profile

    if bool(args.ssyk) == bool(args.all_in_area):
        raise InputError("ange antingen SSYK-koder eller --all-in-area, t.ex. yrke 5321 "
                         "eller yrke --all-in-area \"vård och omsorg\"")
    if args.all_in_area:
        find_area(args.all_in_area)  # an unknown area fails before the data is loaded
    check_scenario(args.scenario)
    if len(args.ssyk) == 1:
        write_profile(args.ssyk[0], args.region, args.out, args.scenario)
    else:
        write_booklet(args.all_in_area or args.ssyk, args.region, args.out, args.scenario)
    print(f"Skrev {args.out}")
    return 0


PROFILE_COMMANDS = [_add_yrke]
