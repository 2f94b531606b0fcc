from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "Export all of a runner's data as a zip: the backstride.export/1 JSON document and CSV files."

    def add_arguments(self, parser):
        parser.add_argument("--out", metavar="FILE", required=True, help="the zip file to write")
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from pathlib import Path

        from backstride.core.errors import InputError
        from backstride.runners.export import FORMAT, export_zip

        runner = self.runner(options)
        out = Path(options["out"]).expanduser()
        if out.is_dir() or not out.parent.is_dir():
            raise InputError("--out", f"cannot write a file at {options['out']}")
        out.write_bytes(export_zip(runner))
        if options["json"]:
            self.print_json({"runner": runner.id, "file": str(out), "format": FORMAT})
        else:
            self.console().print(f"Wrote {runner.name}'s data to {out} ({FORMAT}).")
