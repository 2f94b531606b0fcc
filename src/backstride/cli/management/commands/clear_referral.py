from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "Record that a clinician has cleared a referral, so the paused program resumes."

    def add_arguments(self, parser):
        parser.add_argument("--note", required=True, help="who cleared it and when, in a few words")
        parser.add_argument("--date", metavar="D", help="the day it was cleared (default: today)")
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from backstride.cli.db import parse_date
        from backstride.runners.services import clear_referral

        state = clear_referral(self.runner(options), parse_date(options["date"]), options["note"])
        if options["json"]:
            self.print_json({"paused": state.paused.as_dict() if state.paused else None})
        else:
            self.console().print("Cleared: the program resumes." if not state.paused else "Still paused.")
