"""The `backstride` console script.

Every subcommand is a Django management command of this app, so the CLI, the
web app and the tests share one settings module and one way to run things.
The commands that need no database (and `--help`) start without Django: see light.py.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module

from backstride import __version__

WEB_COMMANDS = frozenset({"serve", "demo", "manage"})
# Commands that read only the exercise library and the pure core: no database, no Django.
LIGHT_COMMANDS = frozenset({"assess", "exercise", "exercises"})
COMMANDS_PACKAGE = "backstride.cli.management.commands"
DESCRIPTION = (
    "backstride: a complete 8-week home rehab program for runners with low back pain, then "
    "weekly core work for good. It guides and screens; it does not replace a clinician."
)
# The first line of each command's help, so that `backstride --help` imports no command (and so no
# Django); tests/e2e/test_cli_startup.py checks it against every Command.help.
SUMMARIES = {
    "assess": "Screen and assess a runner from an intake file and show their 8-week plan.",
    "calendar": "Write the runner's calendar (sessions, maintenance, check-ins, questionnaires) to an .ics file.",
    "checkin": "The morning check-in: pain and stiffness, and the red-flag questions once a week.",
    "clear-referral": "Record that a clinician has cleared a referral, so the paused program resumes.",
    "demo": "Create a demo database once (runners and a clinician with real-looking logs) and serve it.",
    "exercise": "Show one exercise: how to do it, what it should feel like, when to stop.",
    "exercises": "List the exercise library, optionally one category.",
    "export": "Export all of a runner's data as a zip: the backstride.export/1 JSON document and CSV files.",
    "history": "Your own history: every session, check-in, run and outcome, with edit and delete.",
    "import": (
        "Import recorded runs: FIT, GPX and TCX files (also .gz), and Strava or Garmin Connect account archives (.zip)."
    ),
    "import-export": "Restore a file made by 'backstride export' (or downloaded from the web app) as a new runner.",
    "learn": "Short lessons: why the program works the way it does, in plain words.",
    "log": "Log a session, a run or an outcome measure (odi, endurance, psfs).",
    "pdf": "Write the runner's whole program to a PDF to print: summary, 8 weeks to tick off, exercise cards.",
    "plan": "The current plan: what was planned, what changed and why.",
    "progress": "Progress: pain trend, Oswestry, endurance, adherence and running volume.",
    "runners": "List the runners in the database.",
    "serve": "Serve the web app with a production WSGI server (gunicorn) and WhiteNoise for static files.",
    "start": "Assess a runner from an intake file and store the runner, the assessment and the plan.",
    "today": "What to do today: the session with its doses, running, check-ins and what changed.",
    "worker": "Run the job queue: work out due reminders every few minutes and send them by email and Web Push.",
}


def command_names() -> list[str]:
    """Every command module on disk (so a new one runs at once; its summary is checked by a test)."""
    folder = os.path.join(os.path.dirname(__file__), "management", "commands")
    names = (f.removesuffix(".py") for f in os.listdir(folder) if f.endswith(".py") and not f.startswith("_"))
    return sorted(n.replace("_", "-") for n in names)


def command_help(name: str) -> str:
    return SUMMARIES.get(name, "")


def overview() -> str:
    lines = [DESCRIPTION, "", "usage: backstride COMMAND [options]", "", "commands:"]
    names = command_names()
    width = max(len(n) for n in names)
    lines += [f"  {n.ljust(width)}  {command_help(n)}" for n in names]
    lines += ["", "Run 'backstride COMMAND --help' for a command's options."]
    return "\n".join(lines)


def unknown_command(name: str) -> str:
    """What to say about a command that does not exist: the closest one if it looks like a typo, else the list."""
    from difflib import get_close_matches

    known = command_names()
    options = ["--help", "--version"] if name.startswith("-") else []
    # just above difflib's own 0.6: 'exercize' finds 'exercise', 'plot' finds nothing (rather than 'plan',
    # or 'export' at exactly 0.6)
    closest = get_close_matches(name, known + options, n=1, cutoff=0.61)
    if closest:
        return f"unknown command '{name}'; did you mean '{closest[0]}'?"
    return f"unknown command '{name}'; commands are: {', '.join(known)}"


def _setup_django() -> None:
    """django.setup() without the URL script prefix, which the command line never needs.

    django.setup() imports the URL machinery (and with it the HTTP stack, a tenth of a second)
    only to set that prefix, so the same steps are done here without it. Logging is configured
    only when the settings ask for it: importing Django's logging helpers costs another tenth.
    """
    from django.apps import apps
    from django.conf import settings

    if settings.LOGGING_CONFIG:
        from django.utils.log import configure_logging

        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    apps.populate(settings.INSTALLED_APPS)


def _run(command, name: str, args: list[str]) -> int:
    try:
        command.run_from_argv(["backstride", name, *args])
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or args[0] in ("-h", "--help", "help"):
        print(overview())
        return 0
    if args[0] == "--version":
        print(f"backstride {__version__}")
        return 0
    if args[0] not in command_names():
        print(f"backstride: error: {unknown_command(args[0])}", file=sys.stderr)
        return 2
    name = args[0].replace("-", "_")
    if args[0] in LIGHT_COMMANDS:
        return _run(import_module(f"{COMMANDS_PACKAGE}.{name}").Command(), name, args[1:])
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

    return _run(load_command_class("backstride.cli", name), name, args[1:])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
