"""One of two processes logging at once (used by test_concurrency.py)."""

import argparse
import datetime as dt
import sys
import time

from backstride.cli.main import main


def stored_state_is_a_fresh_replay(db: str) -> int:
    """0 when the runner's stored state is what a replay of everything stored gives, without checkpoints."""
    import os

    from backstride.cli.db import apply_db_option

    apply_db_option(["--db", db])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backstride.web.settings")
    import django

    django.setup()
    from backstride.runners import program, services
    from backstride.runners.models import Runner

    program._checkpoint = lambda plan: None  # a replay from the start
    runner = Runner.objects.get()
    fresh = services._replay(runner, runner.state_as_of).stored
    if fresh != runner.state:
        print(f"stored: {runner.state}\nfresh:  {fresh}", file=sys.stderr)
        return 1
    return 0


def run() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--check", action="store_true", help="compare the stored state with a fresh replay")
    parser.add_argument("--start")
    parser.add_argument("--parity", type=int)
    parser.add_argument("--days", type=int)
    parser.add_argument("--go-at", type=float)
    args = parser.parse_args()
    if args.check:
        return stored_state_is_a_fresh_replay(args.db)
    start = dt.date.fromisoformat(args.start)
    time.sleep(max(0.0, args.go_at - time.time()))  # both processes begin together
    failures = 0
    for n in range(args.parity, args.days, 2):
        day = (start + dt.timedelta(days=n)).isoformat()
        commands = [["checkin", "--date", day, "--pain", "2", "--no-red-flags"]]
        commands.append(
            ["log", "session", "--date", day, "--as-planned", "--pain-during", "1", "--effort", "4"]
            if args.parity == 0
            else ["log", "run", "--date", day, "--km", "4", "--minutes", "25", "--pain-during", "1"]
        )
        for command in commands:
            if main([*command, "--db", args.db, "--json"]) != 0:
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(run())
