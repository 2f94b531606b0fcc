from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = (
        "Import recorded runs: FIT, GPX and TCX files (also .gz), and Strava or Garmin Connect account archives (.zip)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="activity files or whole-account .zip archives")
        self.add_db_arguments(parser)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from pathlib import Path

        from backstride.core.errors import InputError
        from backstride.runners.recorded import import_activities

        paths = [Path(p) for p in options["files"]]
        for path in paths:
            if not path.is_file():
                raise InputError("FILE", f"no such file: {path}")
        runner = self.runner(options)
        with self._progress(options, paths) as tick:
            summary = import_activities(runner, self._activities(paths, tick))
        if options["json"]:
            self.print_json({"runner": runner.name} | summary.as_dict())
            return
        self.stdout.write(f"{runner.name}: {summary.sentence()}.")
        if summary.runs + summary.walks + summary.merged:
            self.stdout.write(
                "Each new run asks how it felt: 'backstride today' lists them and "
                "'backstride log rating --run ID --pain-during N --effort N' answers."
            )

    @staticmethod
    def _activities(paths, tick):
        from backstride.core.imports import read_path
        from backstride.runners.recorded import reading_now

        now = reading_now()
        for path in paths:
            yield from read_path(path, now=now, progress=lambda done, total, name=path.name: tick(name, done, total))

    def _progress(self, options, paths):
        """A progress bar on a terminal (never in --json output or when piped); a no-op otherwise."""
        import contextlib
        import sys

        if options["json"] or not sys.stderr.isatty():
            return contextlib.nullcontext(lambda name, done, total: None)
        return _Bar()


class _Bar:
    def __enter__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
        )
        self.progress.__enter__()
        self.tasks: dict[str, int] = {}
        return self.tick

    def tick(self, name: str, done: int, total: int) -> None:
        if name not in self.tasks:
            self.tasks[name] = self.progress.add_task(name, total=total)
        self.progress.update(self.tasks[name], completed=done, total=total)

    def __exit__(self, *exc):
        return self.progress.__exit__(*exc)
