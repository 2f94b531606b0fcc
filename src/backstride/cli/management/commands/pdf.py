from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "Write the runner's whole program to a PDF to print: summary, 8 weeks to tick off, exercise cards."

    def add_arguments(self, parser):
        parser.add_argument("--out", metavar="FILE", required=True, help="the .pdf file to write")
        parser.add_argument(
            "--size", choices=("a4", "letter"), default="a4", help="the paper size: a4 (default) or letter"
        )
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from pathlib import Path

        from django.utils import timezone

        from backstride.pages.program_pdf import program_pdf
        from backstride.runners.services import active_plan

        runner = self.runner(options)
        active_plan(runner)  # no plan: say so as every command does, before rendering anything
        out = Path(options["out"])
        body = program_pdf(runner, timezone.localdate(), options["size"])
        out.write_bytes(body)
        if options["json"]:
            self.print_json({"runner": runner.name, "out": str(out), "size": options["size"], "bytes": len(body)})
        else:
            self.stdout.write(f"Wrote {runner.name}'s program ({options['size']}) to {out}")
