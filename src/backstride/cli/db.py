"""Database plumbing for commands: choosing the database, migrating, picking the runner."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from backstride.core.errors import InputError


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


def _full_apps() -> list[str]:
    """Every app the web app installs (the full settings), so any entry point leaves the same schema."""
    from django.conf import settings

    from backstride.web import settings as web_settings

    return list(dict.fromkeys([*web_settings.INSTALLED_APPS, *settings.INSTALLED_APPS]))


def _migrations_on_disk(app_names: list[str]) -> set[tuple[str, str]]:
    """(app label, migration name) of every migration file, found without importing the apps themselves."""
    from importlib.util import find_spec

    from django.apps import apps

    labels = {config.name: config.label for config in apps.get_app_configs()}
    found = set()
    for name in app_names:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            continue
        label = labels.get(name) or name.rpartition(".")[2]
        for folder in spec.submodule_search_locations:
            found |= {(label, p.stem) for p in (Path(folder) / "migrations").glob("*.py") if p.stem[0] not in "_~"}
    return found


def ensure_database() -> None:
    """Create the SQLite folder and migrate every app of the web app when any migration is not yet applied.

    This is the one way a database is set up, whichever command comes first: the check is one cheap query
    when the schema is current. The data commands run with fewer apps installed (settings_cli), so the
    migration itself runs with all of them, and a database first made by `backstride start` serves the web
    app (sessions, login throttling, admin) as well as one made by `backstride serve`.
    """
    from django.apps import apps
    from django.conf import settings
    from django.db import connection
    from django.db.utils import DatabaseError

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    full = _full_apps()
    on_disk = _migrations_on_disk(full)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = {(app, name) for app, name in cursor.fetchall()}
    except DatabaseError:
        applied = set()
    if on_disk <= applied:
        return
    from django.core.management import call_command

    if all(apps.is_installed(app) for app in full):
        call_command("migrate", verbosity=0, interactive=False)
        return
    from django.test.utils import override_settings

    with override_settings(INSTALLED_APPS=full):
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
        from backstride.runners.services import today

        return today()  # the server's today, as the pages and the API count it
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(option, f"must be a date written YYYY-MM-DD (got {value!r})") from None
    if not dt.date(2000, 1, 1) <= day <= dt.date(2099, 12, 31):
        raise InputError(option, f"must be between 2000-01-01 and 2099-12-31 (got {value})")
    return day
