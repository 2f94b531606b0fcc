from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "List the runners in the database."

    def add_arguments(self, parser):
        self.add_db_arguments(parser, runner=False)
        self.add_json_argument(parser)

    def handle(self, *args, **options):
        from backstride.cli.db import ensure_database
        from backstride.runners.models import Runner

        ensure_database()
        rows = [
            {
                "id": r.id,
                "name": r.name,
                "created_at": r.created_at.isoformat(),
                "status": ((r.state or {}).get("paused") and "paused") or ("active" if r.state else "no plan"),
            }
            for r in Runner.objects.order_by("id")
        ]
        if options["json"]:
            self.print_json(rows)
            return
        from rich.table import Table

        table = Table("id", "name", "status", "since")
        for r in rows:
            table.add_row(str(r["id"]), r["name"], r["status"], r["created_at"][:10])
        self.console().print(table)
