from backstride.cli.base import BackstrideCommand

# Where `backstride serve` answers by default, for the links back to each day when BACKSTRIDE_SITE_URL is unset.
DEFAULT_SITE_URL = "http://127.0.0.1:8000"


class Command(BackstrideCommand):
    help = "Write the runner's calendar (sessions, maintenance, check-ins, questionnaires) to an .ics file."

    def add_arguments(self, parser):
        parser.add_argument("--out", metavar="FILE", required=True, help="the .ics file to write")
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from pathlib import Path

        from django.conf import settings

        from backstride.runners.calendar_feed import calendar_ics

        runner = self.runner(options)
        out = Path(options["out"])
        text = calendar_ics(runner, settings.SITE_URL or DEFAULT_SITE_URL)
        out.write_bytes(text)
        if options["json"]:
            self.print_json({"runner": runner.name, "out": str(out), "events": text.count(b"BEGIN:VEVENT")})
        else:
            self.stdout.write(f"Wrote {runner.name}'s calendar to {out}")
