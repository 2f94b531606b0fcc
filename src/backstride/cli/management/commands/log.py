from backstride.cli.base import BackstrideCommand

PAIN_HELP = "0-10"


class Command(BackstrideCommand):
    help = "Log a session, a run or an outcome measure (odi, endurance, psfs)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True, metavar="{session,run,rating,odi,endurance,psfs}")

        session = sub.add_parser("session", help="a trunk session: from a file, or quickly as planned")
        session.add_argument("--file", metavar="LOG.json", help="a session log (format backstride.session-log/1)")
        session.add_argument("--date", metavar="D", help="the day of the session (default: today)")
        session.add_argument("--as-planned", action="store_true", help="everything was done as prescribed")
        session.add_argument("--pain-during", type=int, metavar="N", help="the worst pain during, " + PAIN_HELP)
        session.add_argument("--pain-before", type=int, metavar="N", help="pain before, " + PAIN_HELP)
        session.add_argument("--pain-after", type=int, metavar="N", help="pain after, " + PAIN_HELP)
        session.add_argument("--effort", type=int, metavar="N", help="effort on the Borg CR10 scale, 0-10")
        session.add_argument("--note", default="", help="anything worth remembering")

        run = sub.add_parser("run", help="a run or walk-run (or, with --walk, a walk)")
        run.add_argument("--date", metavar="D", help="the day of the run (default: today)")
        run.add_argument("--km", type=float, required=True, metavar="X", help="distance in kilometres")
        run.add_argument("--minutes", type=float, required=True, metavar="M", help="duration in minutes")
        run.add_argument("--pain-during", type=int, required=True, metavar="N", help="the worst pain during, 0-10")
        run.add_argument("--pain-after", type=int, metavar="N", help="pain after, 0-10")
        run.add_argument("--effort", type=int, metavar="N", help="how hard it felt on the Borg CR10 scale, 0-10")
        run.add_argument(
            "--walk",
            action="store_true",
            help="it was a walk: a 30-minute walk at pain 2/10 or less counts towards starting walk-run",
        )

        rating = sub.add_parser("rating", help="how an imported run felt: pain during (and after) and effort")
        rating.add_argument(
            "--run", type=int, required=True, metavar="ID", help="the run's number ('today' lists them)"
        )
        rating.add_argument("--pain-during", type=int, required=True, metavar="N", help="the worst pain during, 0-10")
        rating.add_argument("--pain-after", type=int, metavar="N", help="pain after, 0-10")
        rating.add_argument("--effort", type=int, metavar="N", help="how hard it felt on the Borg CR10 scale, 0-10")

        odi = sub.add_parser("odi", help="the Oswestry questionnaire, from a file of the ten sections")
        odi.add_argument("--file", required=True, metavar="FILE", help='JSON: {"pain_intensity": 1, ...}')
        odi.add_argument("--date", metavar="D")

        end = sub.add_parser("endurance", help="the trunk endurance self-tests, in seconds")
        for name in ("flexor", "extensor", "side-right", "side-left"):
            end.add_argument(f"--{name}", type=float, required=True, metavar="S")
        end.add_argument("--variant", choices=["home", "mcgill"], default="home")
        end.add_argument("--date", metavar="D")

        psfs = sub.add_parser("psfs", help="re-rate your chosen activities, 0 (unable) to 10 (as before)")
        psfs.add_argument(
            "--rating",
            action="append",
            required=True,
            metavar="ACTIVITY=N",
            help='for example --rating "run 10 km=6"; repeat for each activity',
        )
        psfs.add_argument("--date", metavar="D")

        for p in (session, run, rating, odi, end, psfs):
            self.add_db_arguments(p)
            self.add_json_argument(p)

    def handle(self, *args, **options):
        handler = getattr(self, f"log_{options['what']}")
        handler(options)

    def _done(self, options, state, text: str) -> None:
        changes = [d.as_dict() for d in state.decisions if d.date >= state.as_of]
        if options["json"]:
            self.print_json(
                {"logged": text, "changes": changes, "paused": state.paused.as_dict() if state.paused else None}
            )
            return
        console = self.console()
        console.print(f"Logged {text}.")
        for c in changes:
            if c["kind"] != "pause":  # the pause itself is shown once, below, in full
                console.print(f"  • {c['reason']}")
        if state.paused:
            console.print(f"[bold red]Program paused: {state.paused.message}[/bold red]")
            for reason in state.paused.reasons:
                console.print(f"  • {reason}")

    def log_session(self, options):
        import json

        from backstride.cli.db import parse_date
        from backstride.cli.io import load_json, read_text_file
        from backstride.core.errors import InputError
        from backstride.core.inputs import check_session_log
        from backstride.core.tracking.logs import parse_session_log
        from backstride.runners.services import log_session

        if options["file"]:
            text = read_text_file(options["file"], "--file")
            try:
                data = load_json(text, "--file")
            except json.JSONDecodeError as exc:
                raise InputError("--file", f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
        else:
            if not options["as_planned"]:
                raise InputError("--file", "give a session log file, or use --as-planned with --pain-during")
            if options["pain_during"] is None:
                raise InputError("--pain-during", "is required with --as-planned (0-10)")
            from backstride.core.questionnaires.pain_scale import check_pain

            for name in ("pain_during", "pain_before", "pain_after", "effort"):
                if options[name] is not None:
                    check_pain(options[name], "--" + name.replace("_", "-"))
            during = options["pain_during"]
            data = {
                "date": parse_date(options["date"]).isoformat(),
                "as_planned": True,
                "pain_during": during,
                "pain_before": options["pain_before"] if options["pain_before"] is not None else during,
                "pain_after": options["pain_after"] if options["pain_after"] is not None else during,
                "effort": options["effort"],
                "note": options["note"],
            }
        log = check_session_log(parse_session_log(data))
        state = log_session(self.runner(options), log)
        self._done(options, state, f"the session of {log.date.isoformat()}")

    def log_run(self, options):
        from backstride.cli.db import parse_date
        from backstride.core.tracking.logs import parse_run
        from backstride.runners.services import log_run

        data = parse_run(
            {
                "date": parse_date(options["date"]).isoformat(),
                "km": options["km"],
                "minutes": options["minutes"],
                "pain_during": options["pain_during"],
                "pain_after": options["pain_after"],
                "walk": options["walk"],
                "effort": options["effort"],
            }
        )
        state = log_run(self.runner(options), data)
        what = "walk" if data.walk else "run"
        self._done(options, state, f"a {data.km:g} km {what} on {data.date.isoformat()}")

    def log_rating(self, options):
        from backstride.runners.recorded import rate_run

        runner = self.runner(options)
        state = rate_run(runner, options["run"], options["pain_during"], options["effort"], options["pain_after"])
        self._done(options, state, f"how run {options['run']} felt")

    def log_odi(self, options):
        import json

        from backstride.cli.db import parse_date
        from backstride.cli.io import load_json, read_text_file
        from backstride.core.errors import InputError
        from backstride.core.questionnaires import oswestry
        from backstride.runners.services import record_outcome

        try:
            answers = load_json(read_text_file(options["file"], "--file"), "--file")
        except json.JSONDecodeError as exc:
            raise InputError("--file", f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
        if not isinstance(answers, dict):
            raise InputError("--file", "must be a JSON object of the ten Oswestry sections")
        result = oswestry.score(answers)
        if result.percent is None:
            raise InputError("odi", "more than two sections are unanswered, so it cannot be scored")
        day = parse_date(options["date"])
        record_outcome(self.runner(options), "odi", day, result.percent, answers | result.as_dict())
        self._print_outcome(
            options,
            {"kind": "odi", "date": day.isoformat()} | result.as_dict(),
            f"Oswestry {result.percent} % ({result.band})",
        )

    def log_endurance(self, options):
        from backstride.cli.db import parse_date
        from backstride.core.questionnaires import endurance
        from backstride.runners.services import record_outcome

        times = endurance.EnduranceTimes(
            options["flexor"], options["extensor"], options["side_right"], options["side_left"], options["variant"]
        )
        data = {
            "flexor_seconds": times.flexor,
            "extensor_seconds": times.extensor,
            "side_right_seconds": times.side_right,
            "side_left_seconds": times.side_left,
            "variant": times.variant,
        }
        day = parse_date(options["date"])
        record_outcome(self.runner(options), "endurance", day, None, data)
        ratios = endurance.ratios(times)
        self._print_outcome(
            options,
            {"kind": "endurance", "date": day.isoformat(), "ratios": ratios} | data,
            "endurance tests: " + ", ".join(f"{k} {v['value']}" for k, v in ratios.items() if isinstance(v, dict)),
        )

    def log_psfs(self, options):
        from backstride.cli.db import parse_date
        from backstride.core.errors import InputError
        from backstride.core.questionnaires import psfs
        from backstride.runners.services import record_outcome

        ratings = {}
        for item in options["rating"]:
            activity, sep, value = item.rpartition("=")
            if not sep or not value.strip().isdigit():
                raise InputError("--rating", f"write it as ACTIVITY=N with N from 0 to 10 (got {item!r})")
            ratings[activity.strip()] = int(value)
        result = psfs.score(ratings)
        day = parse_date(options["date"])
        record_outcome(self.runner(options), "psfs", day, result.mean, result.ratings)
        self._print_outcome(
            options,
            {"kind": "psfs", "date": day.isoformat()} | result.as_dict(),
            f"activities rated, mean {result.mean}",
        )

    def _print_outcome(self, options, data: dict, text: str) -> None:
        if options["json"]:
            self.print_json(data)
        else:
            self.console().print(f"Logged {text}.")
