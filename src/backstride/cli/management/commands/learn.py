from backstride.cli.base import BackstrideCommand
from backstride.core.education import load_lessons
from backstride.core.errors import InputError

DESCRIPTION = """Without a slug: every lesson and the program week it is first shown (earlier at medium or high
STarT Back risk). With --runner, --date or --db: that runner's lessons, the ones already unlocked
first, and today's lesson."""


class Command(BackstrideCommand):
    help = "Short lessons: why the program works the way it does, in plain words.\n\n" + DESCRIPTION

    def add_arguments(self, parser):
        parser.add_argument("slug", nargs="?", help="the lesson to show in full, as listed by 'backstride learn'")
        parser.add_argument("--date", metavar="D", help="with a runner: the day to show, YYYY-MM-DD (default: today)")
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        lessons = load_lessons()
        slug = options["slug"]
        if slug is not None:
            found = next((x for x in lessons if x.slug == slug), None)
            if found is None:
                allowed = ", ".join(x.slug for x in lessons)
                raise InputError("slug", f"no lesson called {slug!r}; must be one of: {allowed}")
            if options["json"]:
                self.print_json(found.as_detail())
            else:
                self.render_lesson(found.as_detail())
            return
        rows = [x.as_summary() for x in lessons]
        today = None
        if options["runner"] or options["date"] or options["db"]:
            rows, today = self.for_runner(options, rows)
        if options["json"]:
            self.print_json(rows)
            return
        self.render_list(rows, today)

    def for_runner(self, options: dict, rows: list[dict]) -> tuple[list[dict], dict | None]:
        """The runner's lessons, unlocked first in the order they unlocked, and the lesson of the day."""
        from backstride.cli.db import parse_date
        from backstride.core.education import lessons_unlocked
        from backstride.runners.reports import today_view
        from backstride.runners.services import active_plan

        day = parse_date(options["date"])
        runner = self.runner(options)
        plan = active_plan(runner)
        risk = plan.assessment.result["startback"]["risk"]
        unlocked = [x.slug for x in lessons_unlocked(plan.start_date, day, risk)]
        today = today_view(runner, day)["lesson"]
        by_slug = {r["slug"]: r for r in rows}
        ordered = [by_slug[s] for s in unlocked] + [r for r in rows if r["slug"] not in unlocked]
        marked = [
            r | {"unlocked": r["slug"] in unlocked, "today": bool(today) and today["slug"] == r["slug"]}
            for r in ordered
        ]
        return marked, today

    def render_list(self, rows: list[dict], today: dict | None) -> None:
        from rich.markup import escape
        from rich.padding import Padding

        console = self.console()
        console.print(f"{len(rows)} lessons")
        for r in rows:
            when = f"week {r['week']}" if r["week"] else "medium or high risk only"
            status = ""
            if "unlocked" in r:
                status = " [green]today[/green]" if r["today"] else " unlocked" if r["unlocked"] else " later"
            console.print(f"\n[bold]{escape(r['title'])}[/bold]{status}")
            details = f"{r['slug']} · {when} (week {r['week_for_higher_risk']} at medium or high risk)"
            console.print(Padding(f"{details}\n{escape(r['summary'])}", (0, 0, 0, 2)))
        if today:
            console.print(f"\nRead today: {escape(today['title'])} (backstride learn {today['slug']})")

    def render_lesson(self, d: dict) -> None:
        from rich.markdown import Markdown

        when = f"week {d['week']}" if d["week"] else "for medium or high STarT Back risk only"
        text = "\n".join(
            [
                f"# {d['title']}",
                f"*{d['summary']}*",
                "",
                *[p + "\n" for p in d["body"]],
                "## Key points",
                *[f"- {k}" for k in d["key_points"]],
                "",
                "## Sources",
                *[f"- {s}" for s in d["sources"]],
                "",
                f"Shown from {when} (week {d['week_for_higher_risk']} at medium or high risk)"
                + ("; again in maintenance." if d["maintenance"] else "."),
            ]
        )
        self.console().print(Markdown(text))
