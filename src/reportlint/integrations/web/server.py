"""Run the page: bind a local port (a free one unless asked), print the address, open the browser, serve with
uvicorn until Ctrl+C. Uploads live in the server's memory and are gone when it stops."""

from __future__ import annotations

import socket
import threading
import time
import webbrowser
from collections.abc import Callable

import uvicorn

from reportlint.config.settings import Settings
from reportlint.integrations.web.app import Limits, allowed_hosts, create_app

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (0: a free port the system picks). Raises ``OSError``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


def url_of(host: str, sock: socket.socket) -> str:
    port = sock.getsockname()[1]
    shown = "127.0.0.1" if host == "localhost" else (f"[{host}]" if ":" in host else host)
    return f"http://{shown}:{port}/"


class WebServer:
    """uvicorn serving the page on an already bound socket; :meth:`run` blocks, :meth:`start` runs it on a
    thread (the tests), :meth:`stop` ends it."""

    def __init__(self, settings: Settings, host: str, sock: socket.socket, limits: Limits | None = None) -> None:
        self.sock = sock
        self.url = url_of(host, sock)
        self.app = create_app(settings, allowed_hosts(host, sock.getsockname()[1]), limits)
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off", server_header=False)
        self.server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    def run(self, on_started: Callable[[], None] | None = None) -> None:
        if on_started is not None:
            threading.Thread(target=self._when_started, args=(on_started,), daemon=True).start()
        try:
            self.server.run(sockets=[self.sock])
        finally:
            self.sock.close()
            self.app.state.store.clear()

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, daemon=True)
        self._thread.start()
        self._wait_started(30)

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(30)

    def _wait_started(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if time.monotonic() > deadline or (self._thread is not None and not self._thread.is_alive()):
                return False
            time.sleep(0.02)
        return True

    def _when_started(self, callback: Callable[[], None]) -> None:
        if self._wait_started(60):
            callback()


def open_browser(url: str) -> bool:
    try:
        return webbrowser.open(url)
    except Exception:  # no browser to open: the printed address is enough
        return False
