"""Database plumbing for commands: choosing the database, migrating, picking the runner."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from backstride.core.errors import InputError

OUR_APPS = ("runners", "accounts", "clinic")


def apply_db_option(argv: list[str]) -> None:
    """--db PATH (or a database URL) wins over BACKSTRIDE_DB and DATABASE_URL; read before Django starts."""
    for i, arg in enumerate(argv):
        value = None
        if arg == "--db" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--db="):
            value = arg.split("=", 1)[1]
        if value:
            if "://" in value:
                os.environ.pop("BACKSTRIDE_DB", None)
                os.environ["DATABASE_URL"] = value
            else:
                os.environ["BACKSTRIDE_DB"] = str(Path(value).expanduser().resolve())


def use_demo_database(argv: list[str]) -> None:
    """The demo keeps to its own file unless a database was named, so it never mixes with real data."""
    named = any(a == "--db" or a.startswith("--db=") for a in argv)
    if not named and not os.environ.get("BACKSTRIDE_DB") and not os.environ.get("DATABASE_URL"):
        from platformdirs import user_data_dir

        folder = Path(os.environ.get("BACKSTRIDE_DATA_DIR") or user_data_dir("backstride", appauthor=False))
        os.environ["BACKSTRIDE_DB"] = str(folder / "demo.sqlite3")


def ensure_database() -> None:
    """Create the SQLite folder and apply any migrations not yet applied (one cheap query when up to date)."""
    from django.conf import settings
    from django.db import connection
    from django.db.utils import DatabaseError

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    package = Path(__file__).resolve().parent.parent
    on_disk = {(app, p.stem) for app in OUR_APPS for p in (package / app / "migrations").glob("[0-9]*.py")}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = {(app, name) for app, name in cursor.fetchall()}
    except DatabaseError:
        applied = set()
    if not on_disk <= applied:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def pick_runner(choice: str | None):
    from backstride.runners.models import Runner

    runners = list(Runner.objects.order_by("id").only("id", "name"))
    if not runners:
        raise InputError("runner", "there is no runner yet: run 'backstride start --answers FILE' first")
    if choice is None:
        if len(runners) == 1:
            return Runner.objects.get(pk=runners[0].pk)
        listing = ", ".join(f"{r.id} ({r.name})" for r in runners)
        raise InputError("--runner", f"there are several runners; choose one of: {listing}")
    matches = [r for r in runners if str(r.id) == choice or r.name.lower() == choice.lower()]
    if not matches:
        listing = ", ".join(f"{r.id} ({r.name})" for r in runners)
        raise InputError("--runner", f"no runner {choice!r}; runners are: {listing}")
    if len(matches) > 1:
        raise InputError("--runner", f"several runners are called {choice!r}: use the number")
    return Runner.objects.get(pk=matches[0].pk)


def parse_date(value: str | None, option: str = "--date") -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(option, f"must be a date written YYYY-MM-DD (got {value!r})") from None
    if not dt.date(2000, 1, 1) <= day <= dt.date(2099, 12, 31):
        raise InputError(option, f"must be between 2000-01-01 and 2099-12-31 (got {value})")
    return day
