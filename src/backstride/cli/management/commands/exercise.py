import difflib

from backstride.cli.light import LightCommand
from backstride.cli.serialize import exercise_detail
from backstride.core import labels
from backstride.core.errors import InputError
from backstride.core.labels import label
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
        ladder = " → ".join(labels.dose(step) for step in dosage["steps"])  # the same words as the pages
        text = "\n".join(
            [
                f"# {d['name']}",
                f"*{label('category', d['category'])}, level {d['level']}, {label('position', d['position'])}; "
                f"equipment: {labels.labels('equipment', d['equipment'], labels.no_equipment())}*",
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
                f"{label('dosage_type', dosage['type'])}{', each side' if dosage['per_side'] else ''}, "
                f"rest {dosage['rest_seconds']} s: {ladder}",
                "",
                f"Easier: {d['regression'] or '-'}   Harder: {d['progression'] or '-'}",
            ]
        )
        self.console().print(Markdown(text))
