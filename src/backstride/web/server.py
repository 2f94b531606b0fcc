"""Running the WSGI app under gunicorn from Python, so `backstride serve` needs no extra command."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class Server(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from backstride.web.wsgi import application

        return application


# Idle keep-alive connections a worker holds for each of its threads. Beyond them it closes a
# connection after its response and the client connects again, to whichever worker is free first:
# without a bound, one worker can take every long-lived connection (a phone app's, a proxy's) and
# serve them all in turn while the others wait idle.
KEPT_PER_THREAD = 8


def run(host: str, port: int, workers: int = 4, threads: int = 2) -> None:
    Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            # gunicorn keeps worker_connections - threads connections alive
            "worker_connections": threads * (KEPT_PER_THREAD + 1),
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "timeout": 60,
            "graceful_timeout": 5,
            "proc_name": "backstride",
        }
    ).run()
