"""The `backstride` console script.

Every subcommand is a Django management command of this app, so the CLI, the
web app and the tests share one settings module and one way to run things.
"""

from __future__ import annotations

import os
import pkgutil
import sys

from backstride import __version__

from . import management

WEB_COMMANDS = frozenset({"serve", "demo", "manage"})
DESCRIPTION = (
    "backstride: a complete 8-week home rehab program for runners with low back pain, then "
    "weekly core work for good. It guides and screens; it does not replace a clinician."
)


def command_names() -> list[str]:
    commands_pkg = os.path.join(os.path.dirname(management.__file__), "commands")
    names = (m.name for m in pkgutil.iter_modules([commands_pkg]) if not m.name.startswith("_"))
    return sorted(n.replace("_", "-") for n in names)


def command_help(name: str) -> str:
    module = __import__(f"backstride.cli.management.commands.{name.replace('-', '_')}", fromlist=["Command"])
    return module.Command.help.split("\n")[0]


def overview() -> str:
    lines = [DESCRIPTION, "", "usage: backstride COMMAND [options]", "", "commands:"]
    names = command_names()
    width = max(len(n) for n in names)
    lines += [f"  {n.ljust(width)}  {command_help(n)}" for n in names]
    lines += ["", "Run 'backstride COMMAND --help' for a command's options."]
    return "\n".join(lines)


def _setup_django() -> None:
    """django.setup() without the URL script prefix, which the command line never needs.

    django.setup() imports the URL machinery (and with it the HTTP stack, a tenth of a second)
    only to set that prefix, so the same three steps are done here without it.
    """
    from django.apps import apps
    from django.conf import settings
    from django.utils.log import configure_logging

    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    apps.populate(settings.INSTALLED_APPS)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or args[0] in ("-h", "--help", "help"):
        print(overview())
        return 0
    if args[0] == "--version":
        print(f"backstride {__version__}")
        return 0
    if args[0] not in command_names():
        print(
            f"backstride: error: unknown command '{args[0]}'; commands are: {', '.join(command_names())}",
            file=sys.stderr,
        )
        return 2
    from .db import apply_db_option, use_demo_database

    apply_db_option(args)
    if args[0] == "demo":
        use_demo_database(args)
    # The web commands need every app; the data commands start faster with only their own.
    full = args[0] in WEB_COMMANDS
    os.environ.setdefault(
        "DJANGO_SETTINGS_MODULE", "backstride.web.settings" if full else "backstride.web.settings_cli"
    )
    _setup_django()
    from django.core.management import load_command_class

    name = args[0].replace("-", "_")
    try:
        load_command_class("backstride.cli", name).run_from_argv(["backstride", name, *args[1:]])
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
