from backstride.cli.base import BackstrideCommand

EPILOG = """examples:
  backstride history                                   every record, newest day first
  backstride history delete session 12                 delete session log 12
  backstride history edit checkin 7 --pain 3           change the pain of check-in 7
  backstride history edit run 4 --km 6.5 --effort 5    change run 4 (distance and time: typed runs only)
  backstride history edit outcome 3 --seconds side-left=42
  backstride history edit outcome 5 --rating "run 10 km=7"

After a change the program is worked out again from the record's day, and the change is kept in
the plan's history ('backstride plan'). A check-in that reported a warning sign or leg symptoms
cannot be deleted, nor those answers changed: only a clinician clears them."""

# the options named as the record's fields they change
FIELDS = ("pain", "stiffness", "pain_before", "pain_during", "pain_after", "effort", "note", "km", "minutes")
ENDURANCE = {t: f"{t.replace('-', '_')}_seconds" for t in ("flexor", "extensor", "side-right", "side-left")}


class Command(BackstrideCommand):
    help = "Your own history: every session, check-in, run and outcome, with edit and delete."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.epilog = EPILOG
        return parser

    def add_arguments(self, parser):
        parser.add_argument(
            "action",
            nargs="?",
            default="list",
            choices=["list", "edit", "delete"],
            metavar="ACTION",
            help="list (the default), edit or delete",
        )
        parser.add_argument(
            "kind",
            nargs="?",
            choices=["session", "checkin", "run", "outcome"],
            metavar="KIND",
            help="the record's kind: session, checkin, run or outcome",
        )
        parser.add_argument("id", nargs="?", type=int, metavar="ID", help="the record's number (the list shows it)")
        change = parser.add_argument_group("what to change (edit)")
        for name in ("pain", "stiffness", "pain-before", "pain-during", "pain-after", "effort"):
            change.add_argument(f"--{name}", type=int, metavar="N", help="0-10")
        change.add_argument("--note", help="a session's note")
        change.add_argument("--km", type=float, metavar="X", help="a typed run's distance in kilometres")
        change.add_argument("--minutes", type=float, metavar="M", help="a typed run's duration in minutes")
        change.add_argument(
            "--seconds",
            action="append",
            default=[],
            metavar="TEST=S",
            help="an endurance time: flexor=60, side-left=42",
        )
        change.add_argument(
            "--rating", action="append", default=[], metavar="ACTIVITY=N", help="an activity's new score, 0-10"
        )
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from backstride.core.errors import InputError
        from backstride.runners import history

        runner = self.runner(options)
        action, kind, record_id = options["action"], options["kind"], options["id"]
        if action == "list":
            return self.show(history.records(runner), options)
        if kind is None or record_id is None:
            raise InputError("kind", f"say which record to {action}: backstride history {action} KIND ID")
        day = history.record_of(runner, kind, record_id).date
        if action == "delete":
            history.delete(runner, kind, record_id)
        else:
            changes = self.changes(options)
            if not changes:
                raise InputError("edit", "say what to change, for example --pain 3 (see --help)")
            history.edit(runner, kind, record_id, changes)
        runner.refresh_from_db()
        paused = (runner.state or {}).get("paused")
        done = "deleted" if action == "delete" else "changed"
        if options["json"]:
            self.print_json({done: {"kind": kind, "id": record_id, "date": day.isoformat()}, "paused": paused})
            return
        console = self.console()
        console.print(f"{done.capitalize()} {kind} {record_id} of {day.isoformat()}; the program was worked out again.")
        if paused:
            console.print(f"[bold red]Program paused: {paused['message']}[/bold red]")

    def changes(self, options: dict) -> dict:
        from backstride.core.errors import InputError

        changes = {field: options[field] for field in FIELDS if options[field] is not None}
        for item in options["seconds"]:
            test, _sep, seconds = item.partition("=")
            if test not in ENDURANCE:
                raise InputError("--seconds", f"{test!r} is not a test: use {', '.join(ENDURANCE)}")
            try:
                changes[ENDURANCE[test]] = float(seconds)
            except ValueError:
                raise InputError("--seconds", f"{seconds!r} is not a number of seconds") from None
        for item in options["rating"]:
            activity, sep, score = item.rpartition("=")
            if not sep or not score.strip().isascii() or not score.strip().isdigit():
                raise InputError("--rating", f"write it as ACTIVITY=N with N from 0 to 10, got {item!r}")
            changes[activity.strip()] = int(score)
        return changes

    def show(self, records: list[dict], options: dict) -> None:
        if options["json"]:
            self.print_json({"records": [r | {"date": r["date"].isoformat()} for r in records]})
            return
        console = self.console()
        if not records:
            console.print("Nothing logged yet.")
            return
        day = None
        for r in records:
            if r["date"] != day:
                day = r["date"]
                console.print(f"\n[bold]{day.strftime('%A')} {day.isoformat()}[/bold]")
            console.print(f"  {r['kind']} {r['id']}: {describe(r)}", markup=False)


def describe(r: dict) -> str:
    if r["kind"] == "session":
        text = f"pain {r['pain_before']}/{r['pain_during']}/{r['pain_after']} (before/during/after)"
        return text + (f", note: {r['note']}" if r["note"] else "")
    if r["kind"] == "checkin":
        text = f"morning pain {r['pain']}/10" + (
            f", stiffness {r['stiffness']}/10" if r["stiffness"] is not None else ""
        )
        return text + (" (warning sign or leg symptoms: kept until a clinician clears them)" if r["locked"] else "")
    if r["kind"] == "run":
        what = "walk" if r["walk"] else "run"
        pain = "not yet rated" if r["pain_during"] is None else f"pain {r['pain_during']}/10 during"
        return f"{what} {r['km']:g} km in {r['minutes']:g} min, {pain}" + (" (recorded)" if r["recorded"] else "")
    if r["measure"] == "endurance":
        d = r["data"]
        times = ", ".join(f"{test} {d[field]:g} s" for test, field in ENDURANCE.items())
        return f"endurance: {times}"
    return f"{r['measure']}: {r['value']:g}"
