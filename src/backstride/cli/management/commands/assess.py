from backstride.cli.io import read_intake_file
from backstride.cli.light import LightCommand
from backstride.cli.render import render_assessment
from backstride.core.assessment import assess
from backstride.core.intake import parse_intake


class Command(LightCommand):
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

        data = read_intake_file(options["answers"])
        intake = parse_intake(data)
        result = assess(intake)
        if options["json"]:
            self.print_json(result)
        else:
            render_assessment(self.console(), result)
