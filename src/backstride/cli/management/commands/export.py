from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "Export all of a runner's data as a zip: the backstride.export/1 JSON document and CSV files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--out", metavar="FILE", required=True, help="the file to write: the zip, or the JSON bundle with --fhir"
        )
        parser.add_argument(
            "--fhir", action="store_true", help="write the outcomes as a FHIR R4 Bundle (JSON) instead of the zip"
        )
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
        if options["fhir"]:
            import json

            from backstride.runners.fhir import bundle

            out.write_text(json.dumps(bundle(runner), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            what = "FHIR R4 Bundle"
        else:
            out.write_bytes(export_zip(runner))
            what = FORMAT
        if options["json"]:
            self.print_json({"runner": runner.id, "file": str(out), "format": what})
        else:
            self.console().print(f"Wrote {runner.name}'s data to {out} ({what}).")
