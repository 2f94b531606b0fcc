from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "The current plan: what was planned, what changed and why."

    def add_arguments(self, parser):
        parser.add_argument("--date", metavar="D", help="show upcoming sessions from this day (default: today)")
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from backstride.cli.db import parse_date
        from backstride.runners.reports import plan_view

        view = plan_view(self.runner(options), parse_date(options["date"]))
        if options["json"]:
            self.print_json(view)
        else:
            from backstride.cli.render_tracking import render_plan_view

            render_plan_view(self.console(), view)
