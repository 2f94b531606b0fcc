from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "Progress: pain trend, Oswestry, endurance, adherence and running volume."

    def add_arguments(self, parser):
        parser.add_argument("--date", metavar="D", help="progress up to this day (default: today)")
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from backstride.cli.db import parse_date
        from backstride.runners.reports import progress_view

        view = progress_view(self.runner(options), parse_date(options["date"]))
        if options["json"]:
            self.print_json(view)
        else:
            from backstride.cli.render_tracking import render_progress

            render_progress(self.console(), view)
