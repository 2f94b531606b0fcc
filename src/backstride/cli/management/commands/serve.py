from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "Serve the web app with a production WSGI server (gunicorn) and WhiteNoise for static files."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument("--workers", type=int, default=4, help="worker processes (default 4)")
        parser.add_argument("--threads", type=int, default=2, help="threads per worker (default 2)")
        self.add_db_arguments(parser, runner=False)

    def handle(self, *args, **options):
        from backstride.cli.db import ensure_database
        from backstride.web.server import run

        ensure_database()  # the embedded database migrates itself; so does a new PostgreSQL database
        self.stdout.write(f"backstride is serving on http://{options['host']}:{options['port']}/ (Ctrl+C stops it)")
        run(options["host"], options["port"], options["workers"], options["threads"])
