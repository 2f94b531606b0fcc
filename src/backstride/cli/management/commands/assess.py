from backstride.cli.base import BackstrideCommand
from backstride.cli.io import load_json, read_text_file
from backstride.cli.render import render_assessment
from backstride.core.assessment import assess
from backstride.core.errors import InputError
from backstride.core.intake import parse_intake


class Command(BackstrideCommand):
    help = "Screen and assess a runner from an intake file and show their 8-week plan."

    def add_arguments(self, parser):
        parser.add_argument("--answers", required=True, metavar="FILE", help="the intake file (JSON)")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="assess and plan without touching any database",
        )
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        import json

        text = read_text_file(options["answers"], "--answers")
        try:
            data = load_json(text, "--answers")
        except json.JSONDecodeError as exc:
            raise InputError(
                "intake", f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
        intake = parse_intake(data)
        result = assess(intake)
        if options["json"]:
            self.print_json(result)
        else:
            render_assessment(self.console(), result)
