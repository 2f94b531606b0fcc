import difflib

from backstride.cli.light import LightCommand
from backstride.cli.serialize import exercise_detail
from backstride.core.errors import InputError
from backstride.core.library import load_library


class Command(LightCommand):
    help = "Show one exercise: how to do it, what it should feel like, when to stop."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the exercise's slug, as listed by 'backstride exercises'")
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        library = load_library()
        slug = options["slug"]
        if slug not in library:
            close = difflib.get_close_matches(slug, list(library.exercises), n=3)
            hint = f"; did you mean: {', '.join(close)}?" if close else "; see 'backstride exercises'"
            raise InputError("slug", f"no exercise called {slug!r}{hint}")
        detail = exercise_detail(library[slug])
        if options["json"]:
            self.print_json(detail)
            return
        self.render(detail)

    def render(self, d: dict) -> None:
        from rich.markdown import Markdown

        dosage = d["dosage"]
        ladder = " → ".join(" × ".join(f"{v:g}{_unit(k)}" for k, v in step.items()) for step in dosage["steps"])
        text = "\n".join(
            [
                f"# {d['name']}",
                f"*{d['category'].replace('_', ' ')}, level {d['level']}, {d['position'].replace('_', ' ')}; "
                f"equipment: {', '.join(d['equipment']) or 'none'}*",
                "",
                d["purpose"],
                "",
                "## Setup",
                d["setup"],
                "",
                "## Steps",
                *[f"{i}. {s}" for i, s in enumerate(d["steps"], 1)],
                "",
                "## Cues",
                *[f"- {c}" for c in d["cues"]],
                "",
                "## Common mistakes",
                *[f"- {c}" for c in d["common_mistakes"]],
                "",
                "## What it should feel like",
                d["should_feel"],
                "",
                "## Stop if",
                *[f"- {c}" for c in d["stop_if"]],
                "",
                "## Dosage",
                f"{dosage['type'].replace('_', ' ')}{', each side' if dosage['per_side'] else ''}, "
                f"rest {dosage['rest_seconds']} s: {ladder}",
                "",
                f"Easier: {d['regression'] or '-'}   Harder: {d['progression'] or '-'}",
            ]
        )
        self.console().print(Markdown(text))


def _unit(key: str) -> str:
    return {"sets": " sets", "reps": " reps", "hold_seconds": " s hold", "minutes": " min", "metres": " m"}[key]
