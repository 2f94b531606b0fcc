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


def run(host: str, port: int, workers: int = 4, threads: int = 2) -> None:
    Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "timeout": 60,
            "graceful_timeout": 5,
            "proc_name": "backstride",
        }
    ).run()
