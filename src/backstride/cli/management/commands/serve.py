import os
import subprocess
import sys

from backstride.cli.base import BackstrideCommand
from backstride.core.errors import InputError


class Command(BackstrideCommand):
    help = "Serve the web app with a production WSGI server (gunicorn) and WhiteNoise for static files."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument("--workers", type=int, default=4, help="worker processes (default 4)")
        parser.add_argument("--threads", type=int, default=2, help="threads per worker (default 2)")
        parser.add_argument(
            "--timeout",
            type=int,
            default=30,
            help="seconds a request may run before its worker is replaced (default 30)",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start the job worker (reminders) beside the server; run 'backstride worker' elsewhere",
        )
        self.add_db_arguments(parser, runner=False)

    def handle(self, *args, **options):
        from backstride.cli.db import ensure_database
        from backstride.web.server import run

        if options["timeout"] < 1:
            raise InputError("--timeout", "must be 1 second or more")
        ensure_database()  # the embedded database migrates itself; so does a new PostgreSQL database
        worker = None
        if not options["no_worker"]:
            # its own process: the job queue's consumer wants the main thread, and gunicorn keeps this one.
            # The database chosen by --db is already in the environment (cli.db.apply_db_option).
            worker = subprocess.Popen([sys.executable, "-m", "backstride", "worker"], env=os.environ.copy())
        self.stdout.write(f"backstride is serving on http://{options['host']}:{options['port']}/ (Ctrl+C stops it)")
        try:
            run(options["host"], options["port"], options["workers"], options["threads"], options["timeout"])
        finally:
            if worker is not None:
                worker.terminate()
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()
