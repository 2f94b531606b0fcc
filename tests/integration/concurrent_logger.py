"""One of two processes logging at once (used by test_concurrency.py)."""

import argparse
import datetime as dt
import sys
import time

from backstride.cli.main import main


def run() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--start", required=True)
    parser.add_argument("--parity", type=int, required=True)
    parser.add_argument("--days", type=int, required=True)
    parser.add_argument("--go-at", type=float, required=True)
    args = parser.parse_args()
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
