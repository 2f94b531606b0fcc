from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "What to do today: the session with its doses, running, check-ins and what changed."

    def add_arguments(self, parser):
        parser.add_argument("--date", metavar="D", help="the day to show, YYYY-MM-DD (default: today)")
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from backstride.cli.db import parse_date
        from backstride.runners.reports import today_view

        day = parse_date(options["date"])
        view = today_view(self.runner(options), day)
        if options["json"]:
            self.print_json(view)
        else:
            from backstride.cli.render_tracking import render_today

            render_today(self.console(), view)
