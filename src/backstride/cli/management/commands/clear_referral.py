from backstride.cli.base import BackstrideCommand

EMERGENCY_WARNING = (
    "Warning: this was an emergency referral. It should be cleared only after a clinician has examined "
    "the runner. Recorded as cleared by {name}."
)


class Command(BackstrideCommand):
    help = "Record that a clinician has cleared a referral, so the paused program resumes."

    def add_arguments(self, parser):
        parser.add_argument("--note", required=True, help="who cleared it and when, in a few words")
        parser.add_argument(
            "--clinician",
            metavar="NAME",
            help="the clinician who cleared it, recorded with the note; required for an emergency referral, "
            "which only a clinician who has examined the runner may clear",
        )
        parser.add_argument("--date", metavar="D", help="the day it was cleared (default: today)")
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from backstride.cli.db import parse_date
        from backstride.core.errors import InputError
        from backstride.core.screening.red_flags import REFER_EMERGENCY
        from backstride.runners.services import clear_referral, referral_to_clear

        runner = self.runner(options)
        day = parse_date(options["date"])
        clinician = (options["clinician"] or "").strip()
        paused = referral_to_clear(runner, day)
        emergency = paused is not None and paused["status"] == REFER_EMERGENCY
        if emergency and not clinician:
            raise InputError(
                "clinician",
                "this is an emergency referral: only a clinician who has examined the runner may clear it; "
                'give their name with --clinician "NAME"',
            )
        state = clear_referral(runner, day, options["note"], cleared_by=clinician or None)
        if emergency:
            self.stderr.write(EMERGENCY_WARNING.format(name=clinician))
        if options["json"]:
            paused = state.paused.as_dict() if state.paused else None
            self.print_json({"paused": paused, "cleared_by": clinician or None})
        else:
            self.console().print("Cleared: the program resumes." if not state.paused else "Still paused.")
