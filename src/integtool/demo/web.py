"""The web as the demo's pages see it: an httpx transport that answers every external link
of the demo content offline, so `integtool --demo links neustadt` shows every class of link
without touching the network (anything not listed is a plain working page)."""

import socket

import httpx

_HOME = "/"
_ANSWERS: dict[tuple[str, str], tuple[int, dict[str, str]]] = {
    ("www.neustadt-lindenfluss.example", "/termine"): (301, {"Location": "/online-termine"}),
    ("www.landkreis-birkenau.example", "/termine"): (301, {"Location": "/online-termine"}),
    ("www.neustadt-lindenfluss.example", "/auslaenderbehoerde/verlaengerung"): (404, {}),
    ("www.landkreis-birkenau.example", "/auslaenderbehoerde/verlaengerung"): (404, {}),
    ("www.neustadt-lindenfluss.example", "/beratung"): (302, {"Location": _HOME}),
    ("www.landkreis-birkenau.example", "/beratung"): (302, {"Location": _HOME}),
    ("www.116117.de", "/"): (403, {}),
    ("learngerman.dw.com", "/de/overview"): (410, {}),
    ("www.neustadt-lindenfluss.example", "/media/stadtplan.pdf"): (
        200, {"Content-Type": "application/pdf"}),
    ("www.neustadt-lindenfluss.example", "/media/wegweiser.pdf"): (404, {}),
    ("www.neustadt-lindenfluss.example", "/media/rathaus.jpg"): (
        200, {"Content-Type": "image/jpeg"}),
}  # fmt: skip
"""(host, path) -> status and headers; a redirect's Location is relative to its host."""
_HEAD_REFUSED = {"www.anerkennung-in-deutschland.de"}
"""Hosts that answer HEAD with 405 (the checker then asks with GET)."""
_NO_SUCH_HOST = {"www.sprachcafe-neustadt.example"}
"""Hosts whose names do not resolve (a broken link by DNS)."""


def demo_web_transport() -> httpx.MockTransport:
    """A transport answering the demo's external addresses."""

    def handle(request: httpx.Request) -> httpx.Response:
        host, path = request.url.host, request.url.path
        if host in _NO_SUCH_HOST:
            raise httpx.ConnectError(
                "[Errno -2] Name or service not known", request=request
            ) from socket.gaierror(-2, "Name or service not known")
        if host in _HEAD_REFUSED and request.method == "HEAD":
            return httpx.Response(405)
        status, headers = _ANSWERS.get((host, path), (200, {"Content-Type": "text/html"}))
        body = b"<html><body><h1 id='inhalt'>Demo</h1></body></html>"
        return httpx.Response(status, headers=headers, content=body)

    return httpx.MockTransport(handle)
