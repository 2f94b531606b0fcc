"""What every backstride command shares: clean errors, --json, rich output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, ClassVar

from django.core.management.base import BaseCommand, CommandParser

from backstride.core.errors import InputError

# Django's own options are for developers; keep them out of a runner's --help.
_DJANGO_OPTIONS = {
    "version",
    "verbosity",
    "settings",
    "pythonpath",
    "traceback",
    "no_color",
    "force_color",
    "skip_checks",
}
USAGE_ERROR = 2


class BackstrideCommand(BaseCommand):
    requires_system_checks: ClassVar[list[str]] = []
    requires_migrations_checks = False

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand.replace("_", "-"), **kwargs)
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        for action in parser._actions:
            if action.dest in _DJANGO_OPTIONS:
                action.help = argparse.SUPPRESS
        return parser

    def add_json_argument(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="print JSON for scripts")

    def add_db_arguments(self, parser: CommandParser, runner: bool = True) -> None:
        parser.add_argument(
            "--db",
            metavar="PATH",
            help="the database: an SQLite file or a database URL (default: BACKSTRIDE_DB, DATABASE_URL, "
            "or the embedded file in your data folder)",
        )
        if runner:
            parser.add_argument("--runner", metavar="R", help="the runner's number or name, when there are several")

    def runner(self, options: dict):
        from .db import ensure_database, pick_runner

        ensure_database()
        return pick_runner(options.get("runner"))

    def execute(self, *args: Any, **options: Any) -> Any:
        try:
            return super().execute(*args, **options)
        except InputError as exc:
            self.stderr.write(f"backstride: error: {exc}")
            raise SystemExit(USAGE_ERROR) from None
        except RecursionError:
            # A backstop: the files a command reads are checked where they are read, naming the option.
            self.stderr.write("backstride: error: input: nested too deeply")
            raise SystemExit(USAGE_ERROR) from None
        except ValueError as exc:
            if "integer string conversion" not in str(exc):
                raise
            self.stderr.write("backstride: error: input: a number is too long")
            raise SystemExit(USAGE_ERROR) from None

    def print_json(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str))

    def console(self):
        from rich.console import Console

        out = getattr(self.stdout, "_out", sys.stdout)
        return Console(file=out, width=None if out.isatty() else 110, highlight=False, soft_wrap=False)
