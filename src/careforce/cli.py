"""The ``careforce`` command: run the platform, load the demo region, and the data tools."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

import careforce.commands


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careforce.settings")
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careforce", description="The West Midlands adult social care workforce platform"
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    # every module in careforce.commands adds its own subcommand
    for info in sorted(pkgutil.iter_modules(careforce.commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"careforce.commands.{info.name}").add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "needs_django", True):
        _setup_django()
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
