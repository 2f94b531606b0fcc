from backstride.cli.base import BackstrideCommand
from backstride.cli.io import read_intake_file
from backstride.cli.render import render_assessment

REFUSED = 3  # stored the assessment, but no plan: a referral comes first


class Command(BackstrideCommand):
    help = "Assess a runner from an intake file and store the runner, the assessment and the plan."

    def add_arguments(self, parser):
        parser.add_argument("--answers", required=True, metavar="FILE", help="the intake file (JSON)")
        self.add_db_arguments(parser, runner=False)
        parser.add_argument(
            "--runner",
            metavar="R",
            help="re-assess this existing runner (number or name): a new assessment and plan join their history",
        )
        self.add_json_argument(parser)

    def handle(self, *args, **options):

        from backstride.cli.db import ensure_database
        from backstride.core.intake import parse_intake
        from backstride.runners.services import start_runner

        data = read_intake_file(options["answers"])
        parse_intake(data)  # validate before touching the database: bad input stores nothing
        ensure_database()
        existing = None
        if options["runner"]:
            from backstride.cli.db import pick_runner

            existing = pick_runner(options["runner"])
        runner, result = start_runner(data, existing)
        if options["json"]:
            self.print_json({"runner_id": runner.id} | result)
        else:
            render_assessment(self.console(), result)
            if result["plan"] is not None:
                self.console().print(f"\nStored runner {runner.id} ({runner.name}). Next: 'backstride today'.")
            else:
                self.console().print(f"\nStored the assessment for {runner.name}; no plan until a clinician clears it.")
        if result["plan"] is None:
            raise SystemExit(REFUSED)
