from backstride.cli.light import LightCommand
from backstride.cli.serialize import exercise_summary
from backstride.core.errors import InputError
from backstride.core.library import load_library
from backstride.core.library.vocabulary import Category


class Command(LightCommand):
    help = "List the exercise library, optionally one category."

    def add_arguments(self, parser):
        parser.add_argument(
            "--category", metavar="C", help=f"only this category: {', '.join(c.value for c in Category)}"
        )
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        category = options["category"]
        if category is not None and category not in {c.value for c in Category}:
            raise InputError("--category", f"must be one of: {', '.join(c.value for c in Category)} (got {category!r})")
        library = load_library()
        exercises = library.in_category(category) if category else list(library)
        if options["json"]:
            self.print_json([exercise_summary(e) for e in exercises])
            return
        from backstride.cli.render import render_library

        render_library(self.console(), [exercise_summary(e) for e in exercises])
