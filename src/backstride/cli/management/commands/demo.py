from contextlib import contextmanager

from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "Create a demo database once (runners and a clinician with real-looking logs) and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument("--no-serve", action="store_true", help="only create the demo data")
        self.add_db_arguments(parser, runner=False)

    def handle(self, *args, **options):
        from backstride import demo
        from backstride.cli.db import ensure_database

        quiet = options["verbosity"] == 0
        with self.progress(quiet) as step:
            step(0, 0, "Preparing the database")
            ensure_database()
            if demo.exists():
                step(0, 0, "The demo data is already there")
            logins = demo.seed(progress=step)
        self.stdout.write("Demo logins (every password is the same):")
        for role, name in logins.items():
            self.stdout.write(f"  {role}: {name}")
        site = f"http://{options['host']}:{options['port']}"
        self.stdout.write("The runner in week 3 has reminders on (email, 07:30) and a calendar to subscribe to:")
        self.stdout.write(f"  {site}{demo.calendar_path()}")
        if options["no_serve"]:
            return
        from backstride.web.server import run

        self.stdout.write(f"Open http://{options['host']}:{options['port']}/ (Ctrl+C stops it)")
        self.stdout.flush()
        run(options["host"], options["port"])

    @contextmanager
    def progress(self, quiet: bool):
        """Report each step of building the demo data on stderr: a bar on a terminal, else a line per step.

        A step is (number, how many, what); number 0 is a step outside the count, such as the database.
        Progress goes to stderr so that the logins on stdout stay the only output a script reads.
        """
        if quiet:
            yield lambda number, total, what: None
        elif self.stderr.isatty():
            yield from self._progress_bar()
        else:

            def line(number: int, total: int, what: str) -> None:
                counted = f"Building the demo data, {number} of {total}: " if number else ""
                self.stderr.write(f"{counted}{what}")  # not a terminal, so not in the error colour
                self.stderr.flush()

            yield line

    def _progress_bar(self):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=Console(file=self.stderr._out), transient=False) as bar:
            task = bar.add_task("Preparing the database", total=None)

            def update(number: int, total: int, what: str) -> None:
                if number:
                    bar.update(task, description=what, total=total, completed=number - 1)
                else:
                    bar.update(task, description=what)

            yield update
            total = bar.tasks[0].total
            if total:
                bar.update(task, description="The demo data is ready", completed=total)
