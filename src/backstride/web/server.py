"""Running the WSGI app under gunicorn from Python, so `backstride serve` needs no extra command."""

from __future__ import annotations

import contextlib
import gc
import os
import socket
import time

from gunicorn.app.base import BaseApplication
from gunicorn.workers import gthread


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


# Connections a worker keeps open for each of its threads. A worker holding more answers with
# "Connection: close", and the client connects again, to whichever worker is free first: otherwise
# one worker can take every long-lived connection (a phone app's, a proxy's) and serve them all in
# turn while the others wait idle.
KEPT_PER_THREAD = 8
# The longest a request may run. Python cannot stop a thread, so a worker with a request past this
# closes that request's connection and ends; gunicorn starts a fresh worker in its place. Without it,
# gunicorn's threaded workers never time a request out and a few stuck ones starve every user.
REQUEST_SECONDS = 30
OVERRUN_EXIT = 1  # any code but gunicorn's boot (3) and load (4) errors: the worker is replaced


class ThreadWorker(gthread.ThreadWorker):
    """gunicorn's threaded worker with a deadline for each request, keeping only its share of connections.

    The connection limit (worker_connections) stays high: a worker at that limit stops reading the
    connections it keeps until a request ends, which would stall clients waiting on one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.running: dict[int, tuple[float, gthread.TConn]] = {}  # id of the connection: (began, connection)

    @property
    def max_keepalived(self) -> int:
        """Read by gunicorn before each answer: no keep-alive while this worker holds more than its share."""
        return 0 if self.nr_conns > self.cfg.threads * KEPT_PER_THREAD else self._max_keepalived

    @max_keepalived.setter
    def max_keepalived(self, value: int) -> None:
        self._max_keepalived = value

    def load_wsgi(self):
        super().load_wsgi()
        from importlib import import_module

        from django.conf import settings

        import_module(settings.ROOT_URLCONF)  # every view and the API, loaded now rather than at the first request
        # What is loaded now stays for the worker's life: the collector need not walk it again and again
        # (a full collection walked well over 100,000 objects; about a tenth of a session log's time).
        gc.freeze()

    def handle(self, conn):  # in a thread of the pool
        self.running[id(conn)] = (time.monotonic(), conn)
        try:
            return super().handle(conn)
        finally:
            self.running.pop(id(conn), None)

    def murder_keepalived(self):  # the worker's main loop calls this at least once a second
        super().murder_keepalived()
        deadline = time.monotonic() - self.cfg.timeout
        late = [conn for began, conn in list(self.running.values()) if began < deadline]
        if late:
            self.log.error(
                "A request from %s ran past %s s: this worker stops and a new one takes its place",
                late[0].client,
                self.cfg.timeout,
            )
            for conn in late:
                with contextlib.suppress(OSError):
                    conn.sock.shutdown(socket.SHUT_RDWR)
            os._exit(OVERRUN_EXIT)  # the request's thread cannot be stopped any other way


def run(host: str, port: int, workers: int = 4, threads: int = 2, timeout: int = REQUEST_SECONDS) -> None:
    Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "backstride.web.server.ThreadWorker",
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "timeout": timeout,  # also gunicorn's own: a worker silent for this long is replaced
            "graceful_timeout": 5,
            "proc_name": "backstride",
        }
    ).run()
