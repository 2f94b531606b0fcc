from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "Restore a file made by 'backstride export' (or downloaded from the web app) as a new runner."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="the export: the zip, or the JSON document in it")
        self.add_db_arguments(parser, runner=False)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from pathlib import Path

        from backstride.cli.db import ensure_database
        from backstride.core.errors import InputError
        from backstride.runners.restore import MAX_BYTES, read_document, restore

        path = Path(options["file"]).expanduser()
        if not path.is_file():
            raise InputError("FILE", f"no such file: {options['file']}")
        if path.stat().st_size > MAX_BYTES:
            raise InputError("FILE", "is too large to be a backstride export")
        doc = read_document(path.read_bytes())
        ensure_database()
        runner = restore(doc)
        counts = {key: len(doc.get(key) or []) for key in ("assessments", "plans", "session_logs", "checkins", "runs")}
        if options["json"]:
            self.print_json({"runner": runner.id, "name": runner.name} | counts)
        else:
            self.console().print(
                f"Restored {runner.name} as runner {runner.id}: {counts['session_logs']} sessions, "
                f"{counts['checkins']} check-ins and {counts['runs']} runs."
            )
