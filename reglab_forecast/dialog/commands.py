"""The ``dialog`` command, registered by ``cli.py``: the dialogue app in the browser."""

from __future__ import annotations

import argparse
import importlib.util

from ..errors import InputError


def _add_dialog(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "dialog", help="starta dialogverktyget i webbläsaren (scenariospakar per län)",
        description="Startar en lokal webbsida på 127.0.0.1 för en dialog: välj län och vy, "
                    "dra i scenariots spakar och ladda ner underlaget (PDF, tabeller och "
                    "scenariofil). Avsluta med Ctrl+C.",
    )
    parser.add_argument("--region", default="Stockholm",
                        help='län som kod eller namn, t.ex. "25" eller "Norrbotten"')
    parser.add_argument("--port", type=int, default=8866, help="port på 127.0.0.1 (8866)")
    parser.add_argument("--no-browser", action="store_true",
                        help="öppna inte webbläsaren (adressen skrivs ut)")
    parser.set_defaults(run=_run_dialog)


# The modules of the ``[dialog]`` extra, checked before any of them is imported.
DIALOG_MODULES = ("ipywidgets", "voila", "ipykernel")


def check_dialog_modules() -> None:
    """InputError (one line naming the extra) when a module of ``[dialog]`` is missing."""
    for name in DIALOG_MODULES:
        if importlib.util.find_spec(name) is None:
            raise InputError(f"dialogverktyget behöver {name}, som saknas; installera det med "
                             "pip install \"reglab_forecast[dialog]\"")


def _run_dialog(args: argparse.Namespace) -> int:
    from ..regions import resolve_region

    region = resolve_region(args.region, ("lan",))
    check_dialog_modules()
    from .server import HOST, check_port, serve

    port = check_port(args.port)
    print(f"Dialogverktyget: http://{HOST}:{port}/  (avsluta med Ctrl+C)")
    return serve(region, port, open_browser=not args.no_browser)


DIALOG_COMMANDS = [_add_dialog]
