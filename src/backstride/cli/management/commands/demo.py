from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "Create a demo database once (runners and a clinician with real-looking logs) and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument("--no-serve", action="store_true", help="only create the demo data")
        self.add_db_arguments(parser, runner=False)

    def handle(self, *args, **options):
        from backstride.cli.db import ensure_database
        from backstride.demo import seed

        ensure_database()
        logins = seed()
        self.stdout.write("Demo logins (every password is the same):")
        for role, name in logins.items():
            self.stdout.write(f"  {role}: {name}")
        if options["no_serve"]:
            return
        from backstride.web.server import run

        self.stdout.write(f"Open http://{options['host']}:{options['port']}/ (Ctrl+C stops it)")
        self.stdout.flush()
        run(options["host"], options["port"])
