import sys

from backstride.cli.base import BackstrideCommand
from backstride.core.intake import RedFlags

QUESTIONS = {
    "saddle_numbness": "Numbness around your back passage, genitals or inner thighs?",
    "bladder_or_bowel_change": "New trouble starting or controlling urine, or with your bowels?",
    "new_sexual_dysfunction": "A new change in sexual function?",
    "both_legs_symptoms": "Pain, numbness or pins and needles in both legs?",
    "leg_weakness_worsening": "Leg weakness that is severe or getting worse?",
    "fever_or_unwell": "Fever or chills?",
    "unwell_without_fever": "Feeling generally unwell, without a fever?",
    "history_of_cancer": "Have you ever had cancer?",
    "unexplained_weight_loss": "Weight loss you cannot explain?",
    "recent_significant_trauma": "A significant fall or accident recently?",
    "long_term_steroids": "Do you take steroid medicine long-term?",
    "osteoporosis": "Do you have thinning of the bones (osteoporosis)?",
    "night_pain_not_eased_by_position": "Night pain that changing position does not ease?",
    "immunosuppressed": "Is your immune system weakened (by illness or medicine)?",
    "walking_changed": "Has the way you walk changed?",
}


class Command(BackstrideCommand):
    help = "The morning check-in: pain and stiffness, and the red-flag questions once a week."

    def add_arguments(self, parser):
        parser.add_argument("--date", metavar="D", help="the morning, YYYY-MM-DD (default: today)")
        parser.add_argument("--pain", type=int, required=True, metavar="N", help="pain this morning, 0-10")
        parser.add_argument("--stiffness", type=int, metavar="N", help="stiffness this morning, 0-10")
        parser.add_argument(
            "--leg-symptoms",
            action="store_true",
            help="new numbness, pins and needles or weakness, or leg pain getting worse",
        )
        parser.add_argument(
            "--leg-weakness",
            action="store_true",
            help="a leg feels weak (a leg symptom that needs a same-day check)",
        )
        flags = parser.add_argument_group("the weekly red-flag questions (asked on screen when due)")
        flags.add_argument("--red-flags", metavar="FILE", help="the answers as a JSON file of yes/no (true/false)")
        flags.add_argument("--no-red-flags", action="store_true", help="answer no to every red-flag question")
        flags.add_argument(
            "--flag",
            action="append",
            default=[],
            metavar="NAME",
            choices=sorted(QUESTIONS),
            help="answer yes to this question (repeatable); the others are no",
        )
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from backstride.cli.db import parse_date
        from backstride.core.tracking.logs import parse_checkin
        from backstride.runners.services import checkin, red_flags_due

        runner = self.runner(options)
        day = parse_date(options["date"])
        answers = self.red_flag_answers(options, red_flags_due(runner, day))
        data = parse_checkin(
            {
                "date": day.isoformat(),
                "pain": options["pain"],
                "stiffness": options["stiffness"],
                "leg_symptoms": options["leg_symptoms"],
                "leg_weakness": options["leg_weakness"],
                "red_flags": answers,
            }
        )
        state = checkin(runner, data)
        changes = [d.as_dict() for d in state.decisions if d.date == day]
        if options["json"]:
            self.print_json(
                {
                    "checked_in": day.isoformat(),
                    "changes": changes,
                    "paused": state.paused.as_dict() if state.paused else None,
                }
            )
            return
        console = self.console()
        console.print(f"Checked in for {day.isoformat()}: pain {data.pain}/10.")
        for c in changes:
            if c["kind"] != "pause":  # the pause itself is shown once, below, in full
                console.print(f"  • {c['reason']}")
        if state.paused:
            console.print(f"[bold red]Program paused: {state.paused.message}[/bold red]")
            for reason in state.paused.reasons:
                console.print(f"  • {reason}")

    def red_flag_answers(self, options: dict, due: bool) -> dict | None:
        import json

        from backstride.cli.io import load_json, read_text_file
        from backstride.core.errors import InputError

        if options["red_flags"]:
            try:
                data = load_json(read_text_file(options["red_flags"], "--red-flags"), "--red-flags")
            except json.JSONDecodeError as exc:
                raise InputError("--red-flags", f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
            if not isinstance(data, dict):
                raise InputError("--red-flags", "must be a JSON object of yes/no answers")
            return {k: False for k in RedFlags.model_fields} | data
        if options["no_red_flags"] or options["flag"]:
            return {k: k in options["flag"] for k in RedFlags.model_fields}
        if not due:
            return None
        if not sys.stdin.isatty():
            raise InputError(
                "red_flags",
                "the weekly red-flag questions are due: answer them with --red-flags FILE, "
                "--no-red-flags, or --flag NAME for each yes",
            )
        # Questions go to standard error so that --json output stays clean on standard output.
        sys.stderr.write("This week's safety questions (y/n):\n")
        answers = {}
        for key, question in QUESTIONS.items():
            while True:
                sys.stderr.write(f"  {question} ")
                sys.stderr.flush()
                reply = input().strip().lower()
                if reply in ("y", "yes", "n", "no"):
                    answers[key] = reply.startswith("y")
                    break
                sys.stderr.write("  Please answer y or n.\n")
        return answers
