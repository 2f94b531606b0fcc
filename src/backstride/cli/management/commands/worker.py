import logging

from backstride.cli.base import BackstrideCommand


class Command(BackstrideCommand):
    help = "Run the job queue: work out due reminders every few minutes and send them by email and Web Push."

    def add_arguments(self, parser):
        parser.add_argument("--threads", type=int, default=2, help="jobs run at once (default 2)")
        parser.add_argument(
            "--once", action="store_true", help="work out and send what is due now, then stop (for cron or a check)"
        )
        parser.add_argument("--verbose", action="store_true", help="log each job")
        self.add_db_arguments(parser, runner=False)

    def handle(self, *args, **options):
        from backstride.cli.db import ensure_database
        from backstride.reminders.queue import huey, jobs

        ensure_database()
        queue = huey()
        if options["once"]:
            # the periodic job, run here and now, then the sends it queued
            queued = jobs().plan.call_local()
            self.stdout.write(f"{queued} reminders claimed and queued")
            while (task := queue.dequeue()) is not None:
                queue.execute(task)
            return
        logger = logging.getLogger("huey")
        if not logger.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            logger.addHandler(handler)
        logger.setLevel(logging.INFO if options["verbose"] else logging.WARNING)
        self.stdout.write(
            f"backstride worker: {type(queue).__name__} queue, {options['threads']} threads (Ctrl+C stops)"
        )
        self.stdout.flush()
        queue.create_consumer(workers=options["threads"], worker_type="thread", periodic=True).run()
