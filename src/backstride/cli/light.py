"""What every backstride command shares, and a command that runs without Django.

`exercises`, `exercise` and `assess` need no database: they read the exercise library and run the
pure core. They are LightCommands, which parse, print and fail exactly as a Django management
command does (the same options, usage lines, messages and exit codes) without importing Django,
which would cost most of their start-up time. The other commands are BackstrideCommands (base.py):
the same shared part on top of Django's BaseCommand.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, ClassVar

from backstride.core.errors import InputError

# Django's own options are for developers; keep them out of a runner's --help.
DJANGO_OPTIONS = {
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


class CommandBasics:
    """Clean errors, --json, --db and rich output, for a command on Django's BaseCommand or on LightCommand."""

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any):
        parser = super().create_parser(prog_name, subcommand.replace("_", "-"), **kwargs)
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        for action in parser._actions:
            if action.dest in DJANGO_OPTIONS:
                action.help = argparse.SUPPRESS
        return parser

    def add_json_argument(self, parser) -> None:
        parser.add_argument("--json", action="store_true", help="print JSON for scripts")

    def add_db_arguments(self, parser, runner: bool = True) -> None:
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
        # Piped, the width is COLUMNS when set (rich reads it), else 110 rather than rich's 80 for a file.
        width = None if out.isatty() or os.environ.get("COLUMNS") else 110
        return Console(file=out, width=width, highlight=False, soft_wrap=False)


class CommandError(Exception):
    """Django's CommandError, for a LightCommand: printed as one line, with its exit status."""

    def __init__(self, *args: Any, returncode: int = 1):
        self.returncode = returncode
        super().__init__(*args)


class CommandParser(argparse.ArgumentParser):
    """Django's CommandParser: a usage error exits from the command line, and raises when called from code."""

    def __init__(self, *, missing_args_message=None, called_from_command_line=None, **kwargs: Any):
        self.missing_args_message = missing_args_message
        self.called_from_command_line = called_from_command_line
        super().__init__(**kwargs)

    def parse_args(self, args=None, namespace=None):
        if self.missing_args_message and not (args or any(not arg.startswith("-") for arg in args)):
            self.error(self.missing_args_message)
        return super().parse_args(args, namespace)

    def error(self, message: str):
        if self.called_from_command_line:
            super().error(message)
        raise CommandError(f"Error: {message}")


class DjangoVersion(argparse.Action):
    """--version prints Django's version, as every management command does; read only when asked."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from importlib.metadata import version

        parser._print_message(version("django") + "\n", sys.stdout)
        parser.exit()


def _error_style(text: str) -> str:
    # Django's ERROR style (bold red) on a terminal; DJANGO_COLORS=nocolor turns it off there too.
    if os.environ.get("DJANGO_COLORS") == "nocolor":
        return text
    return f"\x1b[31;1m{text}\x1b[0m"


class OutputWrapper:
    """Django's OutputWrapper: write() ends each message with a newline, and styles it only on a terminal."""

    def __init__(self, out, ending: str = "\n"):
        self._out = out
        self.style_func = None
        self.ending = ending

    @property
    def style_func(self):
        return self._style_func

    @style_func.setter
    def style_func(self, style_func):
        self._style_func = style_func if style_func and self.isatty() else (lambda text: text)

    def __getattr__(self, name: str):
        return getattr(self._out, name)

    def flush(self) -> None:
        if hasattr(self._out, "flush"):
            self._out.flush()

    def isatty(self) -> bool:
        return hasattr(self._out, "isatty") and self._out.isatty()

    def write(self, msg: str = "", style_func=None, ending: str | None = None) -> None:
        ending = self.ending if ending is None else ending
        if ending and not msg.endswith(ending):
            msg += ending
        self._out.write((style_func or self.style_func)(msg))


class _ManagementCommand:
    """The part of Django's BaseCommand that a command run from the command line uses."""

    help = ""
    requires_system_checks: ClassVar[list[str]] = []
    requires_migrations_checks = False
    base_stealth_options = ("stderr", "stdout")
    stealth_options = ()
    _called_from_command_line = False

    def __init__(self, stdout=None, stderr=None, no_color: bool = False, force_color: bool = False):
        self.stdout = OutputWrapper(stdout or sys.stdout)
        self.stderr = OutputWrapper(stderr or sys.stderr)
        if no_color and force_color:
            raise CommandError("'no_color' and 'force_color' can't be used together.")
        if not no_color and (force_color or sys.stdout.isatty()):
            self.stderr.style_func = _error_style

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = CommandParser(
            prog=f"{os.path.basename(prog_name)} {subcommand}",
            description=self.help or None,
            missing_args_message=getattr(self, "missing_args_message", None),
            called_from_command_line=self._called_from_command_line,
            **kwargs,
        )
        # Django's options, accepted as a management command accepts them (help hidden by CommandBasics)
        parser.add_argument("--version", action=DjangoVersion)
        parser.add_argument("-v", "--verbosity", default=1, type=int, choices=[0, 1, 2, 3])
        parser.add_argument("--settings")
        parser.add_argument("--pythonpath")
        parser.add_argument("--traceback", action="store_true")
        parser.add_argument("--no-color", action="store_true")
        parser.add_argument("--force-color", action="store_true")
        self.add_arguments(parser)
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        pass

    def print_help(self, prog_name: str, subcommand: str) -> None:
        self.create_parser(prog_name, subcommand).print_help()

    def run_from_argv(self, argv: list[str]) -> None:
        self._called_from_command_line = True
        parser = self.create_parser(argv[0], argv[1])
        options = parser.parse_args(argv[2:])
        cmd_options = vars(options)
        args = cmd_options.pop("args", ())
        if options.settings:
            os.environ["DJANGO_SETTINGS_MODULE"] = options.settings
        if options.pythonpath:
            sys.path.insert(0, options.pythonpath)
        try:
            self.execute(*args, **cmd_options)
        except CommandError as exc:
            if options.traceback:
                raise
            self.stderr.write(f"{exc.__class__.__name__}: {exc}")
            sys.exit(exc.returncode)

    def execute(self, *args: Any, **options: Any) -> Any:
        if options["force_color"] and options["no_color"]:
            raise CommandError("The --no-color and --force-color options can't be used together.")
        if options["no_color"]:
            self.stderr.style_func = None
        if options.get("stdout"):
            self.stdout = OutputWrapper(options["stdout"])
        if options.get("stderr"):
            self.stderr = OutputWrapper(options["stderr"])
        output = self.handle(*args, **options)
        if output:
            self.stdout.write(output)
        return output

    def handle(self, *args: Any, **options: Any) -> str | None:
        raise NotImplementedError("a command defines handle()")


class LightCommand(CommandBasics, _ManagementCommand):
    """A backstride command that needs no database, run without Django."""
