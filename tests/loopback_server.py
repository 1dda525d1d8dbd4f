"""pytest-httpserver's server, stopped in milliseconds instead of half a second."""

from pytest_httpserver import HTTPServer

POLL_INTERVAL = 0.01
"""Seconds between the serving thread's looks at a stop request (werkzeug's default is 0.5,
and `stop()` waits for the next look: half a second at the end of every test with a server)."""


class LoopbackServer(HTTPServer):
    """A real HTTP server on 127.0.0.x, like `HTTPServer`, whose `stop()` returns at once."""

    def thread_target(self) -> None:
        assert self.server is not None
        self.server.serve_forever(poll_interval=POLL_INTERVAL)
