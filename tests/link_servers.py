"""Web servers for the link checker's tests: several hosts on loopback addresses (127.0.0.1,
127.0.0.2, ... each its own host) and a transport that refuses any other address."""

import ipaddress
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response


class OutsideLoopback(AssertionError):
    """A request for an address outside 127.0.0.0/8."""


class LoopbackOnly(httpx.AsyncHTTPTransport):
    """An httpx transport that fails the test on any address outside 127.0.0.0/8 (the only
    hosts the tests give the checker are loopback addresses, so this never fires unless the
    checker goes somewhere it was not sent)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.hosts: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        self.hosts.append(host)
        try:
            loopback = ipaddress.ip_address(host) in ipaddress.ip_network("127.0.0.0/8")
        except ValueError:
            loopback = False
        if not loopback:
            raise OutsideLoopback(f"a request for {request.url} left 127.0.0.0/8")
        return await super().handle_async_request(request)


@contextmanager
def web_server(host: str, **kwargs: Any) -> Iterator[HTTPServer]:
    """A threaded test web server on `host` (a loopback address)."""
    server = HTTPServer(host=host, port=0, threaded=True, **kwargs)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        if server.is_running():
            server.stop()


def closed_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on (bound once, then released)."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


class Stamps:
    """A handler that answers 200 and notes when each request came (the server's clock)."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def __call__(self, _request: Request) -> Response:
        self.times.append(time.monotonic())
        return Response("ok", content_type="text/html")
